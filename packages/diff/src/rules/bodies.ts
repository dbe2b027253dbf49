/** Rules on request bodies, media types, response statuses and response headers. */
import { document, operation, pair, requestBody, responseBody, responseHeader } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';

const noBody = operation('post', '/things', {});
const body = (required: boolean) =>
  operation('post', '/things', {
    requestBody: { required, content: { 'application/json': { schema: { type: 'object' } } } },
  });
const essence = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();

/** Whether `general` accepts everything `specific` names (`application/*` covers `application/json`). */
function covers(general: string, specific: string): boolean {
  const [a = '', b = ''] = essence(general).split('/');
  const [c = '', d = ''] = essence(specific).split('/');
  return (a === '*' || a === c) && (b === '*' || b === d);
}

function renamedTo(removed: string, candidates: string[], existing: string[]): string | undefined {
  return candidates.find(
    (candidate) => !existing.includes(candidate) && (covers(candidate, removed) || covers(removed, candidate)),
  );
}

const media = (mediaType: string, schema: unknown = { type: 'object' }) => responseBody(schema, { mediaType });
const requestMedia = (mediaType: string, schema: unknown = { type: 'object' }) => requestBody(schema, { mediaType });
// biome-ignore lint/suspicious/noExplicitAny: a fixture is walked by key to delete one entry
const withoutSchema = (fixture: Record<string, any>, path: string[]) => {
  const copy = structuredClone(fixture);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  delete node[path.at(-1)!];
  return copy;
};
const requestWithoutSchema = withoutSchema(requestMedia('application/json'), [
  'paths',
  '/things',
  'post',
  'requestBody',
  'content',
  'application/json',
  'schema',
]);
const responseWithoutSchema = withoutSchema(media('application/json'), [
  'paths',
  '/things',
  'get',
  'responses',
  '200',
  'content',
  'application/json',
  'schema',
]);

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);
const statuses = (...codes: string[]) =>
  document({
    '/things': { get: { responses: Object.fromEntries(codes.map((code) => [code, { description: code }])) } },
  });

export const requestBodyRules: Rule<'request-body'>[] = [
  rule({
    id: 'request-body-added-required',
    level: 'breaking',
    location: 'request-body',
    direction: 'request',
    description: 'A required request body was added: requests without a body are rejected.',
    cases: [pair('required body added', noBody, body(true))],
    check({ base, head }, emit) {
      if (!base && head?.required) emit({ message: 'required request body added' });
    },
  }),
  rule({
    id: 'request-body-added',
    level: 'info',
    location: 'request-body',
    direction: 'request',
    description: 'An optional request body was added.',
    cases: [pair('optional body added', noBody, body(false))],
    check({ base, head }, emit) {
      if (!base && head && !head.required) emit({ message: 'optional request body added' });
    },
  }),
  rule({
    id: 'request-body-removed',
    level: 'breaking',
    location: 'request-body',
    direction: 'request',
    description:
      'The request body was removed: what clients send is no longer part of the operation (servers may reject or ignore it).',
    cases: [pair('body removed', body(false), noBody)],
    check({ base, head }, emit) {
      if (base && !head) emit({ message: 'request body removed', atBase: true });
    },
  }),
  rule({
    id: 'request-body-became-required',
    level: 'breaking',
    location: 'request-body',
    direction: 'request',
    description: 'The request body became required: requests without one are rejected.',
    cases: [pair('optional → required', body(false), body(true))],
    check({ base, head }, emit) {
      if (base && head && !base.required && head.required) emit({ message: 'request body became required' });
    },
  }),
  rule({
    id: 'request-body-became-optional',
    level: 'info',
    location: 'request-body',
    direction: 'request',
    description: 'The request body became optional.',
    cases: [pair('required → optional', body(true), body(false))],
    check({ base, head }, emit) {
      if (base && head && base.required && !head.required) emit({ message: 'request body became optional' });
    },
  }),
];

export const mediaTypeRules: Rule<'media-type'>[] = [
  rule({
    id: 'request-media-type-removed',
    level: 'breaking',
    location: 'media-type',
    direction: 'request',
    description:
      'A request media type was removed (or narrowed, `application/*` → `application/json`): requests sent as it are rejected (415).',
    cases: [pair('media type removed', requestMedia('application/xml'), requestMedia('application/json'))],
    check({ base, head, mediaType, headTypes, baseTypes }, emit) {
      if (!base || head) return;
      const renamed = renamedTo(mediaType, headTypes, baseTypes);
      if (renamed && covers(renamed, mediaType)) return;
      emit({
        message: `request media type ${mediaType} removed${renamed ? ` (now only ${renamed})` : ''}`,
        detail: mediaType,
        atBase: true,
      });
    },
  }),
  rule({
    id: 'request-media-type-added',
    level: 'info',
    location: 'media-type',
    direction: 'request',
    description: 'The request accepts one more media type.',
    cases: [
      pair('media type added', requestMedia('application/json'), {
        ...requestMedia('application/json'),
        paths: {
          '/things': {
            post: {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: { type: 'object' } },
                  'application/xml': { schema: { type: 'object' } },
                },
              },
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      }),
    ],
    check({ base, head, mediaType }, emit) {
      if (!base && head) emit({ message: `request media type ${mediaType} added`, detail: mediaType });
    },
  }),
  rule({
    id: 'request-media-type-schema-added',
    level: 'breaking',
    location: 'media-type',
    direction: 'request',
    description:
      'A request media type that had no schema (anything goes) got one: requests that do not fit it are rejected.',
    cases: [pair('schema added', requestWithoutSchema, requestMedia('application/json'))],
    check({ base, head, mediaType }, emit) {
      if (base && head && !base.schema && head.schema)
        emit({ message: `request ${mediaType} now has a schema`, detail: mediaType });
    },
  }),
  rule({
    id: 'request-media-type-schema-removed',
    level: 'info',
    location: 'media-type',
    direction: 'request',
    description: 'A request media type lost its schema: anything is accepted.',
    cases: [pair('schema removed', requestMedia('application/json'), requestWithoutSchema)],
    check({ base, head, mediaType }, emit) {
      if (base && head && base.schema && !head.schema)
        emit({ message: `request ${mediaType} no longer has a schema`, detail: mediaType });
    },
  }),
  rule({
    id: 'response-media-type-removed',
    level: 'breaking',
    location: 'media-type',
    direction: 'response',
    description: 'A response media type was removed: clients that ask for it or parse it get something else.',
    cases: [pair('media type removed', media('application/xml'), media('application/json'))],
    check({ base, head, mediaType, headTypes, baseTypes }, emit) {
      if (!base || head || renamedTo(mediaType, headTypes, baseTypes)) return;
      emit({ message: `response media type ${mediaType} removed`, detail: mediaType, atBase: true });
    },
  }),
  rule({
    id: 'response-media-type-generalized',
    level: 'breaking',
    location: 'media-type',
    direction: 'response',
    description:
      'A response media type became a wildcard (`application/json` → `application/*`): clients can receive a format they do not parse.',
    cases: [pair('json → application/*', media('application/json'), media('application/*'))],
    check({ base, head, mediaType, headTypes, baseTypes }, emit) {
      if (!base || head) return;
      const renamed = renamedTo(mediaType, headTypes, baseTypes);
      if (renamed && essence(renamed) !== essence(mediaType) && covers(renamed, mediaType))
        emit({ message: `response media type ${mediaType} became ${renamed}`, detail: mediaType, atBase: true });
    },
  }),
  rule({
    id: 'response-media-type-renamed',
    level: 'info',
    location: 'media-type',
    direction: 'response',
    description:
      'A response media type changed its parameters (`; charset=utf-8`) or became more specific (`application/*` → `application/json`).',
    cases: [pair('charset added', media('application/json'), media('application/json; charset=utf-8'))],
    check({ base, head, mediaType, headTypes, baseTypes }, emit) {
      if (!base || head) return;
      const renamed = renamedTo(mediaType, headTypes, baseTypes);
      if (renamed && (essence(renamed) === essence(mediaType) || !covers(renamed, mediaType)))
        emit({ message: `response media type ${mediaType} became ${renamed}`, detail: mediaType, atBase: true });
    },
  }),
  rule({
    id: 'response-media-type-added',
    level: 'info',
    location: 'media-type',
    direction: 'response',
    description: 'A response can come in one more media type (clients that send `Accept` get what they ask for).',
    cases: [
      pair('media type added', responseHeader(undefined), {
        ...responseHeader(undefined),
        paths: {
          '/things': {
            get: {
              responses: {
                '200': {
                  description: 'OK',
                  content: {
                    'application/json': { schema: { type: 'object' } },
                    'text/csv': { schema: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      }),
    ],
    check({ base, head, mediaType }, emit) {
      if (!base && head) emit({ message: `response media type ${mediaType} added`, detail: mediaType });
    },
  }),
  rule({
    id: 'response-media-type-schema-added',
    level: 'info',
    location: 'media-type',
    direction: 'response',
    description: 'A response media type that had no schema got one.',
    cases: [pair('schema added', responseWithoutSchema, media('application/json'))],
    check({ base, head, mediaType }, emit) {
      if (base && head && !base.schema && head.schema)
        emit({ message: `response ${mediaType} now has a schema`, detail: mediaType });
    },
  }),
  rule({
    id: 'response-media-type-schema-removed',
    level: 'warning',
    location: 'media-type',
    direction: 'response',
    description: 'A response media type lost its schema: it can hold anything now.',
    cases: [pair('schema removed', media('application/json'), responseWithoutSchema)],
    check({ base, head, mediaType }, emit) {
      if (base && head && base.schema && !head.schema)
        emit({ message: `response ${mediaType} no longer has a schema`, detail: mediaType });
    },
  }),
];

export const responseRules: Rule<'response'>[] = [
  rule({
    id: 'response-success-status-removed',
    level: 'breaking',
    location: 'response',
    direction: 'response',
    description: 'A success status was removed: clients that expect it on success get another status.',
    cases: [pair('201 removed', statuses('200', '201'), statuses('200'))],
    check({ base, head, status }, emit) {
      if (base && !head && isSuccess(status)) emit({ message: `success response ${status} removed`, atBase: true });
    },
  }),
  rule({
    id: 'response-non-success-status-removed',
    level: 'info',
    location: 'response',
    direction: 'response',
    description:
      'An error (or redirect, or default) response was removed from the spec: the server may still send it; code that handles it is now dead.',
    cases: [pair('404 removed', statuses('200', '404'), statuses('200'))],
    check({ base, head, status }, emit) {
      if (base && !head && !isSuccess(status)) emit({ message: `response ${status} removed`, atBase: true });
    },
  }),
  rule({
    id: 'response-status-added',
    level: 'info',
    location: 'response',
    direction: 'response',
    description: 'A response status was added to the spec.',
    cases: [pair('409 added', statuses('200'), statuses('200', '409'))],
    check({ base, head, status }, emit) {
      if (!base && head) emit({ message: `response ${status} added` });
    },
  }),
];

export const responseHeaderRules: Rule<'response-header'>[] = [
  rule({
    id: 'response-required-header-removed',
    level: 'breaking',
    location: 'response-header',
    direction: 'response',
    description: 'A required response header was removed: clients that read it get nothing.',
    cases: [
      pair(
        'required header removed',
        responseHeader({ required: true, schema: { type: 'integer' } }),
        responseHeader(undefined),
      ),
    ],
    check({ base, head, name }, emit) {
      if (base?.required && !head) emit({ message: `required response header ${name} removed`, atBase: true });
    },
  }),
  rule({
    id: 'response-optional-header-removed',
    level: 'warning',
    location: 'response-header',
    direction: 'response',
    description:
      'An optional response header was removed: clients already cope with its absence, but lose what it carried.',
    cases: [
      pair('optional header removed', responseHeader({ schema: { type: 'integer' } }), responseHeader(undefined)),
    ],
    check({ base, head, name }, emit) {
      if (base && !base.required && !head) emit({ message: `optional response header ${name} removed`, atBase: true });
    },
  }),
  rule({
    id: 'response-header-became-optional',
    level: 'breaking',
    location: 'response-header',
    direction: 'response',
    description: 'A required response header became optional: clients that rely on it can get nothing.',
    cases: [
      pair(
        'required → optional',
        responseHeader({ required: true, schema: { type: 'integer' } }),
        responseHeader({ schema: { type: 'integer' } }),
      ),
    ],
    check({ base, head, name }, emit) {
      if (base?.required && head && !head.required) emit({ message: `response header ${name} became optional` });
    },
  }),
  rule({
    id: 'response-header-added',
    level: 'info',
    location: 'response-header',
    direction: 'response',
    description: 'A response header was added.',
    cases: [pair('header added', responseHeader(undefined), responseHeader({ schema: { type: 'integer' } }))],
    check({ base, head, name }, emit) {
      if (!base && head) emit({ message: `response header ${name} added` });
    },
  }),
];
