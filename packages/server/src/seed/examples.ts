import { listOperations, locate, type ExampleObject, type OpenApiDocument, type ResponseObject } from '@envspec/specs';

/** The first named example of an operation's JSON response for `status`, as fixtures are seeded from it. */
export function responseExample<T>(document: OpenApiDocument, operationId: string, status: string): T {
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  if (!entry) throw new Error(`no operation '${operationId}' in ${document.info.title}`);
  const responseRef = entry.operation.responses[status];
  if (!responseRef) throw new Error(`${operationId} documents no ${status} response`);
  const response = locate<ResponseObject>(document, responseRef, []).value;
  const media = Object.values(response.content ?? {})[0];
  const first = Object.values(media?.examples ?? {})[0];
  if (!first) throw new Error(`${operationId} ${status} has no example`);
  return structuredClone(locate<ExampleObject>(document, first, []).value.value) as T;
}
