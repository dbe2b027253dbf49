import {
  listOperations,
  resolve,
  type OpenApiDocument,
  type OperationObject,
  type Reference,
  type ResponseObject,
} from '@envspec/specs';

/** One documented operation, as the mock front needs it. */
export interface IndexedOperation {
  method: string;
  /** The spec's path template, e.g. `/api/v1/environments/{id}`. */
  template: string;
  operation: OperationObject;
  /** Documented statuses, each with the names of its examples (all media types). */
  responses: Map<string, string[]>;
}

/** A spec path template with every operation on it. */
export interface IndexedPath {
  template: string;
  pattern: RegExp;
  /** By upper-case method. */
  operations: Map<string, IndexedOperation>;
}

/** What the mock front reads from a vendor's bundle: routes, and the header names CORS must allow or expose. */
export interface SpecIndex {
  /** The path template a raw (still percent-encoded) request path falls under, if any. */
  match(path: string): IndexedPath | undefined;
  /** Every upper-case method the spec documents, on any path. */
  methods: string[];
  /** Request headers carrying credentials (`Authorization`, `DD-API-KEY`, …), as the spec spells them. */
  credentialHeaders: string[];
  /** Header parameters of any operation (`If-Match`, …). */
  headerParameters: string[];
  /** Every response header the spec documents (`X-Request-Id`, `ETag`, `Retry-After`, …). */
  responseHeaders: string[];
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

function uniqueInOrder(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
}

/** Indexes a bundle once, so each request is matched without walking the document. */
export function indexSpec(document: OpenApiDocument): SpecIndex {
  const paths = new Map<string, IndexedPath>();
  const responseHeaders: string[] = [];
  const headerParameters: string[] = [];
  for (const entry of listOperations(document)) {
    const indexed = paths.get(entry.path) ?? {
      template: entry.path,
      pattern: templatePattern(entry.path),
      operations: new Map(),
    };
    paths.set(entry.path, indexed);
    const responses = new Map<string, string[]>();
    for (const [status, node] of Object.entries(entry.operation.responses)) {
      const response = resolve<ResponseObject>(document, node);
      responses.set(
        status,
        Object.values(response.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {})),
      );
      for (const name of Object.keys(response.headers ?? {})) responseHeaders.push(name);
    }
    for (const { value: parameter } of entry.parameters)
      if (parameter.in === 'header') headerParameters.push(parameter.name);
    indexed.operations.set(entry.method.toUpperCase(), {
      method: entry.method.toUpperCase(),
      template: entry.path,
      operation: entry.operation,
      responses,
    });
  }
  const credentialHeaders = Object.values(document.components?.securitySchemes ?? {}).flatMap((node) => {
    const scheme = resolve<{ type?: string; in?: string; name?: string }>(document, node as Reference);
    if (scheme.type === 'http') return ['Authorization'];
    if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) return [scheme.name];
    return [];
  });
  const all = [...paths.values()];
  // Templates with fewer parameters win, as in OpenAPI path matching (`/a/b` before `/a/{x}`).
  all.sort((left, right) => left.template.split('{').length - right.template.split('{').length);
  return {
    match: (path) => all.find((entry) => entry.pattern.test(path)),
    methods: uniqueInOrder(all.flatMap((entry) => [...entry.operations.keys()])),
    credentialHeaders: uniqueInOrder(credentialHeaders),
    headerParameters: uniqueInOrder(headerParameters),
    responseHeaders: uniqueInOrder(responseHeaders),
  };
}
