import {
  listOperations,
  resolve,
  type OpenApiDocument,
  type OperationEntry,
  type OperationObject,
  type ResponseObject,
} from '@envspec/specs';
import { corsSurface, type CorsSurface } from '@envspec/vendors';

/** One documented operation, as the mock needs it. */
export interface IndexedOperation {
  method: string;
  /** The spec's path template, e.g. `/api/v1/environments/{id}`. */
  template: string;
  operation: OperationObject;
  /** The operation as `listOperations` lists it, parameters resolved. */
  entry: OperationEntry;
  /** Documented statuses, each with the names of its examples (all media types). */
  responses: Map<string, string[]>;
}

/** A spec path template with every operation on it. */
export interface IndexedPath {
  template: string;
  /** Matches a raw (still percent-encoded) path exactly, capturing each path parameter. */
  pattern: RegExp;
  /** The path parameters' names, in the order `pattern` captures them. */
  parameterNames: string[];
  /** By upper-case method, in the spec's order. */
  operations: Map<string, IndexedOperation>;
}

/** What the mock reads from a vendor's bundle: routes, and the header names CORS must allow or expose. */
export interface SpecIndex extends Omit<CorsSurface, 'methods'> {
  /** The path template a raw (still percent-encoded) request path falls under, if any. */
  match(path: string): IndexedPath | undefined;
  /** Every path template, fewer parameters first (the order OpenAPI matching tries them in). */
  paths: readonly IndexedPath[];
  /** Every upper-case method the spec documents, on any path. */
  methods: string[];
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

/** Indexes a bundle once, so each request is matched without walking the document. */
export function indexSpec(document: OpenApiDocument): SpecIndex {
  const paths = new Map<string, IndexedPath>();
  for (const entry of listOperations(document)) {
    const indexed = paths.get(entry.path) ?? {
      template: entry.path,
      pattern: templatePattern(entry.path),
      parameterNames: [...entry.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
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
    }
    indexed.operations.set(entry.method.toUpperCase(), {
      method: entry.method.toUpperCase(),
      template: entry.path,
      operation: entry.operation,
      entry,
      responses,
    });
  }
  const all = [...paths.values()];
  // Templates with fewer parameters win, as in OpenAPI path matching (`/a/b` before `/a/{x}`).
  all.sort((left, right) => left.template.split('{').length - right.template.split('{').length);
  const { credentialHeaders, headerParameters, responseHeaders } = corsSurface(document);
  return {
    match: (path) => all.find((entry) => entry.pattern.test(path)),
    paths: all,
    methods: [...new Set(all.flatMap((entry) => [...entry.operations.keys()]))],
    credentialHeaders,
    headerParameters,
    responseHeaders,
  };
}
