/** An object schema's properties as one side of the wire sees them. */
import type { Direction } from '../change.ts';
import { isObject, type Node } from '../document/resolver.ts';
import { type Schema, viewSchema } from '../document/schema.ts';
import type { Side } from './pairs.ts';

export interface PropertyView {
  /** Where the property's schema is written (before `$ref`s and nullable wrappers are read through). */
  node: Node;
  schema: Schema;
  /** `readOnly` in a request or `writeOnly` in a response: not part of this direction's data. */
  hidden: boolean;
  required: boolean;
}

/** The schema and its `allOf` members, recursively: together they say what properties an object has. */
export function membersOf(side: Side, schema: Schema, depth = 0): Schema[] {
  const members = schema.keywords.allOf;
  if (!Array.isArray(members) || depth > 8) return [schema];
  return [
    schema,
    ...members.flatMap((_, index) =>
      membersOf(side, viewSchema(side.resolver, schema.child('allOf', index), side.document.version), depth + 1),
    ),
  ];
}

export function requiredOf(side: Side, schema: Schema): Set<string> {
  return new Set(
    membersOf(side, schema).flatMap((member) =>
      Array.isArray(member.keywords.required) ? member.keywords.required.map(String) : [],
    ),
  );
}

/** The properties of an object schema, its `allOf` members' included (the first definition of a name wins). */
export function propertiesOf(side: Side, schema: Schema, direction: Direction): Map<string, PropertyView> {
  const result = new Map<string, PropertyView>();
  const required = requiredOf(side, schema);
  const hiddenFlag = direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const member of membersOf(side, schema)) {
    const properties = member.keywords.properties;
    if (!isObject(properties)) continue;
    for (const name of Object.keys(properties)) {
      if (result.has(name)) continue;
      const node = member.child('properties', name);
      const property = viewSchema(side.resolver, node, side.document.version);
      result.set(name, {
        node,
        schema: property,
        hidden: property.keywords[hiddenFlag] === true,
        required: required.has(name),
      });
    }
  }
  return result;
}

/** `additionalProperties` (or `unevaluatedProperties`) false: a property not listed is rejected. */
export function isClosed(schema: Schema): boolean {
  return schema.keywords.additionalProperties === false || schema.keywords.unevaluatedProperties === false;
}
