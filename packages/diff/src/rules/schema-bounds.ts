/**
 * Rules on numeric bounds: `minimum`/`maximum` (with their exclusive forms, 3.0 booleans included),
 * `minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`,
 * `minContains`/`maxContains`, and `multipleOf`.
 */
import type { Json } from '../document/resolver.ts';
import type { SchemaPair } from '../walk/pairs.ts';
import { pair, property, query, requestBody, responseBody, v30 } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { subject } from './wording.ts';

interface Bound {
  keyword: string;
  value: number;
  exclusive: boolean;
}

type BoundEvent = 'narrowed' | 'set' | 'widened';

const families: Array<{ lower: boolean; read(keywords: Json): Bound | undefined }> = [];

function plain(keyword: string, lower: boolean) {
  families.push({
    lower,
    read: (keywords) =>
      typeof keywords[keyword] === 'number'
        ? { keyword, value: keywords[keyword] as number, exclusive: false }
        : undefined,
  });
}

/** `minimum` and `exclusiveMinimum` are one bound: the tighter of the two. */
function numeric(lower: boolean) {
  const [inclusive, exclusive] = lower ? ['minimum', 'exclusiveMinimum'] : ['maximum', 'exclusiveMaximum'];
  families.push({
    lower,
    read(keywords) {
      const a = typeof keywords[inclusive] === 'number' ? (keywords[inclusive] as number) : undefined;
      const b = typeof keywords[exclusive] === 'number' ? (keywords[exclusive] as number) : undefined;
      if (a === undefined && b === undefined) return undefined;
      if (b === undefined || (a !== undefined && (lower ? a > b : a < b)))
        return { keyword: inclusive, value: a!, exclusive: false };
      return { keyword: exclusive, value: b, exclusive: true };
    },
  });
}

numeric(true);
numeric(false);
for (const [min, max] of [
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
  ['minContains', 'maxContains'],
] as const) {
  plain(min, true);
  plain(max, false);
}

function tighter(from: Bound, to: Bound, lower: boolean): boolean | undefined {
  if (from.value === to.value) return from.exclusive === to.exclusive ? undefined : to.exclusive;
  return lower ? to.value > from.value : to.value < from.value;
}

function boundEvents(pair: SchemaPair): Array<{ event: BoundEvent; from?: Bound; to?: Bound }> {
  const events: Array<{ event: BoundEvent; from?: Bound; to?: Bound }> = [];
  for (const family of families) {
    const from = family.read(pair.base.keywords);
    const to = family.read(pair.head.keywords);
    if (!from && !to) continue;
    if (!from) events.push({ event: 'set', to: to! });
    else if (!to) events.push({ event: 'widened', from });
    else {
      const narrower = tighter(from, to, family.lower);
      if (narrower !== undefined) events.push({ event: narrower ? 'narrowed' : 'widened', from, to });
    }
  }
  return events;
}

const shown = (bound: Bound | undefined) => (bound ? `${bound.keyword} ${bound.value}` : 'none');

function boundRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  events: BoundEvent[],
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
      for (const { event, from, to } of boundEvents(schemaPair)) {
        if (!events.includes(event)) continue;
        const keyword = (to ?? from)!.keyword;
        emit({
          message: `${keyword} of ${subject(schemaPair)} ${event === 'set' ? `set to ${to!.value}` : `changed from ${shown(from)} to ${shown(to)}`}`,
          detail: `${shown(from)} → ${shown(to)}`,
          ...(to ? { pointer: `/${to.keyword}` } : { atBase: true }),
        });
      }
    },
  });
}

function multipleOfRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
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
      const from = schemaPair.base.keywords.multipleOf;
      const to = schemaPair.head.keywords.multipleOf;
      if (from === to) return;
      // A request accepts fewer values when a multipleOf appears or the new one is a multiple of the old;
      // a response can send more when it disappears or the old one is a multiple of the new.
      const narrower = typeof to === 'number' && (typeof from !== 'number' || to % from === 0);
      const wider = typeof from === 'number' && (typeof to !== 'number' || from % to === 0);
      const report = direction === 'request' ? !wider : !narrower;
      if (report)
        emit({
          message: `multipleOf of ${subject(schemaPair)} changed from ${String(from ?? 'none')} to ${String(to ?? 'none')}`,
          detail: `${String(from)} → ${String(to)}`,
        });
    },
  });
}

const prop = (schema: unknown) => requestBody(property(schema));
const out = (schema: unknown) => responseBody(property(schema));

export const boundRules: Rule<'schema'>[] = [
  boundRule(
    'request-bound-narrowed',
    'request',
    'breaking',
    ['narrowed'],
    'A bound on a request value got tighter (`maxLength` 64 → 32, `minimum` 1 → 5, `maxItems` lowered, `minimum` made exclusive): requests that met the old bound but not the new one are rejected.',
    [
      pair('maxLength lowered', prop({ type: 'string', maxLength: 64 }), prop({ type: 'string', maxLength: 32 })),
      pair('minimum raised', prop({ type: 'integer', minimum: 1 }), prop({ type: 'integer', minimum: 5 })),
      pair(
        'minItems raised on a query parameter',
        query({ type: 'array', items: { type: 'string' }, minItems: 1 }),
        query({ type: 'array', items: { type: 'string' }, minItems: 2 }),
      ),
      pair(
        '3.0 minimum made exclusive',
        v30(prop({ type: 'integer', minimum: 1 })),
        v30(prop({ type: 'integer', minimum: 1, exclusiveMinimum: true })),
      ),
      pair(
        'maxContains lowered',
        prop({ type: 'array', contains: { type: 'string' }, maxContains: 3 }),
        prop({ type: 'array', contains: { type: 'string' }, maxContains: 2 }),
      ),
    ],
  ),
  boundRule(
    'request-bound-set',
    'request',
    'warning',
    ['set'],
    'A bound was set on a request value that had none (`maxLength`, `maximum`, `minItems` …): requests outside it are now rejected, though usually the server enforced it already and the spec now says so.',
    [
      pair('maxLength set', prop({ type: 'string' }), prop({ type: 'string', maxLength: 10 })),
      pair('exclusiveMaximum set', prop({ type: 'number' }), prop({ type: 'number', exclusiveMaximum: 10 })),
    ],
  ),
  boundRule(
    'request-bound-widened',
    'request',
    'info',
    ['widened'],
    'A bound on a request value got looser or was dropped.',
    [pair('maxLength raised', prop({ type: 'string', maxLength: 32 }), prop({ type: 'string', maxLength: 64 }))],
  ),
  boundRule(
    'response-bound-widened',
    'response',
    'breaking',
    ['widened'],
    'A bound on a response value got looser or was dropped (`maxLength` raised, `minimum` lowered, `minItems` dropped): clients that rely on the old bound (buffers, column sizes, non-empty lists) can receive values outside it.',
    [
      pair('maxLength raised', out({ type: 'string', maxLength: 32 }), out({ type: 'string', maxLength: 64 })),
      pair('minItems dropped', out({ type: 'array', items: {}, minItems: 1 }), out({ type: 'array', items: {} })),
    ],
  ),
  boundRule(
    'response-bound-narrowed',
    'response',
    'info',
    ['narrowed', 'set'],
    'A bound on a response value got tighter or was set.',
    [pair('maximum set', out({ type: 'integer' }), out({ type: 'integer', maximum: 10 }))],
  ),
  multipleOfRule(
    'request-multiple-of-changed',
    'request',
    'breaking',
    'A request number must now be a multiple of something it need not be before (`multipleOf` added or changed to a non-divisor).',
    [pair('multipleOf added', prop({ type: 'number' }), prop({ type: 'number', multipleOf: 5 }))],
  ),
  multipleOfRule(
    'response-multiple-of-changed',
    'response',
    'breaking',
    'A response number is no longer guaranteed to be a multiple of the old `multipleOf` (removed or changed).',
    [pair('multipleOf removed', out({ type: 'number', multipleOf: 5 }), out({ type: 'number' }))],
  ),
];
