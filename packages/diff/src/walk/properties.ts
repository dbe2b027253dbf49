/** An object schema's properties as one side of the wire sees them. */
import type { Direction } from '../change.ts';
import { isObject } from '../document/resolver.ts';
import { type Schema, viewSchema } from '../document/schema.ts';
import type { Side } from './pairs.ts';

export interface PropertyView {
  schema: Schema;
  /** `readOnly` in a request or `writeOnly` in a response: not part of this direction's data. */
  hidden: boolean;
  required: boolean;
}

export function requiredOf(schema: Schema): Set<string> {
  return new Set(Array.isArray(schema.keywords.required) ? schema.keywords.required.map(String) : []);
}

export function propertiesOf(side: Side, schema: Schema, direction: Direction): Map<string, PropertyView> {
  const result = new Map<string, PropertyView>();
  const properties = schema.keywords.properties;
  if (!isObject(properties)) return result;
  const required = requiredOf(schema);
  const hiddenFlag = direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const name of Object.keys(properties)) {
    const property = viewSchema(side.resolver, schema.child('properties', name), side.document.version);
    result.set(name, {
      schema: property,
      hidden: property.keywords[hiddenFlag] === true,
      required: required.has(name),
    });
  }
  return result;
}

/** `additionalProperties` (or `unevaluatedProperties`) false: a property not listed is rejected. */
export function isClosed(schema: Schema): boolean {
  return schema.keywords.additionalProperties === false || schema.keywords.unevaluatedProperties === false;
}
