/** Rules on `type`, `format` and nullability. */
import type { SchemaPair } from '../walk/pairs.ts';
import { pair, property, query, requestBody, responseBody, responseHeader, v30 } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { subject } from './wording.ts';

type TypeChange = 'same' | 'removed' | 'added' | 'widened' | 'narrowed' | 'compatible' | 'changed';

const covered = (type: string, set: readonly string[]) =>
  set.includes(type) || (type === 'integer' && set.includes('number'));
const subset = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.every((type) => covered(type, b));

/**
 * How the set of types moved, seen from the side that reads: for a request the server reads what
 * the client wrote (so accepting more types is safe); for a response the client reads.
 */
function typeChange(pair: SchemaPair): TypeChange {
  const { types: from } = pair.base;
  const { types: to } = pair.head;
  if (from === undefined && to === undefined) return 'same';
  if (from && to && from.join() === to.join()) return 'same';
  if (to === undefined) return 'removed';
  if (from === undefined) return 'added';
  if (subset(from, to)) return 'widened';
  if (subset(to, from)) return 'narrowed';
  // Text (parameters, headers, form or XML bodies) carries any value as a string.
  if (!pair.context.stronglyTyped) {
    if (pair.context.direction === 'request' && to.length === 1 && to[0] === 'string') return 'compatible';
    if (pair.context.direction === 'response' && from.length === 1 && from[0] === 'string') return 'compatible';
  }
  return 'changed';
}

const typesShown = (types: string[] | undefined) => (types ? types.join(' | ') || 'null' : 'any type');
const typeMessage = (pair: SchemaPair, what: string) =>
  `type of ${subject(pair)} ${what} from ${typesShown(pair.base.types)} to ${typesShown(pair.head.types)}`;

function typeRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  changes: TypeChange[],
  description: string,
  cases: Rule['cases'],
  verb: string,
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
      if (changes.includes(typeChange(schemaPair))) {
        emit({
          message: typeMessage(schemaPair, verb),
          detail: `${typesShown(schemaPair.base.types)} → ${typesShown(schemaPair.head.types)}`,
          pointer: '/type',
        });
      }
    },
  });
}

/** Format pairs where the second accepts every value of the first. */
const widerFormats = new Set([
  'int32>int64',
  'float>double',
  'date>date-time',
  'time>date-time',
  'int32>bigint',
  'int64>bigint',
]);

function formatChange(pair: SchemaPair): 'same' | 'wider' | 'narrower' | 'changed' {
  const from = pair.base.keywords.format;
  const to = pair.head.keywords.format;
  if (from === to) return 'same';
  if (to === undefined) return 'wider';
  if (from === undefined) return 'narrower';
  if (widerFormats.has(`${String(from)}>${String(to)}`)) return 'wider';
  if (widerFormats.has(`${String(to)}>${String(from)}`)) return 'narrower';
  return 'changed';
}

function formatRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  kinds: string[],
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
      const kind = formatChange(schemaPair);
      if (!kinds.includes(kind)) return;
      const from = schemaPair.base.keywords.format ?? 'none';
      const to = schemaPair.head.keywords.format ?? 'none';
      emit({
        message: `format of ${subject(schemaPair)} changed from ${String(from)} to ${String(to)}`,
        detail: `${String(from)} → ${String(to)}`,
        pointer: '/format',
      });
    },
  });
}

function nullableRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  becomes: boolean,
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
      const { base, head } = schemaPair;
      if (base.types === undefined || head.types === undefined) return;
      if (base.nullable !== !becomes || head.nullable !== becomes) return;
      emit({ message: `${subject(schemaPair)} ${becomes ? 'became nullable' : 'is no longer nullable'}` });
    },
  });
}

const prop = (schema: unknown) => requestBody(property(schema));
const out = (schema: unknown) => responseBody(property(schema));

export const typeRules: Rule<'schema'>[] = [
  typeRule(
    'request-type-changed',
    'request',
    'breaking',
    ['changed', 'added'],
    'The type a request value may have changed (or a type was imposed on an untyped value): requests that send the old type are rejected.',
    [
      pair('property string → integer', prop({ type: 'string' }), prop({ type: 'integer' })),
      pair('body object → array', requestBody({ type: 'object' }), requestBody({ type: 'array', items: {} })),
      pair('query parameter string → integer', query({ type: 'string' }), query({ type: 'integer' })),
      pair(
        'an XML body integer → string is not a change clients notice',
        requestBody({ type: 'integer' }, { mediaType: 'application/xml' }),
        requestBody({ type: 'string' }, { mediaType: 'application/xml' }),
        false,
      ),
    ],
    'changed',
    {
      level: 'warning',
      ids: ['request-parameter-property-type-changed'],
      why: 'oasdiff only warns when a property inside an object parameter changes type; a validating server parses the parameter with the new schema and rejects values of the old type (`abc` as an integer) there as anywhere else.',
    },
  ),
  typeRule(
    'request-type-narrowed',
    'request',
    'breaking',
    ['narrowed'],
    'A request value accepts fewer types (`string | integer` → `string`, `number` → `integer`): requests that send a dropped type are rejected.',
    [
      pair('number → integer', prop({ type: 'number' }), prop({ type: 'integer' })),
      pair('string | integer → string', prop({ type: ['string', 'integer'] }), prop({ type: 'string' })),
    ],
    'narrowed',
  ),
  typeRule(
    'request-type-widened',
    'request',
    'info',
    ['widened', 'removed'],
    'A request value accepts more types (`integer` → `number`, a type added to the list, the type constraint dropped): every request that passed still passes.',
    [
      pair('integer → number', prop({ type: 'integer' }), prop({ type: 'number' })),
      pair('type dropped', prop({ type: 'string' }), prop({})),
    ],
    'widened',
  ),
  typeRule(
    'request-type-compatible',
    'request',
    'info',
    ['compatible'],
    'A text-encoded request value (parameter, header, form or XML body) changed to `string`: whatever clients sent is still a valid string.',
    [
      pair('query parameter integer → string', query({ type: 'integer' }), query({ type: 'string' })),
      pair(
        'XML body integer → string',
        requestBody({ type: 'integer' }, { mediaType: 'application/xml' }),
        requestBody({ type: 'string' }, { mediaType: 'application/xml' }),
      ),
    ],
    'changed',
  ),
  typeRule(
    'response-type-changed',
    'response',
    'breaking',
    ['changed', 'removed'],
    'The type of a response value changed (or its type constraint was dropped): clients that parse the old type fail.',
    [
      pair('property string → integer', out({ type: 'string' }), out({ type: 'integer' })),
      pair('type dropped', out({ type: 'string' }), out({})),
      pair(
        'an object that became a oneOf of objects is still an object',
        out({ type: 'object', properties: { a: { type: 'string' } } }),
        out({
          oneOf: [
            { type: 'object', properties: { a: { type: 'string' } } },
            { type: 'object', properties: { b: { type: 'string' } } },
          ],
        }),
        false,
      ),
      pair(
        'a header string → integer stays readable as text',
        responseHeader({ schema: { type: 'string' } }),
        responseHeader({ schema: { type: 'integer' } }),
        false,
      ),
    ],
    'changed',
  ),
  typeRule(
    'response-type-widened',
    'response',
    'breaking',
    ['widened'],
    'A response value can have more types (`integer` → `number`, a type added to the list): clients that expect the old type meet the new one.',
    [
      pair('integer → number', out({ type: 'integer' }), out({ type: 'number' })),
      pair('string → string | integer', out({ type: 'string' }), out({ type: ['string', 'integer'] })),
    ],
    'widened',
  ),
  typeRule(
    'response-type-narrowed',
    'response',
    'info',
    ['narrowed', 'added'],
    'A response value has fewer possible types (or gained a type constraint): everything clients receive they could receive before.',
    [
      pair('number → integer', out({ type: 'number' }), out({ type: 'integer' })),
      pair('type imposed', out({}), out({ type: 'string' })),
    ],
    'narrowed',
  ),
  typeRule(
    'response-type-compatible',
    'response',
    'info',
    ['compatible'],
    'A text-encoded response value (header, text or XML body) that was a `string` got another type: clients that read it as text still can.',
    [
      pair(
        'header string → integer',
        responseHeader({ schema: { type: 'string' } }),
        responseHeader({ schema: { type: 'integer' } }),
      ),
    ],
    'changed',
  ),
  formatRule(
    'request-format-changed',
    'request',
    'breaking',
    ['narrower', 'changed'],
    'A request value got a stricter or different `format` (`date-time` → `date`, `int64` → `int32`, a format added): requests in the old format are rejected.',
    [
      pair('format added', prop({ type: 'string' }), prop({ type: 'string', format: 'uuid' })),
      pair('int64 → int32', prop({ type: 'integer', format: 'int64' }), prop({ type: 'integer', format: 'int32' })),
    ],
  ),
  formatRule(
    'request-format-widened',
    'request',
    'info',
    ['wider'],
    'A request value accepts a wider `format` (`int32` → `int64`, `date` → `date-time`, format dropped).',
    [
      pair('int32 → int64', prop({ type: 'integer', format: 'int32' }), prop({ type: 'integer', format: 'int64' })),
      pair('format dropped', prop({ type: 'string', format: 'email' }), prop({ type: 'string' })),
    ],
  ),
  formatRule(
    'response-format-changed',
    'response',
    'breaking',
    ['wider', 'changed'],
    'A response value has a wider or different `format` (`int32` → `int64`, `date` → `date-time`, format dropped): clients that parse the old format fail.',
    [
      pair('int32 → int64', out({ type: 'integer', format: 'int32' }), out({ type: 'integer', format: 'int64' })),
      pair('date → uuid', out({ type: 'string', format: 'date' }), out({ type: 'string', format: 'uuid' })),
    ],
  ),
  formatRule(
    'response-format-narrowed',
    'response',
    'info',
    ['narrower'],
    'A response value has a narrower `format` (`int64` → `int32`, a format added).',
    [pair('format added', out({ type: 'string' }), out({ type: 'string', format: 'uuid' }))],
  ),
  nullableRule(
    'request-became-not-nullable',
    'request',
    'breaking',
    false,
    'A request value no longer accepts `null` (3.1 `type: [x, "null"]` or 3.0 `nullable: true` dropped): requests that send null are rejected.',
    [
      pair('3.1 type list', prop({ type: ['string', 'null'] }), prop({ type: 'string' })),
      pair('3.0 nullable', v30(prop({ type: 'string', nullable: true })), v30(prop({ type: 'string' }))),
      pair('anyOf null wrapper', prop({ anyOf: [{ type: 'string' }, { type: 'null' }] }), prop({ type: 'string' })),
    ],
  ),
  nullableRule('request-became-nullable', 'request', 'info', true, 'A request value now also accepts `null`.', [
    pair('3.0 nullable added', v30(prop({ type: 'string' })), v30(prop({ type: 'string', nullable: true }))),
  ]),
  nullableRule(
    'response-became-nullable',
    'response',
    'breaking',
    true,
    'A response value can now be `null`: clients that dereference it fail.',
    [
      pair('3.1 type list', out({ type: 'string' }), out({ type: ['string', 'null'] })),
      pair('3.0 nullable', v30(out({ type: 'string' })), v30(out({ type: 'string', nullable: true }))),
      pair(
        'the same nullability written the 3.0 and the 3.1 way is no change',
        v30(out({ type: 'string', nullable: true })),
        out({ type: ['string', 'null'] }),
        false,
      ),
    ],
  ),
  nullableRule(
    'response-became-not-nullable',
    'response',
    'info',
    false,
    'A response value is never `null` any more.',
    [pair('null dropped', out({ type: ['string', 'null'] }), out({ type: 'string' }))],
  ),
];
