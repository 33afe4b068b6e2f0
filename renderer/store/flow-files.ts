// Flow files in the designer: reading a chosen or dropped file, importing it, exporting
// the open flow. Every failure becomes a message that says what to do.
import { z } from 'zod';
import type { FieldProblem } from '../../runtime/shared/api-error';
import type { GraphProblem } from '../../runtime/shared/publishing';
import { api, ApiRequestError } from '../api/client';
import { saveFile } from '../ui/save-file';
import { useFlowsList } from './flows-list-store';
import { errorText } from './notices-store';
import { problemsInDetails } from './problems';

/** The admin API's body limit (runtime/server/admin-app.ts ADMIN_BODY_LIMIT). */
export const MAX_FLOW_FILE_BYTES = 10 * 1024 * 1024;

const CHOOSE_ANOTHER = 'Choose a .flow.json file exported from Hookflow.';

export type ReadFlowFile =
  | { ok: true; document: unknown; name: string | undefined; nodeCount: number | undefined }
  | { ok: false; message: string };

const previewSchema = z.object({
  name: z.string().optional().catch(undefined),
  draft: z
    .object({ nodes: z.array(z.unknown()) })
    .optional()
    .catch(undefined),
});

/** Parses a file's text; the runtime checks the rest on import. */
export function readFlowFileText(text: string, fileName: string): ReadFlowFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `“${fileName}” is not a flow file: it is not valid JSON (${errorText(error)}). ${CHOOSE_ANOTHER}`,
    };
  }
  const preview = previewSchema.safeParse(document);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, message: `“${fileName}” holds no flow. ${CHOOSE_ANOTHER}` };
  }
  return {
    ok: true,
    document,
    name: preview.success ? preview.data.name : undefined,
    nodeCount: preview.success ? preview.data.draft?.nodes.length : undefined,
  };
}

export async function readFlowFile(file: File): Promise<ReadFlowFile> {
  if (file.size > MAX_FLOW_FILE_BYTES) {
    return {
      ok: false,
      message: `“${file.name}” is too large for a flow file (over 10 MB). ${CHOOSE_ANOTHER}`,
    };
  }
  try {
    return readFlowFileText(await file.text(), file.name);
  } catch (error) {
    return { ok: false, message: `Could not read “${file.name}”: ${errorText(error)}` };
  }
}

export type ImportOutcome =
  | {
      kind: 'imported';
      flowId: string;
      name: string;
      /** The version that went live, when publishing was asked for. */
      version: number | undefined;
      problems: GraphProblem[];
    }
  /** Publishing was asked for but the flow does not validate: it was imported as a draft. */
  | { kind: 'draft'; flowId: string; message: string; problems: GraphProblem[] }
  | { kind: 'failed'; message: string; details: string[] };

const draftDetailsSchema = z.object({ flowId: z.string() });

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    typeof value.path === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

/** The lines listed under a refused import: where in the file, and what is wrong. */
export function importProblemLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isFieldProblem).map((problem) => {
    const path = problem.path.replace(/^document\.?/, '');
    return path ? `${path}: ${problem.message}` : problem.message;
  });
}

export async function importFlowDocument(
  document: unknown,
  publish: boolean,
): Promise<ImportOutcome> {
  try {
    const result = await api.importFlow({ document, publish });
    await useFlowsList.getState().refresh();
    return {
      kind: 'imported',
      flowId: result.flow.id,
      name: result.flow.name,
      version: result.published ? result.flow.published?.version : undefined,
      problems: result.problems,
    };
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'invalid_flow') {
      const draft = draftDetailsSchema.safeParse(error.details);
      if (draft.success) {
        await useFlowsList.getState().refresh();
        return {
          kind: 'draft',
          flowId: draft.data.flowId,
          message: error.message,
          problems: problemsInDetails(error.details) ?? [],
        };
      }
    }
    if (error instanceof ApiRequestError && error.status === 413) {
      return {
        kind: 'failed',
        message: `The file is too large to import (over 10 MB). ${CHOOSE_ANOTHER}`,
        details: [],
      };
    }
    const details = error instanceof ApiRequestError ? importProblemLines(error.details) : [];
    if (details.length > 0) {
      const count = `${details.length} problem${details.length === 1 ? '' : 's'}`;
      return {
        kind: 'failed',
        message: `Not imported: the file has ${count}. Fix ${details.length === 1 ? 'it' : 'them'} in the file, or ${CHOOSE_ANOTHER.charAt(0).toLowerCase()}${CHOOSE_ANOTHER.slice(1)}`,
        details,
      };
    }
    const refused = error instanceof ApiRequestError && error.status === 400;
    const text = errorText(error);
    return {
      kind: 'failed',
      message: refused
        ? `Not imported: ${text}${/[.!]$/.test(text) ? '' : '.'} ${CHOOSE_ANOTHER}`
        : `Not imported: ${text}`,
      details: [],
    };
  }
}

/** Downloads the flow file; returns its file name. */
export async function exportFlowFile(flowId: string, flowName: string): Promise<string> {
  const { blob, fileName } = await api.exportFlow(flowId);
  const name =
    fileName ?? `${flowName.replace(/[^A-Za-z0-9 _-]+/g, '').trim() || 'flow'}.flow.json`;
  saveFile(blob, name);
  return name;
}
