import {
  locate,
  resolve,
  type ExampleObject,
  type HeaderObject,
  type OpenApiDocument,
  type ResponseObject,
} from '@envspec/specs';
import { jsonContentType } from '@envspec/vendors';
import type { IndexedOperation } from '../spec/spec-index.ts';

/** A documented response as the examples engine serves it: status, the spec's example body, its header examples. */
export interface DocumentedAnswer {
  status: number;
  headers: Record<string, string>;
  /** The serialized example, or undefined for a response the spec documents without a body. */
  body: string | undefined;
}

/** The first 2xx the operation documents: what a request gets when it asks for nothing in particular. */
export function successStatus(operation: IndexedOperation): string | undefined {
  return [...operation.responses.keys()].filter((status) => status.startsWith('2')).sort()[0];
}

/** A header's example: its own, its schema's, or the first of its named examples. */
function headerExample(document: OpenApiDocument, header: HeaderObject): unknown {
  if (header.example !== undefined) return header.example;
  const schema = resolve<{ example?: unknown }>(document, header.schema ?? {});
  if (schema.example !== undefined) return schema.example;
  const first = Object.values((header as { examples?: Record<string, ExampleObject> }).examples ?? {})[0];
  return first === undefined ? undefined : resolve<ExampleObject>(document, first).value;
}

/**
 * The documented response of `operation` for `status`, with its example `name` (the first when
 * unnamed) and every documented header that has an example. `X-Request-Id` is left to the caller:
 * each answer gets its own.
 */
export function documentedAnswer(
  document: OpenApiDocument,
  operation: IndexedOperation,
  status: string,
  name?: string,
): DocumentedAnswer {
  const node = operation.operation.responses[status];
  if (!node) throw new Error(`${operation.method} ${operation.template} documents no ${status} response`);
  const response = resolve<ResponseObject>(document, node);
  const headers: Record<string, string> = {};
  for (const [header, headerNode] of Object.entries(response.headers ?? {})) {
    if (header.toLowerCase() === 'x-request-id') continue;
    const example = headerExample(document, resolve<HeaderObject>(document, headerNode));
    if (example !== undefined) headers[header] = String(example);
  }
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (mediaType === undefined || media === undefined) return { status: Number(status), headers, body: undefined };
  const examples = media.examples ?? {};
  const chosen = name === undefined ? Object.values(examples)[0] : examples[name];
  const value = chosen === undefined ? media.example : locate<ExampleObject>(document, chosen, []).value.value;
  headers['Content-Type'] = mediaType === 'application/json' ? jsonContentType : mediaType;
  return { status: Number(status), headers, body: JSON.stringify(value ?? null) };
}
