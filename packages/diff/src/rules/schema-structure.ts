/**
 * Rules on the JSON Schema keywords that add a constraint by being there: `patternProperties`,
 * `propertyNames`, `dependentSchemas`, `dependentRequired`, `if`/`then`/`else`, `contains`,
 * `contentSchema`, `unevaluatedItems`, `unevaluatedProperties`, `not`, `items`, `uniqueItems`,
 * `prefixItems`; and `contentMediaType`/`contentEncoding`. Each family has four rules: the
 * constraint added or removed, on a request or a response. A constraint added to a request
 * rejects requests that passed; one removed from a response lets it send what it could not.
 */
import { isObject, type Json } from '../document/resolver.ts';
import type { Schema } from '../document/schema.ts';
import { pair, property, requestBody, responseBody } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { show, subject } from './wording.ts';

interface Family {
  name: string;
  /** What the message calls one constraint: `patternProperties entry`. */
  label: string;
  /** The constraints present, as names that stay stable across versions. */
  read(schema: Schema): string[];
  /** A schema without the constraint and one with it, for the cases. */
  without: Json;
  with: Json;
  /** Levels, when they differ from the usual (request added / response removed breaking). */
  levels?: {
    requestAdded: Rule['level'];
    requestRemoved: Rule['level'];
    responseAdded: Rule['level'];
    responseRemoved: Rule['level'];
  };
  /** Why the family is classified as it is, for the rule descriptions. */
  meaning: string;
}

const keysOf = (value: unknown) => (isObject(value) ? Object.keys(value) : []);
const presentAs = (keyword: string) => (schema: Schema) =>
  schema.keywords[keyword] !== undefined && schema.keywords[keyword] !== true ? [keyword] : [];

const families: Family[] = [
  {
    name: 'pattern-property',
    label: 'patternProperties entry',
    read: (schema) => keysOf(schema.keywords.patternProperties),
    without: { type: 'object' },
    with: { type: 'object', patternProperties: { '^x-': { type: 'string' } } },
    meaning: 'properties whose names match the pattern must fit its schema',
  },
  {
    name: 'property-names',
    label: 'propertyNames',
    read: presentAs('propertyNames'),
    without: { type: 'object' },
    with: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
    meaning: 'every property name must fit the schema',
  },
  {
    name: 'dependent-schema',
    label: 'dependentSchemas entry',
    read: (schema) => keysOf(schema.keywords.dependentSchemas),
    without: { type: 'object' },
    with: { type: 'object', dependentSchemas: { card: { required: ['billing'] } } },
    meaning: 'when the named property is present, the object must also fit the schema',
  },
  {
    name: 'dependent-required',
    label: 'dependentRequired',
    read: (schema) =>
      Object.entries(isObject(schema.keywords.dependentRequired) ? schema.keywords.dependentRequired : {}).flatMap(
        ([name, list]) => (Array.isArray(list) ? list : []).map((required) => `${name} → ${String(required)}`),
      ),
    without: { type: 'object' },
    with: { type: 'object', dependentRequired: { card: ['billing'] } },
    meaning: 'when the first property is present the second is required',
  },
  {
    name: 'conditional',
    label: 'if/then/else',
    read: (schema) =>
      ['if', 'then', 'else'].filter(
        (keyword) => schema.keywords[keyword] !== undefined && schema.keywords[keyword] !== true,
      ),
    without: { type: 'object' },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise
    with: { type: 'object', if: { required: ['card'] }, then: { required: ['billing'] } },
    meaning: 'values must fit a conditional schema',
  },
  {
    name: 'contains',
    label: 'contains',
    read: presentAs('contains'),
    without: { type: 'array', items: { type: 'string' } },
    with: { type: 'array', items: { type: 'string' }, contains: { const: 'admin' } },
    meaning: 'arrays must hold a matching item',
  },
  {
    name: 'content-schema',
    label: 'contentSchema',
    read: presentAs('contentSchema'),
    without: { type: 'string', contentMediaType: 'application/json' },
    with: { type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object' } },
    meaning: 'the encoded content must fit the schema',
  },
  {
    name: 'unevaluated-items',
    label: 'unevaluatedItems',
    read: presentAs('unevaluatedItems'),
    without: { type: 'array', prefixItems: [{ type: 'string' }] },
    with: { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: false },
    meaning: 'items no other keyword covers must fit the schema (or are rejected)',
  },
  {
    name: 'unevaluated-properties',
    label: 'unevaluatedProperties',
    read: presentAs('unevaluatedProperties'),
    without: { type: 'object', properties: { name: { type: 'string' } } },
    with: { type: 'object', properties: { name: { type: 'string' } }, unevaluatedProperties: false },
    meaning: 'properties no other keyword covers must fit the schema (or are rejected)',
  },
  {
    name: 'not',
    label: 'not',
    read: presentAs('not'),
    without: { type: 'string' },
    with: { type: 'string', not: { const: 'root' } },
    meaning: 'values must not fit the schema',
  },
  {
    name: 'items',
    label: 'items',
    read: presentAs('items'),
    without: { type: 'array' },
    with: { type: 'array', items: { type: 'string' } },
    meaning: 'array items must fit the schema',
  },
  {
    name: 'unique-items',
    label: 'uniqueItems',
    read: (schema) => (schema.keywords.uniqueItems === true ? ['uniqueItems'] : []),
    without: { type: 'array', items: { type: 'string' } },
    with: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    meaning: 'array items must be unique',
  },
  {
    name: 'prefix-item',
    label: 'prefixItems position',
    read: (schema) =>
      Array.isArray(schema.keywords.prefixItems) ? schema.keywords.prefixItems.map((_, index) => `[${index}]`) : [],
    without: { type: 'array', prefixItems: [{ type: 'string' }] },
    with: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
    levels: { requestAdded: 'info', requestRemoved: 'breaking', responseAdded: 'breaking', responseRemoved: 'info' },
    meaning:
      'a tuple position has its own schema (clients that read or write positionally depend on the list of positions)',
  },
];

function familyRule(family: Family, direction: 'request' | 'response', added: boolean): Rule<'schema'> {
  const levels = family.levels ?? {
    requestAdded: 'breaking',
    requestRemoved: 'info',
    responseAdded: 'info',
    responseRemoved: 'breaking',
  };
  const level =
    direction === 'request'
      ? added
        ? levels.requestAdded
        : levels.requestRemoved
      : added
        ? levels.responseAdded
        : levels.responseRemoved;
  const wrap = (schema: Json) =>
    direction === 'request' ? requestBody(property(schema)) : responseBody(property(schema));
  const effect =
    level === 'breaking'
      ? direction === 'request'
        ? 'requests that passed can now be rejected'
        : 'responses can now hold what clients never saw'
      : direction === 'request'
        ? 'requests are accepted as before or more'
        : 'responses hold nothing clients did not see before';
  return rule({
    id: `${direction}-${family.name}-${added ? 'added' : 'removed'}`,
    level,
    location: 'schema',
    direction,
    description: `A ${family.label} was ${added ? 'added to' : 'removed from'} a ${direction} schema (${family.meaning}): ${effect}.`,
    cases: [
      added
        ? pair(`${family.label} added`, wrap(family.without), wrap(family.with))
        : pair(`${family.label} removed`, wrap(family.with), wrap(family.without)),
    ],
    check(schemaPair, emit) {
      const before = family.read(schemaPair.base);
      const after = family.read(schemaPair.head);
      const [from, to] = added ? [before, after] : [after, before];
      for (const name of to.filter((item) => !from.includes(item))) {
        const what = name === family.label || family.label.startsWith(name) ? family.label : `${family.label} ${name}`;
        emit({
          message: `${what} ${added ? 'added to' : 'removed from'} ${subject(schemaPair)}`,
          detail: name,
          ...(added ? {} : { atBase: true }),
        });
      }
    },
  });
}

export const structureRules: Rule<'schema'>[] = [
  ...families.flatMap((family) => [
    familyRule(family, 'request', true),
    familyRule(family, 'request', false),
    familyRule(family, 'response', true),
    familyRule(family, 'response', false),
  ]),
  rule({
    id: 'content-encoding-changed',
    level: 'breaking',
    location: 'schema',
    description:
      'The `contentMediaType` or `contentEncoding` of an encoded string changed (base64 → base64url, JSON → XML …): the two sides decode it differently.',
    cases: [
      pair(
        'encoding changed',
        requestBody(property({ type: 'string', contentEncoding: 'base64' })),
        requestBody(property({ type: 'string', contentEncoding: 'base64url' })),
      ),
      pair(
        'content media type changed in a response',
        responseBody(property({ type: 'string', contentMediaType: 'application/json' })),
        responseBody(property({ type: 'string', contentMediaType: 'application/xml' })),
      ),
    ],
    check(schemaPair, emit) {
      for (const keyword of ['contentMediaType', 'contentEncoding']) {
        const from = schemaPair.base.keywords[keyword];
        const to = schemaPair.head.keywords[keyword];
        if (from !== to)
          emit({
            message: `${keyword} of ${subject(schemaPair)} changed from ${show(from ?? 'none')} to ${show(to ?? 'none')}`,
            detail: keyword,
          });
      }
    },
  }),
  rule({
    id: 'not-changed',
    level: 'warning',
    location: 'schema',
    description:
      'The schema a value must not match changed: whether that accepts more or fewer values depends on the two schemas.',
    cases: [
      pair(
        'not changed',
        requestBody(property({ type: 'string', not: { const: 'a' } })),
        requestBody(property({ type: 'string', not: { const: 'b' } })),
      ),
    ],
    check(schemaPair, emit) {
      const from = schemaPair.base.keywords.not;
      const to = schemaPair.head.keywords.not;
      if (from !== undefined && to !== undefined && show(from) !== show(to))
        emit({ message: `the \`not\` schema of ${subject(schemaPair)} changed`, pointer: '/not' });
    },
  }),
];
