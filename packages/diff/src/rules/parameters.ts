/** Rules on parameters: added, removed, made required or optional, serialized differently, deprecated. */
import { document, pair, parameters, query } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';

const header = (extra: Record<string, unknown> = {}) =>
  parameters([{ name: 'X-Trace', in: 'header', schema: { type: 'string' }, ...extra }]);
const none = parameters([]);

export const parameterRules: Rule<'parameter'>[] = [
  rule({
    id: 'request-query-parameter-removed',
    level: 'breaking',
    location: 'parameter',
    direction: 'request',
    description:
      'A query parameter was removed: a validating server rejects requests that still send it (unknown query parameter).',
    oasdiff: {
      level: 'warning',
      ids: ['request-parameter-removed'],
      why: 'express-openapi-validator (which the reference server runs) and other validating servers answer 400 to an unknown query parameter by default, so clients that still send it fail, not merely risk failing.',
    },
    cases: [pair('query parameter removed', query({ type: 'string' }), none)],
    check({ base, head }, emit) {
      if (base && !head && base.in === 'query' && base.value.deprecated !== true)
        emit({
          message: `query parameter \`${base.name}\` removed: requests that still send it are rejected by a validating server`,
          atBase: true,
        });
    },
  }),
  rule({
    id: 'request-parameter-removed',
    level: 'warning',
    location: 'parameter',
    direction: 'request',
    description:
      'A header, cookie or path parameter was removed: servers usually ignore what they do not expect, but clients that send it rely on behaviour that is gone.',
    cases: [pair('header parameter removed', header(), none)],
    check({ base, head }, emit) {
      if (base && !head && base.in !== 'query' && base.value.deprecated !== true)
        emit({ message: `${base.in} parameter \`${base.name}\` removed`, atBase: true });
    },
  }),
  rule({
    id: 'request-deprecated-parameter-removed',
    level: 'info',
    location: 'parameter',
    direction: 'request',
    description: 'A parameter that was deprecated was removed, as announced.',
    cases: [pair('deprecated query parameter removed', query({ type: 'string' }, { deprecated: true }), none)],
    check({ base, head }, emit) {
      if (base && !head && base.value.deprecated === true)
        emit({ message: `deprecated ${base.in} parameter \`${base.name}\` removed`, atBase: true });
    },
  }),
  rule({
    id: 'request-required-parameter-added',
    level: 'breaking',
    location: 'parameter',
    direction: 'request',
    description: 'A required parameter was added: requests without it are rejected.',
    cases: [
      pair('required query parameter added', none, query({ type: 'string' }, { required: true })),
      pair('required header added', none, header({ required: true })),
    ],
    check({ base, head }, emit) {
      if (!base && head?.required) emit({ message: `required ${head.in} parameter \`${head.name}\` added` });
    },
  }),
  rule({
    id: 'request-parameter-added',
    level: 'info',
    location: 'parameter',
    direction: 'request',
    description: 'An optional parameter was added.',
    cases: [
      pair('optional query parameter added', none, query({ type: 'string' })),
      pair(
        'a path parameter the template does not name is not a new parameter',
        document({ '/things': { get: { responses: { '200': { description: 'OK' } } } } }),
        document({
          '/things': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { '200': { description: 'OK' } },
            },
          },
        }),
        false,
      ),
    ],
    check({ base, head }, emit) {
      if (!base && head && !head.required) emit({ message: `optional ${head.in} parameter \`${head.name}\` added` });
    },
  }),
  rule({
    id: 'request-parameter-became-required',
    level: 'breaking',
    location: 'parameter',
    direction: 'request',
    description: 'An optional parameter became required: requests without it are rejected.',
    cases: [pair('optional → required', query({ type: 'string' }), query({ type: 'string' }, { required: true }))],
    check({ base, head }, emit) {
      if (base && head && !base.required && head.required)
        emit({ message: `${head.in} parameter \`${head.name}\` became required` });
    },
  }),
  rule({
    id: 'request-parameter-became-optional',
    level: 'info',
    location: 'parameter',
    direction: 'request',
    description: 'A required parameter became optional.',
    cases: [pair('required → optional', query({ type: 'string' }, { required: true }), query({ type: 'string' }))],
    check({ base, head }, emit) {
      if (base && head && base.required && !head.required)
        emit({ message: `${head.in} parameter \`${head.name}\` became optional` });
    },
  }),
  rule({
    id: 'request-parameter-serialization-changed',
    level: 'breaking',
    location: 'parameter',
    direction: 'request',
    description:
      'How a parameter is serialized changed (`style`, `explode`, `allowReserved`, or `schema` ↔ `content`): clients keep writing it the old way, which the server reads differently.',
    cases: [
      pair(
        'explode turned off',
        query({ type: 'array', items: { type: 'string' } }),
        query({ type: 'array', items: { type: 'string' } }, { explode: false }),
      ),
    ],
    check({ base, head }, emit) {
      if (!base || !head) return;
      const defaults = (location: string) => ({
        style: location === 'query' || location === 'cookie' ? 'form' : 'simple',
        explode: location === 'query' || location === 'cookie',
      });
      for (const key of ['style', 'explode', 'allowReserved'] as const) {
        const from = base.value[key] ?? (key === 'allowReserved' ? false : defaults(base.in)[key]);
        const to = head.value[key] ?? (key === 'allowReserved' ? false : defaults(head.in)[key]);
        if (from !== to)
          emit({
            message: `${key} of ${head.in} parameter \`${head.name}\` changed from ${String(from)} to ${String(to)}`,
            detail: key,
          });
      }
      if ((base.value.content === undefined) !== (head.value.content === undefined))
        emit({
          message: `${head.in} parameter \`${head.name}\` switched between \`schema\` and \`content\``,
          detail: 'content',
        });
    },
  }),
  rule({
    id: 'request-parameter-deprecated-changed',
    level: 'info',
    location: 'parameter',
    direction: 'request',
    description: 'A parameter was deprecated, or no longer is.',
    cases: [
      pair('query parameter deprecated', query({ type: 'string' }), query({ type: 'string' }, { deprecated: true })),
    ],
    check({ base, head }, emit) {
      if (base && head && (base.value.deprecated === true) !== (head.value.deprecated === true)) {
        emit({
          message: `${head.in} parameter \`${head.name}\` ${head.value.deprecated === true ? 'deprecated' : 'no longer deprecated'}`,
        });
      }
    },
  }),
];
