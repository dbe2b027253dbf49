/** Rules on `oneOf`/`anyOf` variants, `allOf` members, a schema wrapped in `oneOf`, and `deprecated`. */
import { isObject } from '../document/resolver.ts';
import type { SchemaPair } from '../walk/pairs.ts';
import { valueListOf, type Variant, variantsOf } from '../walk/variants.ts';
import { pair, property, requestBody, responseBody } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { subject } from './wording.ts';

const components = (schemas: Record<string, unknown>) => ({ components: { schemas } });
const cat = { type: 'object', required: ['meow'], properties: { meow: { type: 'boolean' } } };
const dog = { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } };
const bird = { type: 'object', required: ['tweet'], properties: { tweet: { type: 'boolean' } } };
const pets = { Cat: cat, Dog: dog, Bird: bird };
const oneOf = (...names: string[]) => ({ oneOf: names.map((name) => ({ $ref: `#/components/schemas/${name}` })) });
const anyOf = (...names: string[]) => ({ anyOf: names.map((name) => ({ $ref: `#/components/schemas/${name}` })) });
const allOf = (...members: unknown[]) => ({ allOf: members });
const req = (schema: unknown) => requestBody(schema, components(pets));
const res = (schema: unknown) => responseBody(schema, components(pets));

function variantPairs(
  schemaPair: SchemaPair,
  keyword: 'oneOf' | 'anyOf',
): { removed: Variant[]; added: Variant[] } | undefined {
  const { base, head } = schemaPair.context.operation.document;
  if (valueListOf(base.resolver, schemaPair.base.node) || valueListOf(head.resolver, schemaPair.head.node))
    return undefined;
  const from = variantsOf(base.resolver, schemaPair.base.node, keyword);
  const to = variantsOf(head.resolver, schemaPair.head.node, keyword);
  // No variants before: the schema was wrapped (see the wrapped-in-oneOf rules), not extended.
  if (from.length === 0) return undefined;
  return {
    removed: from.filter((variant) => !to.some((other) => other.key === variant.key)),
    added: to.filter((variant) => !from.some((other) => other.key === variant.key)),
  };
}

function variantRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  added: boolean,
  description: string,
  cases: Rule['cases'],
  oasdiff?: Rule['oasdiff'],
): Rule<'schema'> {
  return rule({
    id,
    level,
    location: 'schema',
    direction,
    description,
    cases,
    ...(oasdiff ? { oasdiff } : {}),
    check(schemaPair, emit) {
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const variants = variantPairs(schemaPair, keyword);
        for (const variant of (added ? variants?.added : variants?.removed) ?? []) {
          emit({
            message: `${keyword} variant \`${variant.key}\` of ${subject(schemaPair)} ${added ? 'added' : 'removed'}`,
            detail: variant.key,
            ...(added ? { pointer: `/${keyword}` } : { atBase: true }),
          });
        }
      }
    },
  });
}

function wrappedRule(direction: 'request' | 'response', description: string, cases: Rule['cases']): Rule<'schema'> {
  return rule({
    id: `${direction}-wrapped-in-one-of`,
    level: 'breaking',
    location: 'schema',
    direction,
    description,
    cases,
    check(schemaPair, emit) {
      const { base, head } = schemaPair.context.operation.document;
      if (
        variantsOf(base.resolver, schemaPair.base.node, 'oneOf').length > 0 ||
        variantsOf(base.resolver, schemaPair.base.node, 'anyOf').length > 0
      )
        return;
      if (valueListOf(head.resolver, schemaPair.head.node)) return;
      const variants = variantsOf(head.resolver, schemaPair.head.node, 'oneOf');
      if (variants.length < 2) return;
      emit({
        message: `${subject(schemaPair)} became a oneOf of ${variants.map((variant) => `\`${variant.key}\``).join(', ')}`,
        pointer: '/oneOf',
      });
    },
  });
}

const annotations = new Set([
  'description',
  'title',
  'example',
  'examples',
  'deprecated',
  '$comment',
  'externalDocs',
  'xml',
  'readOnly',
  'writeOnly',
  'default',
]);

function isAnnotationOnly(schemaPair: SchemaPair, side: 'base' | 'head', variant: Variant): boolean {
  const value = schemaPair.context.operation.document[side].resolver.resolve(variant.node).value;
  return isObject(value) && Object.keys(value).every((key) => annotations.has(key) || key.startsWith('x-'));
}

function allOfRule(
  id: string,
  direction: 'request' | 'response' | undefined,
  level: Rule['level'],
  select: (event: { added: boolean; annotation: boolean }) => boolean,
  description: string,
  cases: Rule['cases'],
): Rule<'schema'> {
  return rule({
    id,
    level,
    location: 'schema',
    ...(direction ? { direction } : {}),
    description,
    cases,
    check(schemaPair, emit) {
      const { base, head } = schemaPair.context.operation.document;
      const from = variantsOf(base.resolver, schemaPair.base.node, 'allOf');
      const to = variantsOf(head.resolver, schemaPair.head.node, 'allOf');
      for (const [list, other, added, side] of [
        [from, to, false, 'base'],
        [to, from, true, 'head'],
      ] as const) {
        for (const member of list) {
          if (other.some((candidate) => candidate.key === member.key)) continue;
          const annotation = isAnnotationOnly(schemaPair, side, member);
          if (!select({ added, annotation })) continue;
          emit({
            message: `allOf member \`${member.key}\`${annotation ? ' (annotations only)' : ''} ${added ? 'added to' : 'removed from'} ${subject(schemaPair)}`,
            detail: member.key,
            ...(added ? {} : { atBase: true }),
          });
        }
      }
    },
  });
}

export const compositionRules: Rule<'schema'>[] = [
  variantRule(
    'request-variant-removed',
    'request',
    'breaking',
    false,
    'A `oneOf`/`anyOf` variant of a request value was removed: requests in that shape are rejected.',
    [
      pair('oneOf variant removed', req(oneOf('Cat', 'Dog')), req(oneOf('Cat'))),
      pair('anyOf variant removed', req(anyOf('Cat', 'Dog')), req(anyOf('Cat'))),
    ],
  ),
  variantRule(
    'request-variant-added',
    'request',
    'info',
    true,
    'A request value accepts one more `oneOf`/`anyOf` shape.',
    [pair('oneOf variant added', req(oneOf('Cat', 'Dog')), req(oneOf('Cat', 'Dog', 'Bird')))],
  ),
  variantRule(
    'response-variant-added',
    'response',
    'breaking',
    true,
    'A response value can come in one more `oneOf`/`anyOf` shape: clients that handle every known shape (discriminated unions, exhaustive switches) meet one they cannot.',
    [
      pair('oneOf variant added', res(oneOf('Cat', 'Dog')), res(oneOf('Cat', 'Dog', 'Bird'))),
      pair('anyOf variant added', res(anyOf('Cat', 'Dog')), res(anyOf('Cat', 'Dog', 'Bird'))),
    ],
    {
      level: 'info',
      ids: ['response-body-any-of-added', 'response-property-any-of-added'],
      why: 'oasdiff treats a new oneOf response variant as breaking but a new anyOf one as info; for a reader both are a shape it was never told about, so both are breaking here.',
    },
  ),
  variantRule(
    'response-variant-removed',
    'response',
    'info',
    false,
    'A response value no longer comes in one of its `oneOf`/`anyOf` shapes.',
    [pair('oneOf variant removed', res(oneOf('Cat', 'Dog')), res(oneOf('Cat')))],
  ),
  wrappedRule(
    'request',
    'A request schema became a `oneOf` of itself and other shapes: a request that fits more than one variant is now rejected, and generated clients change the type they send.',
    [
      pair('body wrapped in oneOf', req({ $ref: '#/components/schemas/Cat' }), req(oneOf('Cat', 'Dog'))),
      pair(
        'a oneOf of constants is an enum, not a wrapper',
        requestBody(property({ type: 'string', enum: ['a', 'b'] })),
        requestBody(property({ oneOf: [{ const: 'a' }, { const: 'b' }] })),
        false,
      ),
    ],
  ),
  wrappedRule(
    'response',
    'A response schema became a `oneOf` of itself and other shapes: clients can receive a shape they do not parse.',
    [pair('body wrapped in oneOf', res({ $ref: '#/components/schemas/Cat' }), res(oneOf('Cat', 'Dog')))],
  ),
  allOfRule(
    'request-all-of-added',
    'request',
    'breaking',
    ({ added, annotation }) => added && !annotation,
    'A request schema must also fit a new `allOf` member: requests that do not are rejected.',
    [
      pair(
        'allOf member added',
        req(allOf({ $ref: '#/components/schemas/Cat' })),
        req(allOf({ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' })),
      ),
    ],
  ),
  allOfRule(
    'request-all-of-removed',
    'request',
    'warning',
    ({ added, annotation }) => !added && !annotation,
    'A request schema lost an `allOf` member: it accepts more, but clients may have relied on what the member required the server to accept.',
    [
      pair(
        'allOf member removed',
        req(allOf({ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' })),
        req(allOf({ $ref: '#/components/schemas/Cat' })),
      ),
    ],
  ),
  allOfRule(
    'response-all-of-changed',
    'response',
    'info',
    ({ annotation }) => !annotation,
    'A response schema gained or lost an `allOf` member (its properties are compared where they are).',
    [
      pair(
        'allOf member added',
        res(allOf({ $ref: '#/components/schemas/Cat' })),
        res(allOf({ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' })),
      ),
    ],
  ),
  allOfRule(
    'all-of-annotation-changed',
    undefined,
    'info',
    ({ annotation }) => annotation,
    'An `allOf` member that only annotates (description, title, examples) was added or removed: it has no effect on what validates.',
    [
      pair(
        'annotation-only member added',
        req(allOf({ $ref: '#/components/schemas/Cat' })),
        req(allOf({ $ref: '#/components/schemas/Cat' }, { description: 'A cat' })),
      ),
    ],
  ),
  rule({
    id: 'deprecated-changed',
    level: 'info',
    location: 'schema',
    description: 'A value was marked deprecated, or no longer is: plan its removal.',
    cases: [
      pair(
        'property deprecated',
        responseBody(property({ type: 'string' })),
        responseBody(property({ type: 'string', deprecated: true })),
      ),
    ],
    check(schemaPair, emit) {
      const from = schemaPair.base.keywords.deprecated === true;
      const to = schemaPair.head.keywords.deprecated === true;
      if (from !== to) emit({ message: `${subject(schemaPair)} ${to ? 'deprecated' : 'no longer deprecated'}` });
    },
  }),
  rule({
    id: 'discriminator-changed',
    level: 'info',
    location: 'schema',
    description:
      "A `discriminator` (its `propertyName` or `mapping`) was added, removed or changed: a hint for code generators and parsers; the oneOf variants and the property's values are compared on their own.",
    cases: [
      pair(
        'mapping added',
        res({ ...oneOf('Cat', 'Dog'), discriminator: { propertyName: 'kind' } }),
        res({
          ...oneOf('Cat', 'Dog'),
          discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
        }),
      ),
    ],
    check(schemaPair, emit) {
      const from = JSON.stringify(schemaPair.base.keywords.discriminator ?? null);
      const to = JSON.stringify(schemaPair.head.keywords.discriminator ?? null);
      if (from !== to)
        emit({
          message: `discriminator of ${subject(schemaPair)} changed from ${from} to ${to}`,
          pointer: '/discriminator',
        });
    },
  }),
];
