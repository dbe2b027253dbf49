import {
  bundleOf,
  listOperations,
  locate,
  resolve,
  type ExampleObject,
  type HeaderObject,
  type OpenApiDocument,
  type OperationEntry,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';

const exampleValue = (document: OpenApiDocument, node: unknown) =>
  structuredClone(locate<ExampleObject>(document, node as ExampleObject, []).value.value);

/** A vendor's write operation (its PUT or PATCH), or its read (its GET). */
export function operationOf(vendor: Vendor, kind: 'read' | 'write'): OperationEntry {
  const entry = listOperations(bundleOf(vendor)).find(({ method }) => (method === 'get') === (kind === 'read'));
  if (!entry) throw new Error(`${vendor} has no ${kind} operation`);
  return entry;
}

/** The operation's path with each path parameter replaced by its (percent-encoded) example. */
export function concretePath(entry: OperationEntry): string {
  let path = entry.path;
  for (const { value: parameter } of entry.parameters) {
    if (parameter.in === 'path')
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(parameter.example)));
  }
  return path;
}

/** The path of the fixture the read operation's examples name. */
export function readPath(vendor: Vendor): string {
  return concretePath(operationOf(vendor, 'read'));
}

/** The path with its last segment replaced by raw text (which may be malformed percent-encoding). */
export function withLastSegment(path: string, segment: string): string {
  return `${path.slice(0, path.lastIndexOf('/'))}/${segment}`;
}

export interface SpecRequest {
  method: string;
  path: string;
  /** Header parameters from the spec's examples (Fabro's If-Match), lower case. */
  headers: Record<string, string>;
  contentType: string;
  body: unknown;
  /** The first success status and its first example body. */
  status: number;
  expected: unknown;
}

/** The spec's own update request: its write operation with the example parameters and first body example. */
export function updateRequest(vendor: Vendor): SpecRequest {
  const document = bundleOf(vendor);
  const entry = operationOf(vendor, 'write');
  const headers: Record<string, string> = {};
  for (const { value: parameter } of entry.parameters)
    if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = String(parameter.example);
  const content = locate(document, entry.operation.requestBody!, []).value.content;
  const [contentType, media] = Object.entries(content)[0]!;
  const success = Object.entries(entry.operation.responses).find(([status]) => status.startsWith('2'))!;
  const response = resolve<ResponseObject>(document, success[1]);
  const expected = exampleValue(document, Object.values(Object.values(response.content ?? {})[0]?.examples ?? {})[0]);
  return {
    method: entry.method.toUpperCase(),
    path: concretePath(entry),
    headers,
    contentType,
    body: exampleValue(document, Object.values(media.examples ?? {})[0]),
    status: Number(success[0]),
    expected,
  };
}

/** The documented response of an operation for a status: its first JSON example and its header examples. */
export function documentedResponse(
  vendor: Vendor,
  operationId: string,
  status: number,
): { example: unknown; headers: Record<string, unknown> } {
  const document = bundleOf(vendor);
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  const responseRef = entry?.operation.responses[String(status)];
  if (!responseRef) throw new Error(`${vendor} ${operationId} documents no ${status} response`);
  const response = resolve<ResponseObject>(document, responseRef);
  const first = Object.values(response.content?.['application/json']?.examples ?? {})[0];
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, node]) => {
      const header = resolve<HeaderObject>(document, node);
      return [name, header.example ?? resolve<{ example?: unknown }>(document, header.schema ?? {}).example];
    }),
  );
  return { example: first === undefined ? undefined : exampleValue(document, first), headers };
}
