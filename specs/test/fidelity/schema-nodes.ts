/**
 * Reading schemas the way a validator applies them, by instance location: follow `$ref`s, split a
 * `oneOf`/`anyOf` into its alternatives (a `null` alternative only makes the value nullable), and
 * find the schema that governs the value at a path such as `/image/dockerfile/value`.
 */
import { locate, pointer, type OpenApiDocument } from '../../src/index.ts';
import { isJsonObject, type Json, type JsonObject } from '../../src/json.ts';

/** One step into an instance: a property, any array item (`[]`) or any value of a map (`{}`). */
export type Segment = { property: string } | 'item' | 'value';

export function renderPath(segments: Segment[]): string {
  return segments
    .map((segment) => (segment === 'item' ? '/[]' : segment === 'value' ? '/{}' : `/${segment.property}`))
    .join('');
}

/** A schema (an object, or `true`/`false`) and where it sits in its document. */
export interface SchemaNode {
  schema: JsonObject | boolean;
  at: string[];
}

/** What governs a value: a schema, anything (no schema applies), or nothing (it is rejected). */
export type Governing = SchemaNode | 'any' | 'none';

export function schemaPointer(node: SchemaNode): string {
  return pointer(...node.at);
}

function follow(document: OpenApiDocument, schema: Json, at: string[]): SchemaNode {
  const located = locate<Json>(document, schema as Json & { $ref: string }, at);
  const value = located.value;
  if (typeof value === 'boolean' || isJsonObject(value)) return { schema: value, at: located.at };
  throw new Error(`${pointer(...located.at)} is not a schema`);
}

function types(schema: JsonObject): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  return undefined;
}

/** Whether a schema (one alternative, without `oneOf`/`anyOf`) lets `null` through. */
function allowsNull(schema: JsonObject): boolean {
  const own = types(schema);
  if (own !== undefined && !own.includes('null')) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  return schema.const === undefined || schema.const === null;
}

/** The types a schema allows other than `null`; undefined when it does not restrict the type. */
export function nonNullTypes(schema: JsonObject): string[] | undefined {
  return types(schema)?.filter((type) => type !== 'null');
}

const assertions = [
  'type',
  'enum',
  'const',
  'properties',
  'items',
  'additionalProperties',
  'required',
  'pattern',
  'format',
] as const;

/** The alternatives a schema offers (itself when it has none), and whether `null` is one of them. */
export function alternatives(
  document: OpenApiDocument,
  node: SchemaNode,
): { branches: SchemaNode[]; nullable: boolean } {
  const { schema, at } = follow(document, node.schema as Json, node.at);
  if (typeof schema === 'boolean') return { branches: [{ schema, at }], nullable: schema };
  if (schema.allOf !== undefined) throw new Error(`${pointer(...at)}: allOf is not supported by the fidelity walker`);
  const key = schema.oneOf !== undefined ? 'oneOf' : schema.anyOf !== undefined ? 'anyOf' : undefined;
  if (key === undefined) {
    const own = types(schema);
    const onlyNull = own !== undefined && own.length > 0 && own.every((type) => type === 'null');
    return { branches: onlyNull ? [] : [{ schema, at }], nullable: allowsNull(schema) };
  }
  const beside = assertions.filter((keyword) => schema[keyword] !== undefined);
  if (beside.length > 0) throw new Error(`${pointer(...at)}: ${key} beside ${beside.join(', ')} is not supported`);
  const options = schema[key];
  if (!Array.isArray(options)) throw new Error(`${pointer(...at)}: ${key} is not a list`);
  const expanded = options.map((option, index) =>
    alternatives(document, { schema: option as JsonObject, at: [...at, key, String(index)] }),
  );
  return {
    branches: expanded.flatMap((entry) => entry.branches),
    nullable: expanded.some((entry) => entry.nullable),
  };
}

/** What a branch says about one step into its instance. */
export function child(branch: SchemaNode, segment: Segment): Governing {
  const { schema, at } = branch;
  if (typeof schema === 'boolean') return schema ? 'any' : 'none';
  const additional = (): Governing => {
    const value = schema.additionalProperties;
    if (value === false) return 'none';
    if (isJsonObject(value)) return { schema: value, at: [...at, 'additionalProperties'] };
    return 'any';
  };
  if (segment === 'item') return isJsonObject(schema.items) ? { schema: schema.items, at: [...at, 'items'] } : 'any';
  if (segment === 'value') return additional();
  const properties = schema.properties;
  if (isJsonObject(properties) && properties[segment.property] !== undefined) {
    return { schema: properties[segment.property] as JsonObject, at: [...at, 'properties', segment.property] };
  }
  return additional();
}

/** The schema that governs the value at `segments` below `root`. */
export function governingAt(document: OpenApiDocument, root: SchemaNode, segments: Segment[]): Governing {
  let current: Governing = root;
  for (const segment of segments) {
    if (current === 'any' || current === 'none') return current;
    const candidates: Governing[] = alternatives(document, current).branches.map((branch) => child(branch, segment));
    const concrete: SchemaNode[] = candidates.filter(
      (candidate): candidate is SchemaNode => typeof candidate !== 'string',
    );
    if (concrete.length > 1) {
      const at = renderPath(segments);
      throw new Error(`${schemaPointer(current)}: more than one alternative governs ${at}; the walker cannot choose`);
    }
    current = concrete[0] ?? (candidates.includes('any') ? 'any' : 'none');
  }
  return current;
}

/** Every `example` a schema tree carries, with the instance path it illustrates. */
export function schemaExamples(document: OpenApiDocument, root: SchemaNode): Array<{ path: Segment[]; value: Json }> {
  const found: Array<{ path: Segment[]; value: Json }> = [];
  const seen = new Set<string>();
  const visit = (node: SchemaNode, path: Segment[]): void => {
    const key = `${schemaPointer(node)} ${renderPath(path)}`;
    if (seen.has(key) || path.length > 16) return;
    seen.add(key);
    const { schema, at } = follow(document, node.schema as Json, node.at);
    if (typeof schema === 'boolean') return;
    if (schema.example !== undefined) found.push({ path, value: schema.example });
    if (Array.isArray(schema.examples)) for (const value of schema.examples) found.push({ path, value });
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (!Array.isArray(options)) continue;
      for (const [index, option] of options.entries()) {
        visit({ schema: option as JsonObject, at: [...at, key, String(index)] }, path);
      }
    }
    if (isJsonObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        visit({ schema: property as JsonObject, at: [...at, 'properties', name] }, [...path, { property: name }]);
      }
    }
    if (isJsonObject(schema.items)) visit({ schema: schema.items, at: [...at, 'items'] }, [...path, 'item']);
    if (isJsonObject(schema.additionalProperties)) {
      visit({ schema: schema.additionalProperties, at: [...at, 'additionalProperties'] }, [...path, 'value']);
    }
  };
  visit(root, []);
  return found;
}
