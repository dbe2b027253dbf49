import {
  resolve,
  type ExampleObject,
  type HeaderObject,
  type OpenApiDocument,
  type ResponseObject,
} from '@envspec/specs';
import { ApiError, type OperationReply } from '@envspec/vendors';
import { preferredStatus, type Preferences } from '../spec/prefer.ts';
import type { IndexedOperation } from '../spec/spec-index.ts';

/**
 * What stateful mode refuses of an already checked `Prefer` (`checkPreferences`): generated data,
 * which only Prism makes. Raw; the engine adapts it to the vendor.
 */
export function statefulPreferenceMisfit(preferences: Preferences): ApiError | undefined {
  if (preferences.dynamic !== 'true') return undefined;
  return new ApiError(
    400,
    'Prefer: dynamic=true cannot be served in stateful mode, whose answers come from the stored state; start the mock with --mode dynamic for generated data',
    { code: 'invalid_prefer' },
  );
}

/** The documented headers of a response that have an example, except the ones the engine sets per request. */
function documentedHeaders(document: OpenApiDocument, response: ResponseObject): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, node] of Object.entries(response.headers ?? {})) {
    if (/^(x-request-id|content-type|content-length)$/i.test(name)) continue;
    const header = resolve<HeaderObject>(document, node);
    const example = header.example ?? resolve<{ example?: unknown }>(document, header.schema ?? {}).example;
    if (example !== undefined) headers[name] = String(example);
  }
  return headers;
}

/**
 * The documented answer a `Prefer: code=…` / `example=…` asks for: that status's example (the named
 * one, or its first) as the spec writes it — for an error status, in the vendor's own envelope — and
 * its documented headers (Retry-After, ETag, rate limits). Read from the spec alone, so answering it
 * reads and writes no state. Undefined when the request names no response.
 */
export function preferredAnswer(
  document: OpenApiDocument,
  operation: IndexedOperation,
  preferences: Preferences,
): OperationReply | undefined {
  if (preferences.code === undefined && preferences.example === undefined) return undefined;
  const status = preferredStatus(preferences, operation);
  const node = status === undefined ? undefined : operation.operation.responses[status];
  // checkPreferences has refused any status the operation does not document.
  if (status === undefined || node === undefined) return undefined;
  const response = resolve<ResponseObject>(document, node);
  const media = response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
  const examples = media?.examples ?? {};
  const chosen = examples[preferences.example ?? Object.keys(examples)[0] ?? ''];
  const body = chosen === undefined ? media?.example : resolve<ExampleObject>(document, chosen).value;
  return { status: Number(status), headers: documentedHeaders(document, response), body: structuredClone(body) };
}
