/**
 * Requests built from each vendor's own spec (its write operation, example path parameters, header
 * parameters and first body example), the demo credentials, and a raw HTTP client that sends exactly
 * what it is given (malformed paths, oversized headers) and never reuses a connection.
 */
import { request } from 'node:http';
import {
  createSchemaValidator,
  formatIssues,
  listOperations,
  loadBundle,
  locate,
  resolve,
  type ExampleObject,
  type OpenApiDocument,
  type OperationEntry,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';

/** The reference server's demo write credentials; Prism only checks that they are present. */
export const credentials: Record<Vendor, Record<string, string>> = {
  qoder: { authorization: 'Bearer qoder_pat_demo_write' },
  fabro: { authorization: 'Bearer fabro_dev_demo_write' },
  datadog: { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_write' },
  launchdarkly: { authorization: 'api-0000demo-write' },
};

const documents = new Map<Vendor, OpenApiDocument>();
export function documentOf(vendor: Vendor): OpenApiDocument {
  let document = documents.get(vendor);
  if (!document) documents.set(vendor, (document = loadBundle(vendor)));
  return document;
}

const exampleValue = (document: OpenApiDocument, node: unknown) =>
  locate<ExampleObject>(document, node as ExampleObject, []).value.value;

function operationOf(vendor: Vendor, write: boolean): OperationEntry {
  const entry = listOperations(documentOf(vendor)).find(({ method }) => (method === 'get') !== write);
  if (!entry) throw new Error(`${vendor} has no ${write ? 'write' : 'read'} operation`);
  return entry;
}

function concretePath(entry: OperationEntry): string {
  let path = entry.path;
  for (const { value: parameter } of entry.parameters) {
    if (parameter.in === 'path')
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(parameter.example)));
  }
  return path;
}

export interface SpecRequest {
  method: string;
  path: string;
  /** Header parameters from the spec's examples (Fabro's If-Match). */
  headers: Record<string, string>;
  contentType: string;
  body: unknown;
  /** The first success status and its first example body. */
  status: number;
  expected: unknown;
}

/** The spec's own update request. */
export function updateRequest(vendor: Vendor): SpecRequest {
  const document = documentOf(vendor);
  const entry = operationOf(vendor, true);
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

/** The read of the same resource. */
export function readPath(vendor: Vendor): string {
  return concretePath(operationOf(vendor, false));
}

/** The path with its last segment replaced by raw text (which may be malformed percent-encoding). */
export function withLastSegment(path: string, segment: string): string {
  return `${path.slice(0, path.lastIndexOf('/'))}/${segment}`;
}

/** Checks a body against the vendor's error envelope (the schema of the operation's documented 4xx responses); returns the problems. */
export function envelopeIssues(vendor: Vendor, body: unknown): string {
  const document = documentOf(vendor);
  const entry = operationOf(vendor, true);
  const errorResponse = Object.entries(entry.operation.responses).find(([status]) => status.startsWith('4'))!;
  const schema = Object.values(resolve<ResponseObject>(document, errorResponse[1]).content ?? {})[0]?.schema as {
    $ref: string;
  };
  return formatIssues(createSchemaValidator(document).validate(schema.$ref, body), 'body');
}

/** The error message inside any vendor's envelope. */
export function errorMessage(body: unknown): string {
  const value = body as {
    error?: { message?: string };
    errors?: Array<string | { detail?: string }>;
    message?: string;
  };
  if (value.error?.message) return value.error.message;
  if (value.errors) return value.errors.map((item) => (typeof item === 'string' ? item : item.detail)).join('; ');
  return value.message ?? '';
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  ms: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request on a fresh connection, sent exactly as given. */
export function send(baseUrl: string, { method = 'GET', path, headers = {}, body }: RawRequest): Promise<Reply> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolvePromise({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json,
            ms: Date.now() - started,
          });
        });
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** Sends a JSON body (already serialized when a string) with the vendor's credentials and the spec's header parameters. */
export function sendUpdate(
  baseUrl: string,
  vendor: Vendor,
  body: string | Buffer,
  extra: Record<string, string> = {},
): Promise<Reply> {
  const update = updateRequest(vendor);
  return send(baseUrl, {
    method: update.method,
    path: update.path,
    headers: { ...update.headers, ...credentials[vendor], 'content-type': update.contentType, ...extra },
    body,
  });
}
