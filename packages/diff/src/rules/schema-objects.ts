/** Rules on object shapes: properties added, removed, made required or optional, read-only or write-only; objects closed. */
import type { SchemaPair } from '../walk/pairs.ts';
import { isClosed, propertiesOf, requiredOf } from '../walk/properties.ts';
import { document, pair, property, requestBody, responseBody } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';
import { locationOf } from './wording.ts';

interface PropertyEvent {
  name: string;
  /** In the base / head as this direction sees it (present and not hidden). */
  before: 'absent' | 'hidden' | 'optional' | 'required';
  after: 'absent' | 'hidden' | 'optional' | 'required';
}

function propertyEvents(schemaPair: SchemaPair): PropertyEvent[] {
  const { direction, operation } = schemaPair.context;
  const base = propertiesOf(operation.document.base, schemaPair.base, direction);
  const head = propertiesOf(operation.document.head, schemaPair.head, direction);
  const baseRequired = requiredOf(operation.document.base, schemaPair.base);
  const headRequired = requiredOf(operation.document.head, schemaPair.head);
  const names = new Set([...base.keys(), ...head.keys(), ...baseRequired, ...headRequired]);
  const state = (views: typeof base, required: Set<string>, name: string): PropertyEvent['before'] => {
    const view = views.get(name);
    if (view?.hidden) return 'hidden';
    if (view) return view.required ? 'required' : 'optional';
    // A name only in `required` still names a property (of any schema) that must be present.
    return required.has(name) ? 'required' : 'absent';
  };
  const events: PropertyEvent[] = [];
  for (const name of names) {
    const before = state(base, baseRequired, name);
    const after = state(head, headRequired, name);
    if (before !== after) events.push({ name, before, after });
  }
  return events;
}

type Matcher = (event: PropertyEvent, pair: SchemaPair) => boolean;

function propertyRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  matches: Matcher,
  message: (name: string) => string,
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
      // An allOf member's properties are compared as part of the object that includes it.
      if (schemaPair.member) return;
      for (const event of propertyEvents(schemaPair)) {
        if (!matches(event, schemaPair)) continue;
        const removed = event.after === 'absent' || event.after === 'hidden';
        emit({
          message: message(event.name),
          location: locationOf(schemaPair, `.${event.name}`),
          ...(removed ? { atBase: true } : {}),
          pointer: `/properties/${event.name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        });
      }
    },
  });
}

const present = (state: PropertyEvent['before']) => state === 'optional' || state === 'required';
const gone = (state: PropertyEvent['before']) => state === 'absent';

const closed = (schema: unknown) => ({
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string' }, ...((schema as object) ?? {}) },
});
const open = (schema: unknown) => ({
  type: 'object',
  properties: { name: { type: 'string' }, ...((schema as object) ?? {}) },
});
/** A webhook `orderCreated` whose request body (sent by the API) has `schema`. */
const webhook = (schema: unknown) => ({
  ...document({}),
  webhooks: {
    orderCreated: {
      post: {
        requestBody: { content: { 'application/json': { schema } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});
const withRequired = (schema: Record<string, unknown>, required: string[]) => ({ ...schema, required });

export const objectRules: Rule<'schema'>[] = [
  propertyRule(
    'request-closed-property-removed',
    'request',
    'breaking',
    (event, schemaPair) => present(event.before) && gone(event.after) && isClosed(schemaPair.head),
    (name) =>
      `property \`${name}\` removed from a request that rejects unknown properties: requests that still send it get a 400`,
    'A property was removed from a request object that does not allow other properties (`additionalProperties: false`): clients that still send it are rejected.',
    [pair('removed from a closed object', requestBody(closed({ size: { type: 'integer' } })), requestBody(closed({})))],
    {
      level: 'warning',
      ids: ['request-property-removed'],
      why: 'oasdiff warns on every removed request property; when the object is closed the server rejects the property outright (express-openapi-validator and Prism answer 400), so it is certain to break clients that send it.',
    },
  ),
  propertyRule(
    'request-property-removed',
    'request',
    'warning',
    (event, schemaPair) => present(event.before) && gone(event.after) && !isClosed(schemaPair.head),
    (name) => `property \`${name}\` removed from the request: the server ignores it if sent, or may reject it`,
    'A property was removed from an open request object: servers usually ignore it, but clients that still send it rely on behaviour that is gone.',
    [pair('removed from an open object', requestBody(open({ size: { type: 'integer' } })), requestBody(open({})))],
  ),
  propertyRule(
    'request-required-property-added',
    'request',
    'breaking',
    (event) => event.after === 'required' && event.before !== 'optional',
    (name) => `required property \`${name}\` added to the request: requests without it are rejected`,
    'A request object gained a required property (new, or no longer read-only): requests without it are rejected, even when it has a default.',
    [
      pair(
        'new required property',
        requestBody(open({})),
        requestBody(withRequired(open({ size: { type: 'integer' } }), ['size'])),
      ),
      pair(
        'required with a default is still required',
        requestBody(open({})),
        requestBody(withRequired(open({ size: { type: 'integer', default: 1 } }), ['size'])),
      ),
    ],
    {
      level: 'info',
      ids: ['request-required-property-became-not-read-only'],
      why: 'A required property that stops being read-only must now be sent, so requests that omit it fail; oasdiff reports that particular path as info.',
    },
  ),
  propertyRule(
    'request-property-added',
    'request',
    'info',
    (event) => event.after === 'optional' && event.before !== 'required',
    (name) => `optional property \`${name}\` added to the request`,
    'A request object gained an optional property.',
    [pair('new optional property', requestBody(open({})), requestBody(open({ size: { type: 'integer' } })))],
  ),
  propertyRule(
    'request-property-became-required',
    'request',
    'breaking',
    (event) => event.before === 'optional' && event.after === 'required',
    (name) => `request property \`${name}\` became required`,
    'An optional request property became required: requests without it are rejected.',
    [
      pair(
        'optional → required',
        requestBody(property({ type: 'string' }, { required: false })),
        requestBody(property({ type: 'string' })),
      ),
    ],
  ),
  propertyRule(
    'request-property-became-optional',
    'request',
    'info',
    (event) => event.before === 'required' && event.after === 'optional',
    (name) => `request property \`${name}\` became optional`,
    'A required request property became optional.',
    [
      pair(
        'required → optional',
        requestBody(property({ type: 'string' })),
        requestBody(property({ type: 'string' }, { required: false })),
      ),
    ],
  ),
  propertyRule(
    'request-property-became-read-only',
    'request',
    'warning',
    (event) => present(event.before) && event.after === 'hidden',
    (name) => `request property \`${name}\` became read-only: a validating server rejects it in requests`,
    'A request property became `readOnly`: clients must stop sending it; validating servers (express-openapi-validator) reject it.',
    [
      pair(
        'became readOnly',
        requestBody(property({ type: 'string' })),
        requestBody(property({ type: 'string', readOnly: true })),
      ),
    ],
  ),
  propertyRule(
    'response-required-property-removed',
    'response',
    'breaking',
    (event) => event.before === 'required' && (gone(event.after) || event.after === 'hidden'),
    (name) => `required property \`${name}\` removed from the response: clients that read it get nothing`,
    'A property every response had was removed (or became write-only): clients that read it get undefined.',
    [
      pair(
        'required property removed',
        responseBody(withRequired(open({ size: { type: 'integer' } }), ['name', 'size'])),
        responseBody(withRequired(open({}), ['name'])),
      ),
      pair(
        "a webhook's payload is written by the API: removing a required field breaks subscribers",
        webhook(withRequired(open({ size: { type: 'integer' } }), ['name', 'size'])),
        webhook(withRequired(open({}), ['name'])),
      ),
      pair(
        'properties moved into an allOf member are still there',
        responseBody(withRequired(open({ size: { type: 'integer' } }), ['name', 'size'])),
        responseBody(
          { allOf: [{ $ref: '#/components/schemas/Sized' }] },
          { components: { schemas: { Sized: withRequired(open({ size: { type: 'integer' } }), ['name', 'size']) } } },
        ),
        false,
      ),
    ],
    {
      level: 'info',
      ids: [
        'response-required-property-became-write-only',
        'response-body-all-of-removed',
        'response-property-all-of-removed',
      ],
      why: 'A required property that stops being sent is a removal for a reader, however it happens: it became write-only, or the allOf member that required it was removed (the properties of allOf members are compared as part of the object). oasdiff reports those paths as info.',
    },
  ),
  propertyRule(
    'response-optional-property-removed',
    'response',
    'warning',
    (event) => event.before === 'optional' && (gone(event.after) || event.after === 'hidden'),
    (name) => `optional property \`${name}\` removed from the response`,
    'An optional response property was removed: clients already handle its absence, but lose the data when it was sent.',
    [pair('optional property removed', responseBody(open({ size: { type: 'integer' } })), responseBody(open({})))],
  ),
  propertyRule(
    'response-property-added',
    'response',
    'info',
    (event) => present(event.after) && !present(event.before),
    (name) => `property \`${name}\` added to the response`,
    'A response object gained a property: clients ignore properties they do not know.',
    [pair('property added', responseBody(open({})), responseBody(open({ size: { type: 'integer' } })))],
  ),
  propertyRule(
    'response-property-became-optional',
    'response',
    'breaking',
    (event) => event.before === 'required' && event.after === 'optional',
    (name) => `response property \`${name}\` became optional: clients that rely on it can get nothing`,
    'A property every response had may now be absent.',
    [
      pair(
        'required → optional',
        responseBody(property({ type: 'string' })),
        responseBody(property({ type: 'string' }, { required: false })),
      ),
    ],
  ),
  propertyRule(
    'response-property-became-required',
    'response',
    'info',
    (event) => event.before === 'optional' && event.after === 'required',
    (name) => `response property \`${name}\` became required`,
    'An optional response property is now always sent.',
    [
      pair(
        'optional → required',
        responseBody(property({ type: 'string' }, { required: false })),
        responseBody(property({ type: 'string' })),
      ),
    ],
  ),
  extraRule(
    'request-closed',
    'request',
    'breaking',
    (from, to) => from === 'open' && to !== 'open',
    'A request object stopped allowing any unlisted property (`additionalProperties: false`, or a schema they must fit, added): requests with other extra properties are rejected.',
    [
      pair('additionalProperties: false added', requestBody(open({})), requestBody(closed({}))),
      pair(
        'additionalProperties schema added',
        requestBody(open({})),
        requestBody({ ...open({}), additionalProperties: { type: 'string' } }),
      ),
    ],
  ),
  extraRule(
    'request-opened',
    'request',
    'info',
    (from, to) => from !== 'open' && to === 'open',
    'A request object now accepts unlisted properties it rejected.',
    [pair('additionalProperties: false dropped', requestBody(closed({})), requestBody(open({})))],
  ),
  extraRule(
    'response-additional-properties-widened',
    'response',
    'breaking',
    (from, to) => from === 'schema' && to === 'open',
    'The values of a response map (`additionalProperties: {schema}`) are no longer constrained: clients that read every value as that schema can receive anything.',
    [
      pair(
        'map values no longer strings',
        responseBody({ type: 'object', additionalProperties: { type: 'string' } }),
        responseBody({ type: 'object' }),
      ),
    ],
  ),
  extraRule(
    'response-opened',
    'response',
    'info',
    (from, to) => from === 'closed' && to !== 'closed',
    'A response object may now hold properties it does not list: clients ignore properties they do not know.',
    [pair('additionalProperties: false dropped', responseBody(closed({})), responseBody(open({})))],
  ),
];

type Extra = 'open' | 'closed' | 'schema';

/** What `additionalProperties` allows beyond the listed properties (`unevaluatedProperties` has its own rules). */
function extraOf(schemaPair: SchemaPair, side: 'base' | 'head'): Extra {
  const value = schemaPair[side].keywords.additionalProperties;
  if (value === false) return 'closed';
  if (
    value !== undefined &&
    value !== true &&
    !(typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  )
    return 'schema';
  return 'open';
}

function extraRule(
  id: string,
  direction: 'request' | 'response',
  level: Rule['level'],
  matches: (from: Extra, to: Extra) => boolean,
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
      const from = extraOf(schemaPair, 'base');
      const to = extraOf(schemaPair, 'head');
      if (from === to || !matches(from, to)) return;
      const what = {
        open: 'any other property',
        closed: 'no other property',
        schema: 'other properties that fit a schema',
      };
      emit({
        message: `${schemaPair.path === 'body' ? 'the body' : `\`${schemaPair.path}\``} now allows ${what[to]} (was ${what[from]})`,
        pointer: '/additionalProperties',
      });
    },
  });
}
