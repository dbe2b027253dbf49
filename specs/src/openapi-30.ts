/**
 * Turns the schemas of an OpenAPI 3.0 document into JSON Schema 2020-12, the dialect of our 3.1
 * specs and of the validator, so a vendor's 3.0 file and our spec are compared like for like.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isJsonObject, type Json, type JsonObject } from './json.ts';

const schemaMaps = ['properties', 'patternProperties', '$defs'] as const;
const schemaLists = ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const;
const schemaSingles = ['items', 'additionalProperties', 'not', 'propertyNames', 'contains'] as const;

const isObject = (value: Json | undefined): value is JsonObject => isJsonObject(value);

/** One schema, converted: `nullable` becomes a `null` type (or a `null` alternative), unknown formats go. */
function convertSchema(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const { nullable, ...rest } = schema;
  const converted: JsonObject = { ...rest };
  for (const key of schemaMaps) {
    const map = rest[key];
    if (isObject(map)) converted[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, convertSchema(v)]));
  }
  for (const key of schemaLists) {
    const list = rest[key];
    if (Array.isArray(list)) converted[key] = list.map(convertSchema);
  }
  for (const key of schemaSingles) {
    if (rest[key] !== undefined) converted[key] = convertSchema(rest[key]);
  }
  // OAS 3.0 allows any string as a format ("string" in LaunchDarkly's file); JSON Schema validators
  // check only the formats they know, so an unknown one constrains nothing and is dropped.
  if (typeof converted.format === 'string' && !Object.hasOwn(fullFormats, converted.format)) delete converted.format;
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum) && !converted.enum.includes(null)) converted.enum = [...converted.enum, null];
    return converted;
  }
  // `nullable` beside a `$ref` or a composition: the value may also be null.
  return { anyOf: [converted, { type: 'null' }] };
}

function convertParameterLike(node: Json): Json {
  if (!isObject(node) || node.$ref !== undefined) return node;
  return { ...node, ...(node.schema !== undefined ? { schema: convertSchema(node.schema) } : {}) };
}

function convertContent(content: Json | undefined): Json | undefined {
  if (!isObject(content)) return content;
  return Object.fromEntries(
    Object.entries(content).map(([type, media]) => [
      type,
      isObject(media) && media.schema !== undefined ? { ...media, schema: convertSchema(media.schema) } : media,
    ]),
  );
}

function convertResponse(response: Json): Json {
  if (!isObject(response) || response.$ref !== undefined) return response;
  const converted: JsonObject = { ...response };
  if (isObject(response.headers)) {
    converted.headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, header]) => [name, convertParameterLike(header)]),
    );
  }
  const content = convertContent(response.content);
  if (content !== undefined) converted.content = content;
  return converted;
}

function convertOperation(operation: Json): Json {
  if (!isObject(operation)) return operation;
  const converted: JsonObject = { ...operation };
  if (Array.isArray(operation.parameters)) converted.parameters = operation.parameters.map(convertParameterLike);
  if (isObject(operation.requestBody) && operation.requestBody.$ref === undefined) {
    const content = convertContent(operation.requestBody.content);
    converted.requestBody = { ...operation.requestBody, ...(content !== undefined ? { content } : {}) };
  }
  if (isObject(operation.responses)) {
    converted.responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [status, convertResponse(response)]),
    );
  }
  return converted;
}

function mapValues(map: Json | undefined, convert: (value: Json) => Json): Json | undefined {
  return isObject(map) ? Object.fromEntries(Object.entries(map).map(([key, value]) => [key, convert(value)])) : map;
}

/** The document with every schema in JSON Schema 2020-12 terms; a 3.1 document is returned as is. */
export function toJsonSchemaDialect(document: JsonObject): JsonObject {
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.0.')) return document;
  const paths = mapValues(document.paths, (item) => {
    if (!isObject(item)) return item;
    return Object.fromEntries(
      Object.entries(item).map(([key, value]) => [
        key,
        key === 'parameters' && Array.isArray(value) ? value.map(convertParameterLike) : convertOperation(value),
      ]),
    );
  });
  const components = isObject(document.components) ? { ...document.components } : undefined;
  if (components) {
    const converters: Record<string, (value: Json) => Json> = {
      schemas: convertSchema,
      parameters: convertParameterLike,
      headers: convertParameterLike,
      responses: convertResponse,
      requestBodies: (body) =>
        isObject(body) && body.content !== undefined
          ? { ...body, content: convertContent(body.content) as Json }
          : body,
    };
    for (const [key, convert] of Object.entries(converters)) {
      const converted = mapValues(components[key], convert);
      if (converted !== undefined) components[key] = converted;
    }
  }
  return { ...document, ...(paths !== undefined ? { paths } : {}), ...(components ? { components } : {}) };
}
