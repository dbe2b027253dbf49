import type { OpenApiDocument } from '@envspec/specs';
import { ApiError, type OperationReply } from '@envspec/vendors';
import { documentedAnswer } from '../examples/documented-response.ts';
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

/**
 * The documented answer a `Prefer: code=…` / `example=…` asks for (`documentedAnswer`, as the
 * examples engine serves it): that status's example — for an error status, in the vendor's own
 * envelope — and its documented headers (Retry-After, ETag, rate limits). Read from the spec alone,
 * so answering it reads and writes no state. Undefined when the request names no response.
 */
export function preferredAnswer(
  document: OpenApiDocument,
  operation: IndexedOperation,
  preferences: Preferences,
): OperationReply | undefined {
  if (preferences.code === undefined && preferences.example === undefined) return undefined;
  const status = preferredStatus(preferences, operation);
  // checkPreferences has refused any status the operation does not document.
  if (status === undefined || !operation.responses.has(status)) return undefined;
  const { headers, body } = documentedAnswer(document, operation, status, preferences.example);
  // The engine sets the content type of every answer; the rest are the documented headers.
  const { 'Content-Type': _contentType, ...documented } = headers;
  return { status: Number(status), headers: documented, body: body === undefined ? undefined : JSON.parse(body) };
}
