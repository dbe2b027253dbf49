/**
 * What the walker hands the rules: the same location in the base and the head document, paired.
 * A side is missing where the location exists in one document only (an added or removed thing).
 */
import type { Change, Direction } from '../change.ts';
import type { LoadedDocument } from '../document/load.ts';
import type { Json, Node, Resolver } from '../document/resolver.ts';
import type { Schema } from '../document/schema.ts';

export interface Side {
  document: LoadedDocument;
  resolver: Resolver;
}

export interface OperationView {
  method: string;
  /** The path template as written, or the webhook's name. */
  path: string;
  /** `PUT /environments/{id}`, or `POST webhook:orderCreated`. */
  label: string;
  webhook: boolean;
  node: Node;
  value: Json;
  pathItem: { node: Node; value: Json };
}

export interface DocumentPair {
  base: Side;
  head: Side;
  baseOperations: Map<string, OperationView>;
  headOperations: Map<string, OperationView>;
  /** The changes every other rule reported (document rules run last). */
  changes: readonly Change[];
}

export interface OperationPair {
  base?: OperationView;
  head?: OperationView;
  document: DocumentPair;
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  node: Node;
  value: Json;
  /** `schema`, or the schema of its single `content` media type. */
  schema?: Node;
}

export interface ParameterPair {
  direction: Direction;
  base?: ParameterView;
  head?: ParameterView;
  operation: OperationPair;
}

export interface BodyView {
  node: Node;
  value: Json;
  required: boolean;
}

export interface RequestBodyPair {
  direction: Direction;
  base?: BodyView;
  head?: BodyView;
  operation: OperationPair;
}

export interface MediaTypeView {
  node: Node;
  value: Json;
  schema?: Node;
}

export interface MediaTypePair {
  direction: Direction;
  mediaType: string;
  /** The response status, for media types of a response. */
  status?: string;
  base?: MediaTypeView;
  head?: MediaTypeView;
  /** The media types of the same body on the other side, to tell a renamed one from a removed one. */
  baseTypes: string[];
  headTypes: string[];
  operation: OperationPair;
}

export interface ResponsePair {
  direction: Direction;
  status: string;
  base?: { node: Node; value: Json };
  head?: { node: Node; value: Json };
  operation: OperationPair;
}

export interface HeaderView {
  node: Node;
  value: Json;
  required: boolean;
  schema?: Node;
}

export interface ResponseHeaderPair {
  direction: Direction;
  status: string;
  name: string;
  base?: HeaderView;
  head?: HeaderView;
  operation: OperationPair;
}

export interface SchemaContext {
  direction: Direction;
  /** `request application/json`, `request query parameter`, `response 200 header`. */
  prefix: string;
  /** JSON bodies tell `1` from `"1"`; text (parameters, headers, form and XML bodies) does not. */
  stronglyTyped: boolean;
  /** Parameter and header values: a default there is a server behaviour, not a documentation hint. */
  parameter: boolean;
  operation: OperationPair;
}

export interface SchemaPair {
  base: Schema;
  head: Schema;
  /** `body.data.name`, `body.tags[]`, or the parameter or header name. */
  path: string;
  context: SchemaContext;
  /** Whether `path` is the whole body, parameter or header rather than a part of it. */
  top: boolean;
  /** An `allOf` member compared on its own: its properties belong to the object that includes it. */
  member: boolean;
}
