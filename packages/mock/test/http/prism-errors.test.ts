/** Prism's own answers, re-told as each vendor would: table-driven over the four vendors. */
import { describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import {
  isPrismOwnError,
  prismFailure,
  violationToFinding,
  type FailedRequest,
  type PrismViolation,
  type UpstreamReply,
} from '../../src/http/prism-errors.ts';
import { vendorErrors } from '../../src/vendor/vendor-errors.ts';
import { envelopeIssues, errorMessage } from '@envspec/testkit';
import { vendorCore } from '@envspec/vendors';

const violations = (status: number, items: PrismViolation[]): UpstreamReply => ({
  status,
  headers: { 'sl-violations': JSON.stringify(items), 'content-type': 'application/json' },
  body: Buffer.from('{"spec":"example"}'),
});
const problem = (status: number, type: string, detail: string): UpstreamReply => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: Buffer.from(JSON.stringify({ type: `https://stoplight.io/prism/errors#${type}`, title: type, status, detail })),
});
const request: FailedRequest = {
  method: 'PUT',
  path: '/x',
  contentType: 'application/json',
  allowedMethods: ['GET', 'PUT'],
  preferred: false,
};

const security: PrismViolation = {
  location: ['request'],
  severity: 'Error',
  code: 401,
  message: 'Invalid security scheme used',
};
const missingIfMatch: PrismViolation = {
  location: ['request', 'header'],
  severity: 'Error',
  code: 'required',
  message: "Request header must have required property 'if-match'",
};
const wrongType: PrismViolation = {
  location: ['request', 'body', 'name'],
  severity: 'Error',
  code: 'type',
  message: 'Request body property name must be string',
};

const cases: Array<
  [string, { reply: UpstreamReply; request?: Partial<FailedRequest>; want: Record<Vendor, number>; says: RegExp }]
> = [
  [
    'a body violation',
    {
      reply: violations(400, [wrongType]),
      want: { qoder: 400, fabro: 422, datadog: 400, launchdarkly: 400 },
      says: /body\/name must be string/,
    },
  ],
  [
    'a 422 problem (Prism for an undecodable Prefer)',
    {
      reply: problem(422, 'UNPROCESSABLE_ENTITY', 'cannot decode "abc"'),
      request: { preferred: true },
      want: { qoder: 400, fabro: 400, datadog: 400, launchdarkly: 400 },
      says: /cannot decode/,
    },
  ],
  [
    'a missing If-Match beside a body finding (Fabro: the body wins)',
    {
      reply: violations(400, [wrongType, missingIfMatch]),
      want: { qoder: 400, fabro: 422, datadog: 400, launchdarkly: 400 },
      says: /body\/name must be string/,
    },
  ],
  [
    'a missing If-Match alone',
    {
      reply: violations(400, [missingIfMatch]),
      want: { qoder: 400, fabro: 428, datadog: 400, launchdarkly: 400 },
      says: /if-match/i,
    },
  ],
  [
    'a security violation',
    {
      reply: violations(401, [security]),
      want: { qoder: 401, fabro: 401, datadog: 403, launchdarkly: 401 },
      says: /Invalid security scheme used/,
    },
  ],
  [
    "Prism's own 401 where the spec has none",
    {
      reply: problem(401, 'UNAUTHORIZED', 'no HTTP unauthorized response was found in the spec'),
      want: { qoder: 401, fabro: 401, datadog: 403, launchdarkly: 401 },
      says: /credentials/,
    },
  ],
  [
    'an unknown route',
    {
      reply: problem(404, 'NO_PATH_MATCHED_ERROR', "The route /x hasn't been found"),
      want: { qoder: 404, fabro: 404, datadog: 404, launchdarkly: 404 },
      says: /no route PUT \/x/,
    },
  ],
  [
    'an unknown method',
    {
      reply: problem(405, 'NO_METHOD_MATCHED_ERROR', 'no "delete" method'),
      request: { method: 'DELETE' },
      want: { qoder: 405, fabro: 405, datadog: 405, launchdarkly: 405 },
      says: /allowed methods: GET, PUT/,
    },
  ],
  [
    'an unsupported media type',
    {
      reply: violations(415, [
        { location: ['request'], code: 415, message: 'Supported content types: application/json' },
      ]),
      request: { contentType: 'text/plain' },
      want: { qoder: 415, fabro: 415, datadog: 415, launchdarkly: 415 },
      says: /Supported content types/,
    },
  ],
  [
    'a Prefer example Prism cannot find',
    {
      reply: problem(404, 'NOT_FOUND', 'exampleKey: nope does not exist'),
      request: { preferred: true },
      want: { qoder: 400, fabro: 400, datadog: 400, launchdarkly: 400 },
      says: /nope does not exist/,
    },
  ],
  [
    "Prism's invalid-JSON reply",
    {
      reply: {
        status: 400,
        headers: {},
        body: Buffer.from('{"error":{"code":"invalid_json","message":"Invalid JSON"}}'),
      },
      want: { qoder: 400, fabro: 400, datadog: 400, launchdarkly: 400 },
      says: /not valid JSON/,
    },
  ],
];

describe.each(vendors)('%s', (vendor) => {
  it.each(cases)(
    're-tells %s in the vendor status and envelope',
    (_name, { reply, request: overrides, want, says }) => {
      const errors = vendorErrors(vendor);
      const failure = prismFailure(reply, { ...request, ...overrides }, errors)!;
      expect(failure.status).toBe(want[vendor]);
      const body = errors.render(failure, vendorCore(vendor).requestId(undefined));
      expect(envelopeIssues(vendor, body)).toBe('');
      expect(errorMessage(body)).toMatch(says);
    },
  );

  it("passes the spec's own answers through", () => {
    expect(
      prismFailure(
        { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') },
        request,
        vendorErrors(vendor),
      ),
    ).toBeUndefined();
  });
});

describe('isPrismOwnError', () => {
  it.each<[string, UpstreamReply, boolean]>([
    ['a success', { status: 200, headers: { 'sl-violations': '[]' }, body: Buffer.from('') }, false],
    ['a problem document', problem(404, 'NOT_FOUND', ''), true],
    [
      'a documented error example',
      {
        status: 409,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"code":"optimistic_locking_error"}'),
      },
      false,
    ],
    ['a violation answer', violations(400, [wrongType]), true],
  ])('%s → %s', (_name, reply, want) => expect(isPrismOwnError(reply)).toBe(want));
});

describe('violationToFinding', () => {
  it.each<[string, PrismViolation, { path: string; message: string; errorCode: string }]>([
    [
      'a body property',
      wrongType,
      { path: '/body/name', message: 'must be string', errorCode: 'type.openapi.validation' },
    ],
    [
      'a missing header',
      missingIfMatch,
      {
        path: '/headers/if-match',
        message: "must have required property 'if-match'",
        errorCode: 'required.openapi.validation',
      },
    ],
    [
      'a path parameter',
      {
        location: ['request', 'path', 'environment_id'],
        code: 'format',
        message: 'Request path parameter environment_id must match format "uuid"',
      },
      { path: '/params/environment_id', message: 'must match format "uuid"', errorCode: 'format.openapi.validation' },
    ],
    [
      'a missing body property',
      { location: ['request', 'body'], code: 'required', message: "Request body must have required property 'image'" },
      { path: '/body/image', message: "must have required property 'image'", errorCode: 'required.openapi.validation' },
    ],
  ])('%s', (_name, violation, want) => expect(violationToFinding(violation)).toEqual(want));
});
