import {
  listOperations,
  locate,
  type ExampleObject,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationEntry,
  type ResponseObject,
} from './document.ts';

function operationNamed(document: OpenApiDocument, operationId: string): OperationEntry {
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  if (!entry) throw new Error(`no operation '${operationId}' in ${document.info.title}`);
  return entry;
}

/** The named example of a media type (the first when unnamed), as a private copy. */
function exampleValue(document: OpenApiDocument, media: MediaTypeObject | undefined, what: string, name?: string) {
  const examples = media?.examples ?? {};
  const chosen = name === undefined ? Object.values(examples)[0] : examples[name];
  if (!chosen) throw new Error(`${what} has no example${name === undefined ? '' : ` '${name}'`}`);
  return structuredClone(locate<ExampleObject>(document, chosen, []).value.value);
}

/**
 * An example of an operation's response for `status` (its first media type): the first named one,
 * or `name`. Fixtures are seeded from the GET operations' 200 examples, so mocks and servers share ids.
 */
export function responseExample<T = unknown>(
  document: OpenApiDocument,
  operationId: string,
  status: string,
  name?: string,
): T {
  const responseRef = operationNamed(document, operationId).operation.responses[status];
  if (!responseRef) throw new Error(`${operationId} documents no ${status} response`);
  const response = locate<ResponseObject>(document, responseRef, []).value;
  return exampleValue(document, Object.values(response.content ?? {})[0], `${operationId} ${status}`, name) as T;
}

/** An example of an operation's request body (its first media type): the first named one, or `name`. */
export function requestExample<T = unknown>(document: OpenApiDocument, operationId: string, name?: string): T {
  const { requestBody } = operationNamed(document, operationId).operation;
  if (!requestBody) throw new Error(`${operationId} has no request body`);
  const media = Object.values(locate(document, requestBody, []).value.content)[0];
  return exampleValue(document, media, `${operationId} request`, name) as T;
}

/** The example named `name` under `components.examples`, as a private copy. */
export function componentExample<T = unknown>(document: OpenApiDocument, name: string): T {
  const example = document.components?.examples?.[name];
  if (example === undefined) throw new Error(`${document.info.title} has no example '${name}' in components.examples`);
  return structuredClone(locate<ExampleObject>(document, example as ExampleObject, []).value.value) as T;
}
