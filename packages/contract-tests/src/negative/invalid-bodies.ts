import fc from 'fast-check';
import {
  createSchemaValidator,
  listOperations,
  loadBundle,
  locate,
  pointer,
  type OpenApiDocument,
  type Vendor,
} from '@envspec/specs';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
};
type Path = Array<string | number>;

export type MutationKind =
  | 'wrong type'
  | 'missing required field'
  | 'out-of-enum value'
  | 'pattern violation'
  | 'extra field';

export interface Mutation {
  kind: MutationKind;
  /** JSON Pointer of the mutated location in the body. */
  at: string;
  apply(body: unknown): unknown;
}

const samplesByType: Record<string, unknown> = {
  string: 'not-valid-here',
  number: 12345.5,
  integer: 42,
  boolean: true,
  null: null,
  array: [],
  object: {},
};

function typesOf(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

type Container = Record<string | number, unknown>;

/** A copy of `body` with the value at `path` replaced by `value`. */
function setAt(body: unknown, path: Path, value: unknown): unknown {
  return changeAt(body, path, (parent, key) => {
    parent[key] = value;
  });
}

/** A copy of `body` with the value at `path` removed. */
function removeAt(body: unknown, path: Path): unknown {
  return changeAt(body, path, (parent, key) => {
    delete parent[key];
  });
}

function changeAt(body: unknown, path: Path, change: (parent: Container, key: string | number) => void): unknown {
  const copy = structuredClone(body);
  let parent = copy as Container;
  for (const key of path.slice(0, -1)) parent = parent[key] as Container;
  change(parent, path.at(-1)!);
  return copy;
}

function describePath(path: Path): string {
  return `/${path.join('/')}`;
}

/**
 * Every way to make `value` invalid against `schema` by one local change: a wrong type, a missing
 * required field, a value outside an enum, a pattern violation, or an unexpected field.
 */
function collectMutations(document: OpenApiDocument, schemaOrRef: Schema, value: unknown, path: Path): Mutation[] {
  const schema = locate<Schema>(document, schemaOrRef as never, []).value;
  const mutations: Mutation[] = [];
  const allowed = typesOf(schema);
  if (path.length > 0 && allowed.length > 0) {
    for (const [type, sample] of Object.entries(samplesByType)) {
      if (allowed.includes(type) || (type === 'integer' && allowed.includes('number'))) continue;
      mutations.push({
        kind: 'wrong type',
        at: describePath(path),
        apply: (body) => setAt(body, path, sample),
      });
    }
  }
  if (path.length > 0 && schema.enum) {
    mutations.push({
      kind: 'out-of-enum value',
      at: describePath(path),
      apply: (body) => setAt(body, path, 'definitely-not-in-enum'),
    });
  }
  if (path.length > 0 && schema.pattern && !new RegExp(schema.pattern, 'u').test('!! not matching !!')) {
    mutations.push({
      kind: 'pattern violation',
      at: describePath(path),
      apply: (body) => setAt(body, path, '!! not matching !!'),
    });
  }
  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries())
      mutations.push(...collectMutations(document, schema.items, item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (key in object) {
        mutations.push({
          kind: 'missing required field',
          at: describePath([...path, key]),
          apply: (body) => removeAt(body, [...path, key]),
        });
      }
    }
    if (schema.additionalProperties === false) {
      mutations.push({
        kind: 'extra field',
        at: describePath([...path, 'unexpected_field']),
        apply: (body) =>
          path.length === 0
            ? { ...(body as object), unexpected_field: 1 }
            : setAt(body, [...path, 'unexpected_field'], 1),
      });
    }
    for (const [key, child] of Object.entries(schema.properties)) {
      if (key in object) mutations.push(...collectMutations(document, child, object[key], [...path, key]));
    }
  }
  return mutations;
}

/**
 * An arbitrary of bodies made invalid from a valid one, derived from the operation's request
 * schema. Each candidate is re-checked with the spec's own validator, so only bodies the contract
 * really forbids are generated.
 */
export function invalidBodies(
  vendor: Vendor,
  operationId: string,
  validBody: unknown,
): fc.Arbitrary<{ mutation: Mutation; body: unknown }> {
  const document = loadBundle(vendor);
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  if (!entry?.operation.requestBody) throw new Error(`${vendor} ${operationId} has no request body`);
  const requestBody = locate(document, entry.operation.requestBody, ['paths', entry.path, entry.method, 'requestBody']);
  const [mediaType, media] = Object.entries(requestBody.value.content)[0]!;
  const schemaPointer = pointer(...requestBody.at, 'content', mediaType, 'schema');
  const validator = createSchemaValidator(document);
  if (validator.validate(schemaPointer, validBody).length > 0)
    throw new Error(`${vendor} ${operationId}: the base body is not valid`);
  const mutations = collectMutations(document, media.schema as Schema, validBody, []).filter(
    (mutation) => validator.validate(schemaPointer, mutation.apply(validBody)).length > 0,
  );
  if (mutations.length === 0) throw new Error(`${vendor} ${operationId}: no invalid body could be derived`);
  return fc.constantFrom(...mutations).map((mutation) => ({ mutation, body: mutation.apply(validBody) }));
}
