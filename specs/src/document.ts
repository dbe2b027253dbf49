import { escapeSegment, pointerSegments } from './json-pointer.ts';

/** The subset of an OpenAPI 3.1 document envspec's tools read. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: Array<{ url: string; description?: string; variables?: Record<string, unknown> }>;
  paths: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
  security?: Array<Record<string, string[]>>;
}

export const httpMethods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface Reference {
  $ref: string;
}
export interface ExampleObject {
  summary?: string;
  value: unknown;
}
export interface MediaTypeObject {
  schema?: unknown;
  examples?: Record<string, ExampleObject | Reference>;
  example?: unknown;
}
export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema?: unknown;
  example?: unknown;
}
export interface ParameterObject extends HeaderObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}
export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
}
export interface OperationObject {
  operationId: string;
  summary?: string;
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> } | Reference;
  responses: Record<string, ResponseObject | Reference>;
  security?: Array<Record<string, string[]>>;
}
export type PathItem = { parameters?: Array<ParameterObject | Reference> } & Partial<
  Record<HttpMethod, OperationObject>
>;

function isReference(node: unknown): node is Reference {
  return typeof node === 'object' && node !== null && typeof (node as Reference).$ref === 'string';
}

export interface Located<T> {
  value: T;
  /** Where `value` lives in the document, as pointer segments. */
  at: string[];
}

/** Follows local `$ref`s (`#/components/...`) from `node`, found at `at`, to the inline object and its location. */
export function locate<T>(document: OpenApiDocument, node: T | Reference, at: string[]): Located<T> {
  let current: unknown = node;
  let location = at;
  for (let hops = 0; isReference(current); hops += 1) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    location = pointerSegments(ref.slice(1));
    current = location.reduce<unknown>(
      (parent, key) => (parent as Record<string, unknown> | undefined)?.[key],
      document,
    );
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return { value: current as T, at: location };
}

/** Follows local `$ref`s (`#/components/...`) until it reaches an inline object. */
export function resolve<T>(document: OpenApiDocument, node: T | Reference): T {
  return locate(document, node, []).value;
}

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: OperationObject;
  /** Path-level and operation-level parameters, resolved. */
  parameters: Array<Located<ParameterObject>>;
}

/** Every operation of a document, with its parameters resolved. */
export function listOperations(document: OpenApiDocument): OperationEntry[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    httpMethods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const parameters = [
        ...(item.parameters ?? []).map((parameter, index) =>
          locate<ParameterObject>(document, parameter, ['paths', path, 'parameters', String(index)]),
        ),
        ...(operation.parameters ?? []).map((parameter, index) =>
          locate<ParameterObject>(document, parameter, ['paths', path, method, 'parameters', String(index)]),
        ),
      ];
      return [{ path, method, operation, parameters }];
    }),
  );
}

/** JSON Pointer (RFC 6901) of a location in the document, for schema `$ref`s and messages. */
export function pointer(...segments: string[]): string {
  return `#/${segments.map(escapeSegment).join('/')}`;
}
