/**
 * The places of an operation that carry a schema — its request body per media type, each response
 * per status and media type, each parameter, each response header — with the examples given there,
 * keyed so the same place can be found in our spec and in the vendor's definition.
 */
import {
  listOperations,
  locate,
  type ExampleObject,
  type HeaderObject,
  type HttpMethod,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ResponseObject,
} from '../../src/index.ts';
import type { Json } from '../../src/json.ts';
import { schemaExamples, type SchemaNode, type Segment } from './schema-nodes.ts';

export interface LocatedExample {
  /** The example's name (`requestBody example 'rename'`, `schema example`, …). */
  name: string;
  /** Where in the instance it sits (schema examples illustrate a part of it). */
  path: Segment[];
  value: Json;
}

export interface SchemaLocation {
  /** `request`, `response 200`, `parameter header if-match`, `header 200 etag`; a media type other than JSON is appended. */
  key: string;
  /** A request-side schema (request body, parameter) or a response-side one (response body, response header). */
  side: 'request' | 'response';
  root: SchemaNode;
  /** The examples given for the whole value at this place (named examples, `example`). */
  examples: LocatedExample[];
}

export interface OperationPlaces {
  method: HttpMethod;
  path: string;
  operation: OperationObject;
  statuses: string[];
  /** Header names per status, lower-cased (header names are case-insensitive). */
  headers: Record<string, string[]>;
  requestMediaTypes: string[];
  /** Parameters as `<in> <name>` (header names lower-cased), with whether they are required. */
  parameters: Record<string, boolean>;
  locations: Map<string, SchemaLocation>;
}

const json = 'application/json';

function withMediaType(key: string, type: string): string {
  return type === json ? key : `${key} ${type}`;
}

function mediaExamples(document: OpenApiDocument, media: MediaTypeObject, what: string): LocatedExample[] {
  const named = Object.entries(media.examples ?? {}).map(([name, example]) => ({
    name: `${what} example '${name}'`,
    path: [],
    value: locate<ExampleObject>(document, example, []).value.value as Json,
  }));
  return media.example === undefined
    ? named
    : [...named, { name: `${what} example`, path: [], value: media.example as Json }];
}

function ownExamples(
  node: HeaderObject & { examples?: Record<string, unknown> },
  document: OpenApiDocument,
  what: string,
): LocatedExample[] {
  const named = Object.entries(node.examples ?? {}).map(([name, example]) => ({
    name: `${what} example '${name}'`,
    path: [],
    value: locate<ExampleObject>(document, example as ExampleObject, []).value.value as Json,
  }));
  return node.example === undefined
    ? named
    : [...named, { name: `${what} example`, path: [], value: node.example as Json }];
}

function schemaNode(schema: unknown, at: string[]): SchemaNode {
  return { schema: (schema ?? true) as SchemaNode['schema'], at };
}

/** Every place of every operation of `document` that carries a schema. */
export function operationPlaces(document: OpenApiDocument, withSchemaExamples: boolean): OperationPlaces[] {
  const withNested = (location: SchemaLocation): SchemaLocation => {
    if (!withSchemaExamples) return location;
    const nested = schemaExamples(document, location.root).map(({ path, value }) => ({
      name: 'schema example',
      path,
      value,
    }));
    return { ...location, examples: [...location.examples, ...nested] };
  };
  return listOperations(document).map(({ path, method, operation, parameters }) => {
    const locations = new Map<string, SchemaLocation>();
    const add = (location: SchemaLocation) => locations.set(location.key, withNested(location));
    const parameterTable: Record<string, boolean> = {};
    for (const { value, at } of parameters) {
      const name = value.in === 'header' ? value.name.toLowerCase() : value.name;
      const key = `parameter ${value.in} ${name}`;
      parameterTable[`${value.in} ${name}`] = value.required === true;
      add({
        key,
        side: 'request',
        root: schemaNode(value.schema, [...at, 'schema']),
        examples: ownExamples(value, document, key),
      });
    }
    const requestMediaTypes: string[] = [];
    if (operation.requestBody) {
      const body = locate(document, operation.requestBody, ['paths', path, method, 'requestBody']);
      for (const [type, media] of Object.entries(body.value.content)) {
        requestMediaTypes.push(type);
        const key = withMediaType('request', type);
        add({
          key,
          side: 'request',
          root: schemaNode(media.schema, [...body.at, 'content', type, 'schema']),
          examples: mediaExamples(document, media, key),
        });
      }
    }
    const headers: Record<string, string[]> = {};
    for (const [status, responseOrRef] of Object.entries(operation.responses)) {
      const response = locate<ResponseObject>(document, responseOrRef, ['paths', path, method, 'responses', status]);
      for (const [type, media] of Object.entries(response.value.content ?? {})) {
        const key = withMediaType(`response ${status}`, type);
        add({
          key,
          side: 'response',
          root: schemaNode(media.schema, [...response.at, 'content', type, 'schema']),
          examples: mediaExamples(document, media, key),
        });
      }
      headers[status] = [];
      for (const [name, headerOrRef] of Object.entries(response.value.headers ?? {})) {
        const header = locate<HeaderObject>(document, headerOrRef, [...response.at, 'headers', name]);
        const key = `header ${status} ${name.toLowerCase()}`;
        headers[status].push(name.toLowerCase());
        add({
          key,
          side: 'response',
          root: schemaNode(header.value.schema, [...header.at, 'schema']),
          examples: ownExamples(header.value, document, key),
        });
      }
    }
    return {
      method,
      path,
      operation,
      statuses: Object.keys(operation.responses),
      headers,
      requestMediaTypes,
      parameters: parameterTable,
      locations,
    };
  });
}

export function operationLabel(places: Pick<OperationPlaces, 'method' | 'path'>): string {
  return `${places.method.toUpperCase()} ${places.path}`;
}
