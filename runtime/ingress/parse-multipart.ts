// multipart/form-data with busboy: text fields nest like a URL-encoded form, files are
// listed apart with their exact size (their content kept only up to a limit).
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { ApiError } from '../api/api-error';
import { nestFields, tooManyFields } from './form-fields';

export interface UploadedFile {
  /** The form field the file came in (`attachment`, `files[]`). */
  field: string;
  /** As the sender named it, without any directory; '' when it gave none. */
  filename: string;
  mimeType: string;
  /** Exact size in bytes, counted even when the content is not kept. */
  size: number;
  /** The bytes, present only when size <= the content limit. */
  content?: Buffer;
  /** True when the file was larger than the content limit and its bytes were dropped. */
  truncated: boolean;
}

export interface MultipartLimits {
  fileContentLimitBytes: number;
  maxFields: number;
  maxFiles: number;
}

export interface MultipartBody {
  value: Record<string, unknown>;
  files: UploadedFile[];
}

export function parseMultipart(
  raw: Buffer,
  contentTypeHeader: string,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentTypeHeader },
        // Browsers and HTTP clients send UTF-8 filenames without RFC 5987 encoding.
        defParamCharset: 'utf8',
        limits: {
          fields: limits.maxFields,
          files: limits.maxFiles,
          // The whole body is already within the trigger's size limit.
          fieldSize: Infinity,
          fieldNameSize: 4096,
        },
      });
    } catch (error) {
      reject(invalidMultipart(error));
      return;
    }
    const fields: [string, string][] = [];
    const pendingFiles: Promise<UploadedFile>[] = [];
    let failed = false;
    const fail = (error: ApiError): void => {
      if (failed) return;
      failed = true;
      reject(error);
      parser.destroy();
    };

    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('file', (name, stream, info) => {
      const file = collectFile(stream, name, info, limits.fileContentLimitBytes);
      // Handled by Promise.all on success; after a failure nobody awaits it.
      file.catch(() => undefined);
      pendingFiles.push(file);
    });
    parser.on('fieldsLimit', () => fail(tooManyFields(limits.maxFields)));
    parser.on('filesLimit', () => {
      fail(
        new ApiError(
          413,
          'too_many_files',
          `The form has more than ${limits.maxFiles} files, the most this webhook accepts`,
        ),
      );
    });
    parser.on('error', (error) => fail(invalidMultipart(error)));
    parser.on('finish', () => {
      if (failed) return;
      Promise.all(pendingFiles).then(
        (files) => resolve({ value: nestFields(fields), files }),
        (error: unknown) => fail(invalidMultipart(error)),
      );
    });
    parser.end(raw);
  });
}

function collectFile(
  stream: Readable,
  field: string,
  info: busboy.FileInfo,
  contentLimit: number,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the bytes are only counted, so a large upload costs no memory.
      if (size <= contentLimit) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.on('error', reject);
    stream.on('end', () => {
      const truncated = size > contentLimit;
      resolve({
        field,
        filename: info.filename ?? '',
        mimeType: info.mimeType,
        size,
        ...(truncated ? {} : { content: Buffer.concat(chunks, size) }),
        truncated,
      });
    });
  });
}

function invalidMultipart(error: unknown): ApiError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(
    400,
    'invalid_multipart',
    `The body is not a valid multipart/form-data message: ${reason}`,
  );
}
