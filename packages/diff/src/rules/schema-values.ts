/** Rules on the values a schema allows: `enum`, `const`, an enum written as `oneOf` of constants, `x-extensible-enum`, `default`. */
import type { Schema } from '../document/schema.ts';
import type { SchemaPair } from '../walk/pairs.ts';
import { valueListOf } from '../walk/variants.ts';
import { pair, property, query, requestBody, responseBody, v30 } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { show, subject } from './wording.ts';

/** The values a schema is restricted to, however written; undefined: not restricted. */
function valuesOf(pair: SchemaPair, side: 'base' | 'head'): string[] | undefined {
  const schema: Schema = pair[side];
  if (schema.enumValues) return schema.enumValues.map(show);
  if ('const' in schema.keywords) return schema.keywords.const === null ? [] : [show(schema.keywords.const)];
  const resolver = pair.context.operation.document[side].resolver;
  return valueListOf(resolver, schema.node)
    ?.filter((value) => value !== null)
    .map(show);
}

function valueRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  event: 'value-removed' | 'value-added' | 'restricted' | 'unrestricted',
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
      const from = valuesOf(schemaPair, 'base');
      const to = valuesOf(schemaPair, 'head');
      if (event === 'restricted' && !from && to)
        emit({ message: `${subject(schemaPair)} restricted to ${to.join(', ')}`, pointer: '/enum' });
      if (event === 'unrestricted' && from && !to)
        emit({ message: `${subject(schemaPair)} no longer restricted to ${from.join(', ')}`, atBase: true });
      if (!from || !to) return;
      if (event === 'value-removed') {
        for (const value of from.filter((item) => !to.includes(item))) {
          emit({ message: `value ${value} of ${subject(schemaPair)} removed`, detail: value, atBase: true });
        }
      }
      if (event === 'value-added') {
        for (const value of to.filter((item) => !from.includes(item))) {
          emit({ message: `value ${value} of ${subject(schemaPair)} added`, detail: value, pointer: '/enum' });
        }
      }
    },
  });
}

function extensibleRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  removed: boolean,
  description: string,
  cases: Rule['cases'],
): Rule<'schema'> {
  return rule({
    id,
    level,
    location: 'schema',
    direction,
    description,
    cases,
    check(schemaPair, emit) {
      const from = schemaPair.base.keywords['x-extensible-enum'];
      const to = schemaPair.head.keywords['x-extensible-enum'];
      if (!Array.isArray(from) || !Array.isArray(to)) return;
      const [a, b] = removed ? [from.map(show), to.map(show)] : [to.map(show), from.map(show)];
      for (const value of a.filter((item) => !b.includes(item))) {
        emit({
          message: `x-extensible-enum value ${value} of ${subject(schemaPair)} ${removed ? 'removed' : 'added'}`,
          detail: value,
          atBase: removed,
        });
      }
    },
  });
}

function defaultRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  parameter: boolean,
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
      const isParameter = schemaPair.context.parameter && schemaPair.top && direction === 'request';
      if (isParameter !== parameter) return;
      const from = schemaPair.base.keywords.default;
      const to = schemaPair.head.keywords.default;
      if (show(from) === show(to)) return;
      const what =
        from === undefined
          ? `set to ${show(to)}`
          : to === undefined
            ? `${show(from)} removed`
            : `changed from ${show(from)} to ${show(to)}`;
      emit({
        message: `default of ${subject(schemaPair)} ${what}`,
        detail: `${show(from)} → ${show(to)}`,
        pointer: '/default',
      });
    },
  });
}

const prop = (schema: unknown) => requestBody(property(schema));
const out = (schema: unknown) => responseBody(property(schema));
const tier = { type: 'string', enum: ['small', 'large'] };
const tiers = { type: 'string', enum: ['small', 'large', 'huge'] };

export const valueRules: Rule<'schema'>[] = [
  valueRule(
    'request-enum-value-removed',
    'request',
    'breaking',
    'value-removed',
    'A value a request could send is no longer allowed: requests that send it are rejected.',
    [
      pair('enum value removed', prop(tiers), prop(tier)),
      pair('const changed', prop({ const: 'a' }), prop({ const: 'b' })),
      pair(
        'enum moved into oneOf of constants is no change',
        prop(tier),
        prop({
          oneOf: [
            { const: 'small', title: 'Small' },
            { const: 'large', title: 'Large' },
          ],
        }),
        false,
      ),
    ],
  ),
  valueRule('request-enum-value-added', 'request', 'info', 'value-added', 'A request may send one more value.', [
    pair('enum value added', prop(tier), prop(tiers)),
  ]),
  valueRule(
    'request-enum-added',
    'request',
    'breaking',
    'restricted',
    'A request value became restricted to a list (`enum` or `const` added): requests with any other value are rejected.',
    [
      pair('enum added', prop({ type: 'string' }), prop(tier)),
      pair('const added', requestBody({ type: 'string' }), requestBody({ type: 'string', const: 'x' })),
    ],
  ),
  valueRule(
    'request-enum-removed',
    'request',
    'info',
    'unrestricted',
    'A request value is no longer restricted to a list.',
    [pair('enum dropped', prop(tier), prop({ type: 'string' }))],
  ),
  valueRule(
    'response-enum-value-added',
    'response',
    'breaking',
    'value-added',
    'A response value can be one more value: strict clients (exhaustive switches, generated union types, enum decoders) fail on it.',
    [pair('enum value added', out(tier), out(tiers)), pair('3.0 document', v30(out(tier)), v30(out(tiers)))],
    {
      level: 'warning',
      ids: ['response-property-enum-value-added'],
      why: 'Typed clients decode response enums into closed types (TypeScript unions from openapi-typescript, Go/Java enums, exhaustive switches), so an unknown value fails them at run time or compile time, as Optic classifies it. `x-extensible-enum` is the way to declare an open list (its additions are info).',
    },
  ),
  valueRule(
    'response-enum-value-removed',
    'response',
    'info',
    'value-removed',
    'A response value is never one of the removed values any more.',
    [pair('enum value removed', out(tiers), out(tier))],
  ),
  valueRule(
    'response-enum-removed',
    'response',
    'breaking',
    'unrestricted',
    'A response value is no longer restricted to a list (`enum` or `const` dropped): clients that handle the listed values only can receive others.',
    [
      pair('enum dropped', out(tier), out({ type: 'string' })),
      pair('const dropped', responseBody({ type: 'string', const: 'x' }), responseBody({ type: 'string' })),
    ],
  ),
  valueRule('response-enum-added', 'response', 'info', 'restricted', 'A response value became restricted to a list.', [
    pair('enum added', out({ type: 'string' }), out(tier)),
  ]),
  extensibleRule(
    'request-extensible-enum-value-removed',
    'request',
    'breaking',
    true,
    'A value of an `x-extensible-enum` (an open list) that requests could send was removed: requests that send it can be rejected.',
    [
      pair(
        'value removed',
        prop({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
        prop({ type: 'string', 'x-extensible-enum': ['a'] }),
      ),
    ],
  ),
  extensibleRule(
    'request-extensible-enum-value-added',
    'request',
    'info',
    false,
    'A request may send one more `x-extensible-enum` value.',
    [
      pair(
        'value added',
        prop({ type: 'string', 'x-extensible-enum': ['a'] }),
        prop({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
      ),
    ],
  ),
  extensibleRule(
    'response-extensible-enum-value-added',
    'response',
    'info',
    false,
    'A response `x-extensible-enum` gained a value: the list is declared open, so clients must already handle unknown values.',
    [
      pair(
        'value added',
        out({ type: 'string', 'x-extensible-enum': ['a'] }),
        out({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
      ),
    ],
  ),
  extensibleRule(
    'response-extensible-enum-value-removed',
    'response',
    'info',
    true,
    'A response `x-extensible-enum` lost a value.',
    [
      pair(
        'value removed',
        out({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
        out({ type: 'string', 'x-extensible-enum': ['a'] }),
      ),
    ],
  ),
  defaultRule(
    'request-parameter-default-changed',
    'request',
    'breaking',
    true,
    "A parameter's `default` was added, removed or changed: clients that omit the parameter get a different behaviour from the server.",
    [
      pair('default changed', query({ type: 'integer', default: 10 }), query({ type: 'integer', default: 20 })),
      pair('default added', query({ type: 'integer' }), query({ type: 'integer', default: 20 })),
      pair('default removed', query({ type: 'integer', default: 10 }), query({ type: 'integer' })),
    ],
  ),
  defaultRule(
    'request-default-changed',
    'request',
    'info',
    false,
    "A request body value's `default` changed: a documentation hint for what the server assumes.",
    [pair('default changed', prop({ type: 'integer', default: 1 }), prop({ type: 'integer', default: 2 }))],
  ),
  defaultRule(
    'response-default-changed',
    'response',
    'info',
    false,
    "A response value's `default` changed (documentation only).",
    [pair('default changed', out({ type: 'integer', default: 1 }), out({ type: 'integer', default: 2 }))],
  ),
];
