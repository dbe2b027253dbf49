/**
 * The document Prism serves: the bundle, with each response schema replaced by a copy that
 * Prism's generator (json-schema-faker 0.5) turns into data the spec allows. Request schemas are
 * untouched, so requests are validated exactly as the spec says.
 *
 * Two things the generator gets wrong on the spec's own schemas:
 * - an object schema that does not say `additionalProperties: false` gets random extra properties
 *   (`"dolor_3f": …`): every object is closed, so only declared properties are generated; a map
 *   (`additionalProperties: {schema}`) keeps its free-form keys, which its schema declares;
 * - it reads `exclusiveMinimum`/`exclusiveMaximum` the draft-04 way (a flag beside
 *   `minimum`/`maximum`), so a 2020-12 `exclusiveMinimum: 0` bounds nothing: each becomes the
 *   equivalent inclusive bound.
 * And one it gets implausible: a number with no `maximum` is drawn up to 2^53 (46 million CPU
 * cores); it is drawn from at most 100 above its minimum instead, which the schema still allows.
 */
import { locate, type OpenApiDocument, type Reference } from '@envspec/specs';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose value is one subschema. */
const schemaKeywords = ['items', 'not', 'additionalProperties', 'propertyNames', 'contains', 'if', 'then', 'else'];
/** Keywords whose value is a list of subschemas. */
const schemaListKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const schemaMapKeywords = ['properties', 'patternProperties', '$defs'];

function isObjectSchema(schema: Schema): boolean {
  return (
    schema.type === 'object' ||
    (Array.isArray(schema.type) && schema.type.includes('object')) ||
    isObject(schema.properties)
  );
}

/** The smallest step past an exclusive bound that keeps `type` (and any opposite bound) satisfied. */
function inclusiveBound(schema: Schema, bound: number, direction: 1 | -1): number {
  if (schema.type === 'integer') return direction === 1 ? Math.floor(bound) + 1 : Math.ceil(bound) - 1;
  const opposite = direction === 1 ? schema.maximum : schema.minimum;
  const room = typeof opposite === 'number' ? Math.abs(opposite - bound) / 2 : 1;
  return bound + direction * Math.min(1, room);
}

/** How far above its minimum an unbounded number is generated. */
const plausibleSpan = 100;

function readableBounds(schema: Schema): void {
  const { exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof exclusiveMinimum === 'number') {
    const minimum = inclusiveBound(schema, exclusiveMinimum, 1);
    schema.minimum = typeof schema.minimum === 'number' ? Math.max(schema.minimum, minimum) : minimum;
    delete schema.exclusiveMinimum;
  }
  if (typeof exclusiveMaximum === 'number') {
    const maximum = inclusiveBound(schema, exclusiveMaximum, -1);
    schema.maximum = typeof schema.maximum === 'number' ? Math.min(schema.maximum, maximum) : maximum;
    delete schema.exclusiveMaximum;
  }
  const numeric = schema.type === 'number' || schema.type === 'integer';
  if (numeric && schema.maximum === undefined && schema.enum === undefined && schema.const === undefined)
    schema.maximum = (typeof schema.minimum === 'number' ? schema.minimum : 0) + plausibleSpan;
}

/**
 * A copy of `node` with every local `$ref` inlined and every schema in it made generator-ready.
 * `inlining` holds the refs being expanded, so a recursive schema keeps its `$ref` instead of looping.
 */
function generationSchema(document: OpenApiDocument, node: unknown, inlining: readonly string[] = []): unknown {
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    if (inlining.includes(node.$ref)) return { ...node };
    const target = locate(document, node as unknown as Reference, []).value;
    return generationSchema(document, target, [...inlining, node.$ref]);
  }
  const schema: Schema = { ...node };
  for (const keyword of schemaKeywords)
    if (isObject(schema[keyword])) schema[keyword] = generationSchema(document, schema[keyword], inlining);
  for (const keyword of schemaListKeywords)
    if (Array.isArray(schema[keyword]))
      schema[keyword] = (schema[keyword] as unknown[]).map((item) => generationSchema(document, item, inlining));
  for (const keyword of schemaMapKeywords)
    if (isObject(schema[keyword]))
      schema[keyword] = Object.fromEntries(
        Object.entries(schema[keyword]).map(([name, item]) => [name, generationSchema(document, item, inlining)]),
      );
  // allOf members are merged by the generator; closing them one by one would drop each other's properties.
  const composed = Array.isArray(schema.allOf);
  if (isObjectSchema(schema) && schema.additionalProperties === undefined && !schema.patternProperties && !composed)
    schema.additionalProperties = false;
  readableBounds(schema);
  return schema;
}

/** The bundle as Prism should serve it: every response content schema generator-ready, the rest as authored. */
export function prismDocument(bundle: OpenApiDocument): OpenApiDocument {
  const document = structuredClone(bundle);
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters' || !isObject(operation) || !isObject(operation.responses)) continue;
      const responses = operation.responses as Record<string, unknown>;
      for (const [status, node] of Object.entries(responses)) {
        const response: Schema = { ...locate<Schema>(bundle, node as Reference, []).value };
        if (isObject(response.content)) {
          response.content = Object.fromEntries(
            Object.entries(response.content).map(([mediaType, media]) => [
              mediaType,
              isObject(media) && media.schema !== undefined
                ? { ...media, schema: generationSchema(bundle, media.schema) }
                : media,
            ]),
          );
        }
        responses[status] = response;
      }
    }
  }
  return document;
}
