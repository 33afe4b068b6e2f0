// The admin API behind the HTTP Request inspector's Test Request (issue 12): send the
// node's request now with sample values, through the runtime (runtime/shared/http-test-request.ts).
import {
  httpTestRequestPath,
  type HttpTestRequestInput,
  type HttpTestRequestResult,
} from '../../runtime/shared/http-test-request';
import { request } from './client';

export function sendTestRequest(
  flowId: string,
  nodeId: string,
  input: HttpTestRequestInput,
  signal?: AbortSignal,
): Promise<HttpTestRequestResult> {
  return request<HttpTestRequestResult>('POST', httpTestRequestPath(flowId, nodeId), input, signal);
}
