/** Rules on `pattern`. A pattern that matches everything (`""`, `.*`) is no pattern. */
import { pair, property, query, requestBody, responseBody } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { show, subject } from './wording.ts';

function patternRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  events: Array<'added' | 'changed' | 'removed'>,
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
      const from = schemaPair.base.keywords.pattern;
      const to = schemaPair.head.keywords.pattern;
      if (from === to) return;
      const event = from === undefined ? 'added' : to === undefined ? 'removed' : 'changed';
      if (!events.includes(event)) return;
      const what =
        event === 'added'
          ? `set to ${show(to)}`
          : event === 'removed'
            ? `${show(from)} removed`
            : `changed from ${show(from)} to ${show(to)}`;
      emit({
        message: `pattern of ${subject(schemaPair)} ${what}`,
        detail: `${show(from)} → ${show(to)}`,
        ...(to === undefined ? { atBase: true } : { pointer: '/pattern' }),
      });
    },
  });
}

const prop = (schema: unknown) => requestBody(property(schema));
const out = (schema: unknown) => responseBody(property(schema));

export const patternRules: Rule<'schema'>[] = [
  patternRule(
    'request-pattern-added',
    'request',
    'breaking',
    ['added'],
    'A request value must now match a pattern: requests that do not are rejected.',
    [
      pair('pattern added', prop({ type: 'string' }), prop({ type: 'string', pattern: '^[a-z]+$' })),
      pair(
        'pattern added to a query parameter',
        query({ type: 'string' }),
        query({ type: 'string', pattern: '^[0-9]+$' }),
      ),
      pair(
        'an empty pattern matches everything: no change',
        prop({ type: 'string' }),
        prop({ type: 'string', pattern: '' }),
        false,
      ),
    ],
  ),
  patternRule(
    'request-pattern-changed',
    'request',
    'warning',
    ['changed'],
    "A request value's pattern changed: whether old requests still match depends on the two patterns (a reviewer has to look).",
    [
      pair(
        'pattern changed',
        prop({ type: 'string', pattern: '^[a-z]+$' }),
        prop({ type: 'string', pattern: '^[a-z0-9]+$' }),
      ),
    ],
  ),
  patternRule(
    'request-pattern-removed',
    'request',
    'info',
    ['removed'],
    "A request value's pattern was dropped (or became one that matches everything).",
    [
      pair('pattern removed', prop({ type: 'string', pattern: '^[a-z]+$' }), prop({ type: 'string' })),
      pair(
        'pattern generalized to .*',
        prop({ type: 'string', pattern: '^[a-z]+$' }),
        prop({ type: 'string', pattern: '.*' }),
      ),
    ],
  ),
  patternRule(
    'response-pattern-changed',
    'response',
    'info',
    ['added', 'changed', 'removed'],
    "A response value's pattern changed: clients seldom validate responses against patterns.",
    [pair('pattern removed', out({ type: 'string', pattern: '^[a-z]+$' }), out({ type: 'string' }))],
  ),
];
