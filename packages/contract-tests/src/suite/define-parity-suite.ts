/**
 * The mock's stateful engine and the reference server answer the same bad requests the same way,
 * and so do the MSW handlers in the browser's place: for each request below, each of those targets
 * gives the same status, the same headers that matter (`Allow`, `Retry-After`) and the same
 * envelope as the server, request id aside. Runs for each of them selected beside `server` (the
 * default `pnpm test` selects all). Every request here is one a browser's fetch can send too, so
 * none is left out for the in-process target (see the README).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Vendor } from '@envspec/specs';
import {
  bytesMarker,
  invalidUtf8Sequences,
  readPath,
  send,
  updateRequest,
  withBytes,
  withLastSegment,
  type RawRequest,
} from '@envspec/testkit';
import './provided.ts';
import { serveInProcess } from '../targets/in-process.ts';
import type { TargetKind } from '../targets/target.ts';
import { authHeaders, secretFor } from '../vendors/contract-credentials.ts';

function endpointOf(kind: TargetKind, vendor: Vendor) {
  return inject('endpoints').find((endpoint) => endpoint.kind === kind && endpoint.vendor === vendor);
}

/** The targets held to the reference server's answers. */
const comparedKinds = ['stateful', 'msw'] as const satisfies readonly TargetKind[];

const write = (vendor: Vendor) => authHeaders(vendor, secretFor(vendor, 'write')!);

/** The spec's own update request with some part changed. */
function update(
  vendor: Vendor,
  change: { headers?: Record<string, string | undefined>; body?: string | Buffer; path?: string; method?: string } = {},
): RawRequest {
  const spec = updateRequest(vendor);
  const headers = { ...spec.headers, ...write(vendor), 'content-type': spec.contentType, ...change.headers };
  return {
    method: change.method ?? spec.method,
    path: change.path ?? spec.path,
    headers: Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    body: change.body ?? JSON.stringify(spec.body),
  };
}

const validBody = (vendor: Vendor) => updateRequest(vendor).body as Record<string, unknown> | unknown[];

/** Bad requests every vendor refuses, by what is wrong with them. */
const requests: Array<[string, (vendor: Vendor) => RawRequest]> = [
  ['a path outside the spec', (vendor) => ({ path: '/api/nowhere', headers: write(vendor) })],
  ['a method the path does not have', (vendor) => update(vendor, { method: 'POST' })],
  ['DELETE', (vendor) => update(vendor, { method: 'DELETE' })],
  ['no credentials', (vendor) => ({ path: readPath(vendor) })],
  ['an unknown credential', (vendor) => ({ path: readPath(vendor), headers: authHeaders(vendor, 'nobody:none') })],
  ['a Basic scheme', (vendor) => ({ path: readPath(vendor), headers: { authorization: 'Basic eDp5' } })],
  ['a bare Bearer', (vendor) => ({ path: readPath(vendor), headers: { authorization: 'Bearer' } })],
  ['an unknown query parameter', (vendor) => ({ path: `${readPath(vendor)}?debug=1`, headers: write(vendor) })],
  [
    'a malformed path parameter',
    (vendor) => ({ path: withLastSegment(readPath(vendor), '%20%21'), headers: write(vendor) }),
  ],
  ['an unknown id', (vendor) => ({ path: withLastSegment(readPath(vendor), 'zzz-unknown-0'), headers: write(vendor) })],
  ['truncated JSON', (vendor) => update(vendor, { body: '{"name": ' })],
  ['a JSON string instead of a document', (vendor) => update(vendor, { body: '"text"' })],
  ['JSON nested 40 deep', (vendor) => update(vendor, { body: `${'['.repeat(40)}${']'.repeat(40)}` })],
  ['text/plain', (vendor) => update(vendor, { headers: { 'content-type': 'text/plain' } })],
  ['no Content-Type', (vendor) => update(vendor, { headers: { 'content-type': undefined } })],
  ['charset=latin1', (vendor) => update(vendor, { headers: { 'content-type': 'application/json; charset=latin1' } })],
  ['charset=utf-16', (vendor) => update(vendor, { headers: { 'content-type': 'application/json; charset=utf-16' } })],
  ['a body that is not the gzip it says', (vendor) => update(vendor, { headers: { 'content-encoding': 'gzip' } })],
  ['a Content-Encoding nobody knows', (vendor) => update(vendor, { headers: { 'content-encoding': 'zstd' } })],
  ['an empty JSON body', (vendor) => update(vendor, { body: '' })],
  [
    'an array and object swapped',
    (vendor) => update(vendor, { body: JSON.stringify(Array.isArray(validBody(vendor)) ? {} : []) }),
  ],
  [
    'an unknown field',
    (vendor) => {
      const body = validBody(vendor);
      return update(vendor, {
        body: JSON.stringify(Array.isArray(body) ? [{ ...(body[0] as object), extra: 1 }] : { ...body, zz_unknown: 1 }),
      });
    },
  ],
  ['a body over the size limit', (vendor) => update(vendor, { body: JSON.stringify({ big: 'x'.repeat(150_000) }) })],
  ...invalidUtf8Sequences.map(([name, bytes]): [string, (vendor: Vendor) => RawRequest] => [
    `invalid UTF-8 in a string: ${name}`,
    (vendor) => update(vendor, { body: withBytes(JSON.stringify({ name: `x${bytesMarker}` }), bytes) }),
  ]),
];

const vendorRequests: Array<[string, Vendor, () => RawRequest]> = [
  ['a missing If-Match', 'fabro', () => update('fabro', { headers: { 'if-match': undefined } })],
  ['a malformed If-Match', 'fabro', () => update('fabro', { headers: { 'if-match': '"nope"' } })],
  ['a stale If-Match', 'fabro', () => update('fabro', { headers: { 'if-match': `"${'0'.repeat(64)}"` } })],
  [
    'an id the body repeats',
    'fabro',
    () => update('fabro', { body: JSON.stringify({ ...(validBody('fabro') as object), id: 'x' }) }),
  ],
  [
    'an id that is not a UUID',
    'datadog',
    () => ({ path: withLastSegment(readPath('datadog'), 'not-a-uuid'), headers: write('datadog') }),
  ],
  ['only the API key', 'datadog', () => ({ path: readPath('datadog'), headers: { 'dd-api-key': 'dd_demo_api_key' } })],
  [
    'a read-only key writing',
    'datadog',
    () => update('datadog', { headers: authHeaders('datadog', secretFor('datadog', 'read')!) }),
  ],
  [
    'a read-only token writing',
    'qoder',
    () => update('qoder', { headers: authHeaders('qoder', secretFor('qoder', 'read')!) }),
  ],
  [
    'a config without type',
    'qoder',
    () => update('qoder', { body: '{"config": {"networking": {"type": "limited"}}}' }),
  ],
  ['an unknown op', 'launchdarkly', () => update('launchdarkly', { body: '[{"op": "frobnicate", "path": "/name"}]' })],
  [
    'a read-only field',
    'launchdarkly',
    () => update('launchdarkly', { body: '[{"op": "replace", "path": "/key", "value": "x"}]' }),
  ],
  [
    'a failing test',
    'launchdarkly',
    () => update('launchdarkly', { body: '[{"op": "test", "path": "/key", "value": "x"}]' }),
  ],
  [
    'a Bearer token',
    'launchdarkly',
    () => ({
      path: readPath('launchdarkly'),
      headers: { authorization: `Bearer ${secretFor('launchdarkly', 'write')}` },
    }),
  ],
];

/** What must be the same: the status, the headers a client acts on, and the envelope without its request id. */
async function answer(kind: TargetKind, vendor: Vendor, request: RawRequest) {
  const reply = await send(endpointOf(kind, vendor)!.baseUrl, request);
  const { request_id: _requestId, ...answered } = (reply.body ?? {}) as Record<string, unknown>;
  // Each target's state moves on its own (the contract suites write to both), so a stored revision
  // named in a message (Fabro's stale If-Match) is compared as a revision, not as its value.
  const envelope: unknown = JSON.parse(JSON.stringify(answered).replace(/\b[0-9a-f]{64}\b/g, '<revision>'));
  return {
    status: reply.status,
    contentType: reply.headers['content-type'],
    allow: reply.headers.allow,
    retryAfter: reply.headers['retry-after'],
    envelope,
  };
}

/** Compares the stateful mock and the MSW handlers with the reference server on every bad request above, for `vendor`. */
export function defineParitySuite(vendor: Vendor): void {
  const cases = [
    ...requests.map(([name, request]): [string, () => RawRequest] => [name, () => request(vendor)]),
    ...vendorRequests
      .filter(([, owner]) => owner === vendor)
      .map(([name, , request]): [string, () => RawRequest] => [name, request]),
  ];
  const server = endpointOf('server', vendor);
  for (const kind of comparedKinds) {
    const compared = endpointOf(kind, vendor);
    describe.runIf(server !== undefined && compared !== undefined)(
      `${vendor}: the ${kind} target answers bad requests as the reference server does`,
      () => {
        if (compared) serveInProcess(compared);
        it.each(cases)('on %s', async (_name, request) => {
          const [expected, actual] = await Promise.all([
            answer('server', vendor, request()),
            answer(kind, vendor, request()),
          ]);
          expect(expected.status).toBeGreaterThanOrEqual(400);
          expect(actual).toEqual(expected);
        });
      },
    );
  }
}
