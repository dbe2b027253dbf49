/**
 * How `oneOf`/`anyOf` variants and `allOf` members are paired across documents: by the component
 * they reference, else by `title`, else by the constant that tells them apart (a discriminator
 * value), else by position.
 */
import { childNode, isObject, type Node, type Resolver } from '../document/resolver.ts';

export interface Variant {
  key: string;
  node: Node;
}

function constantOf(value: Record<string, unknown>): string | undefined {
  if (!isObject(value.properties)) return undefined;
  for (const [name, property] of Object.entries(value.properties)) {
    if (!isObject(property)) continue;
    if ('const' in property) return `${name}=${JSON.stringify(property.const)}`;
    if (Array.isArray(property.enum) && property.enum.length === 1)
      return `${name}=${JSON.stringify(property.enum[0])}`;
  }
  return undefined;
}

export function variantsOf(resolver: Resolver, schema: Node, keyword: 'oneOf' | 'anyOf' | 'allOf'): Variant[] {
  const list = isObject(schema.value) ? schema.value[keyword] : undefined;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.map((item, index) => {
    const node = childNode(schema, keyword, index);
    let key: string | undefined;
    if (isObject(item) && typeof item.$ref === 'string') key = item.$ref.split('/').pop();
    else if (isObject(item) && typeof item.title === 'string') key = item.title;
    else if (isObject(item)) key = constantOf(item);
    if (!key) {
      const resolved = resolver.resolve(node).value;
      key =
        isObject(resolved) && typeof resolved.type === 'string' && !isObject(resolved.properties)
          ? resolved.type
          : undefined;
    }
    if (!key || seen.has(key)) key = `#${index}`;
    seen.add(key);
    return { key, node };
  });
}

/** The values a `oneOf`/`anyOf` of constants allows (`oneOf: [{const: a}, {const: b}]`), or undefined. */
export function valueListOf(resolver: Resolver, schema: Node): unknown[] | undefined {
  const value = resolver.resolve(schema).value;
  if (!isObject(value)) return undefined;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = value[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const values: unknown[] = [];
    for (let index = 0; index < list.length; index += 1) {
      const branch = resolver.resolve(childNode(schema, keyword, index)).value;
      if (!isObject(branch)) return undefined;
      const validating = Object.keys(branch).filter(
        (key) =>
          ![
            'const',
            'enum',
            'type',
            'title',
            'description',
            'deprecated',
            'x-enum-varnames',
            'examples',
            'example',
          ].includes(key) && !key.startsWith('x-'),
      );
      if (validating.length > 0) return undefined;
      if ('const' in branch) values.push(branch.const);
      else if (Array.isArray(branch.enum)) values.push(...branch.enum);
      else return undefined;
    }
    return values;
  }
  return undefined;
}
