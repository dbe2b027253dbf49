/**
 * One schema as the rules see it, whatever the document's version: OpenAPI 3.0's `nullable` and
 * boolean `exclusiveMinimum`/`exclusiveMaximum` are read as 3.1 would write them, `null` is taken
 * out of `type` and `enum` into `nullable`, a nullable wrapper (`anyOf: [X, {type: 'null'}]`) is X
 * made nullable, and a pattern that matches everything is no pattern.
 */
import type { OpenApiVersion } from './load.ts';
import { childNode, isObject, type Json, type Node, type Resolver } from './resolver.ts';

export interface Schema {
  /** Where the schema is written (after `$ref`s). */
  node: Node;
  /** `file#pointer`: tells a recursive schema from a new one. */
  id: string;
  /** Its keywords, normalized as described above. */
  keywords: Json;
  /** Allowed types without `null`, sorted; undefined: any type. */
  types: string[] | undefined;
  nullable: boolean;
  /** `enum` without `null`; undefined: no enum. */
  enumValues: unknown[] | undefined;
  /** The node of a child keyword (`properties`, `name` → that property's schema). */
  child(...keys: Array<string | number>): Node;
  /** Whether the schema was written with `$ref` (not inline). */
  referenced: boolean;
}

const matchesEverything = new Set(['', '.*', '^.*$', '^.*', '.*$', '[\\s\\S]*', '^[\\s\\S]*$']);

function isNullSchema(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.type === 'null' || (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === 'null'))
  );
}

export function viewSchema(resolver: Resolver, start: Node, version: OpenApiVersion, depth = 0): Schema {
  let node = resolver.resolve(start);
  const referenced = node !== start;
  let nullable = false;
  let value = node.value;
  // A nullable wrapper: exactly one branch that is not `{type: 'null'}`.
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (!isObject(value) || !Array.isArray(value[keyword])) continue;
    const branches = value[keyword] as unknown[];
    const nullBranches = branches.filter((_, index) =>
      isNullSchema(resolver.resolve(childNode(node, keyword, index)).value),
    );
    if (nullBranches.length === 0 || branches.length - nullBranches.length !== 1) continue;
    const index = branches.findIndex((_, i) => !isNullSchema(resolver.resolve(childNode(node, keyword, i)).value));
    const outer = value;
    node = resolver.resolve(childNode(node, keyword, index));
    value = isObject(node.value) ? { ...outer, ...node.value } : outer;
    delete (value as Json)[keyword];
    if (isObject(node.value) && Array.isArray(node.value[keyword])) (value as Json)[keyword] = node.value[keyword];
    nullable = true;
    break;
  }

  const keywords: Json = value === false ? { not: {} } : isObject(value) ? { ...value } : {};
  if (version === '3.0' || typeof keywords.exclusiveMinimum === 'boolean') {
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (keywords[flag] === true && typeof keywords[bound] === 'number') {
        keywords[flag] = keywords[bound];
        delete keywords[bound];
      } else if (typeof keywords[flag] === 'boolean') delete keywords[flag];
    }
  }
  if (keywords.nullable === true) nullable = true;
  delete keywords.nullable;

  let types: string[] | undefined;
  if (typeof keywords.type === 'string') types = [keywords.type];
  else if (Array.isArray(keywords.type)) types = keywords.type.map(String);
  if (types?.includes('null')) {
    nullable = true;
    types = types.filter((type) => type !== 'null');
  }
  // No `type` of its own: the types its composition allows (a oneOf of objects is an object).
  if (types === undefined && depth < 8) {
    const composed = composedTypes(resolver, node, keywords, version, depth);
    if (composed) {
      types = composed.types;
      if (composed.nullable) nullable = true;
    }
  }
  types?.sort();

  let enumValues: unknown[] | undefined;
  if (Array.isArray(keywords.enum)) {
    if (keywords.enum.includes(null)) nullable = true;
    enumValues = keywords.enum.filter((item) => item !== null);
  }
  if (typeof keywords.pattern === 'string' && matchesEverything.has(keywords.pattern)) delete keywords.pattern;

  const resolvedNode = node;
  return {
    node: resolvedNode,
    id: `${resolvedNode.file}#${resolvedNode.pointer}`,
    keywords,
    types,
    nullable,
    enumValues,
    referenced,
    child: (...keys) => childNode(resolvedNode, ...keys),
  };
}

function composedTypes(
  resolver: Resolver,
  node: Node,
  keywords: Json,
  version: OpenApiVersion,
  depth: number,
): { types: string[]; nullable: boolean } | undefined {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = keywords[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const branches = list.map((_, index) => viewSchema(resolver, childNode(node, keyword, index), version, depth + 1));
    if (branches.some((branch) => branch.types === undefined)) return undefined;
    return {
      types: [...new Set(branches.flatMap((branch) => branch.types!))],
      nullable: branches.some((branch) => branch.nullable),
    };
  }
  const members = keywords.allOf;
  if (!Array.isArray(members)) return undefined;
  const typed = members
    .map((_, index) => viewSchema(resolver, childNode(node, 'allOf', index), version, depth + 1))
    .filter((member) => member.types !== undefined);
  if (typed.length === 0) return undefined;
  const shared = typed[0]!.types!.filter((type) => typed.every((member) => member.types!.includes(type)));
  return { types: shared.length > 0 ? shared : typed[0]!.types!, nullable: typed.every((member) => member.nullable) };
}
