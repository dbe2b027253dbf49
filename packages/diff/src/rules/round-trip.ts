/**
 * Round-trip: on a replace operation (a `PUT` whose body is the resource), clients read the
 * resource, change it and send it back (read-modify-write). A property the response has and the
 * request schema rejects (a closed request, `additionalProperties: false`) makes that round trip
 * fail with 400, even when the property is optional and read-only. Reported when a change creates
 * such a property; those the base already had are known to clients.
 */
import { childNode, isObject, type Node } from '../document/resolver.ts';
import { type Schema, viewSchema } from '../document/schema.ts';
import type { OperationPair, OperationView, Side } from '../walk/pairs.ts';
import { isClosed, propertiesOf } from '../walk/properties.ts';
import { isJsonMediaType } from '../walk/walker.ts';
import { document, pair } from './fixtures.ts';
import { rule } from './rule.ts';

function jsonSchemaOf(side: Side, node: Node): { mediaType: string; schema: Node } | undefined {
  const content = side.resolver.object(childNode(side.resolver.object(node).node, 'content'));
  for (const mediaType of Object.keys(content.value)) {
    if (
      isJsonMediaType(mediaType) &&
      isObject(content.value[mediaType]) &&
      content.value[mediaType].schema !== undefined
    ) {
      return { mediaType, schema: childNode(content.node, mediaType, 'schema') };
    }
  }
  return undefined;
}

/** The representation clients read: the GET of the same path, else the PUT's own success response. */
function representationOf(side: Side, operations: Map<string, OperationView>, put: OperationView): Node | undefined {
  const get = operations.get(`get ${put.path.replaceAll(/\{[^}]+\}/g, '{}')}`);
  for (const view of [get, put]) {
    if (!view) continue;
    const responses = side.resolver.object(childNode(view.node, 'responses'));
    for (const status of ['200', '201', '2XX']) {
      if (responses.value[status] === undefined) continue;
      const found = jsonSchemaOf(side, childNode(responses.node, status));
      if (found) return found.schema;
    }
  }
  return undefined;
}

const view = (side: Side, node: Node): Schema => viewSchema(side.resolver, node, side.document.version);
/** Every property a schema declares, its allOf members' included (nothing hidden: a request's read-only ones count). */
const declared = (side: Side, schema: Schema) => propertiesOf(side, schema, 'response');

/** Paths (`status`, `resources.gpu`) the response can hold and the request rejects. */
function rejected(
  side: Side,
  response: Schema,
  request: Schema,
  path: string,
  found: Set<string>,
  depth: number,
): void {
  if (depth > 8) return;
  const requestProperties = declared(side, request);
  for (const [name, property] of declared(side, response)) {
    if (property.hidden) continue;
    const childPath = path ? `${path}.${name}` : name;
    const requestProperty = requestProperties.get(name);
    if (!requestProperty) {
      if (isClosed(request)) found.add(childPath);
      continue;
    }
    if (property.schema.types?.includes('object') || isObject(property.schema.keywords.properties)) {
      rejected(side, property.schema, requestProperty.schema, childPath, found, depth + 1);
    }
  }
}

interface RoundTrip {
  mediaType: string;
  rejected: Set<string>;
}

function roundTripOf(side: Side, operations: Map<string, OperationView>, put: OperationView): RoundTrip | undefined {
  if (put.method !== 'put' || put.webhook) return undefined;
  const body = childNode(put.node, 'requestBody');
  if (body.value === undefined) return undefined;
  const request = jsonSchemaOf(side, body);
  const representation = representationOf(side, operations, put);
  if (!request || !representation) return undefined;
  const requestSchema = view(side, request.schema);
  const responseSchema = view(side, representation);
  // The body is the resource when most of what the request takes is what the response holds.
  const requestNames = [...declared(side, requestSchema).keys()];
  const responseNames = [...declared(side, responseSchema).keys()];
  const shared = requestNames.filter((name) => responseNames.includes(name));
  if (requestNames.length === 0 || shared.length * 2 < requestNames.length) return undefined;
  const found = new Set<string>();
  rejected(side, responseSchema, requestSchema, '', found, 0);
  return { mediaType: request.mediaType, rejected: found };
}

function check(pair: OperationPair): Array<{ path: string; mediaType: string }> {
  const { base, head, document: documents } = pair;
  if (!base || !head) return [];
  const after = roundTripOf(documents.head, documents.headOperations, head);
  if (!after) return [];
  const before = roundTripOf(documents.base, documents.baseOperations, base);
  return [...after.rejected]
    .filter((path) => !before?.rejected.has(path))
    .map((path) => ({ path, mediaType: after.mediaType }));
}

const environment = (extra: Record<string, unknown>) => ({
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' }, ...extra },
});
const replaceRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string' } },
};
const resource = (representation: unknown, request: unknown = replaceRequest) =>
  document({
    '/environments/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: representation } } } } },
      put: {
        requestBody: { required: true, content: { 'application/json': { schema: request } } },
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: representation } } } },
      },
    },
  });

export const roundTripRule = rule({
  id: 'round-trip-property-rejected',
  level: 'breaking',
  location: 'operation',
  description:
    'On a replace operation (a PUT whose body is the resource), the resource now has a property its closed request schema rejects: clients that read, modify and send back the resource get 400 — even for an optional read-only field.',
  cases: [
    pair(
      'optional read-only field added while the PUT body is closed',
      resource(environment({})),
      resource(environment({ created_at: { type: 'string', readOnly: true } })),
    ),
    pair(
      'field dropped from the closed request only',
      resource(environment({ size: { type: 'integer' } }), {
        ...replaceRequest,
        properties: { name: { type: 'string' }, size: { type: 'integer' } },
      }),
      resource(environment({ size: { type: 'integer' } })),
    ),
    pair(
      'an open request accepts the new field',
      resource(environment({}), { ...replaceRequest, additionalProperties: true }),
      resource(environment({ created_at: { type: 'string' } }), { ...replaceRequest, additionalProperties: true }),
      false,
    ),
  ],
  check(operationPair, emit) {
    for (const { path, mediaType } of check(operationPair)) {
      emit({
        message: `\`${path}\` is in the resource clients read but the replace request rejects it: read-modify-write clients that send back what they read get 400`,
        location: `request ${mediaType} body.${path}`,
        detail: path,
      });
    }
  },
});
