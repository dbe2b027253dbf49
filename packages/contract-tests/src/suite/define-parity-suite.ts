/**
 * The mock's stateful engine and the reference server answer the same bad requests the same way,
 * and so do the MSW handlers in the browser's place: for each request below, each of those targets
 * gives the same status, the same headers that matter (`Allow`, `Retry-After`) and the same
 * envelope as the server, request id aside. Runs for each of them selected beside `server` (the
 * default `pnpm test` selects all). Every request here is one a browser's fetch can send too, so
 * none is left out for the in-process target (see the README).
 */
import { describe, expect, inject, it } from 'vitest';
import { bundleOf, listOperations, type Vendor } from '@envspec/specs';
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
import { endpointsFor, suiteKinds, type TargetKind } from '../targets/target.ts';
import { authHeaders, secretFor } from '../vendors/contract-credentials.ts';

/** This suite's own targets (see suiteKinds): no other suite's writes move their state. */
function endpointOf(kind: TargetKind, vendor: Vendor) {
  return endpointsFor(inject('endpoints'), vendor, 'parity').find((endpoint) => endpoint.kind === kind);
}

/** The targets held to the reference server's answers. */
const comparedKinds = suiteKinds.parity.filter((kind) => kind !== 'server');

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

/** A body-taking method the update's path does not have (Qoder's path takes PUT and POST, LaunchDarkly's PATCH). */
function missingMethod(vendor: Vendor): string {
  const methods = listOperations(bundleOf(vendor)).map(({ method }) => method.toUpperCase());
  return ['POST', 'PATCH', 'PUT'].find((method) => !methods.includes(method))!;
}

const validBody = (vendor: Vendor) => updateRequest(vendor).body as Record<string, unknown> | unknown[];

/** Bad requests every vendor refuses, by what is wrong with them. */
const requests: Array<[string, (vendor: Vendor) => RawRequest]> = [
  ['a path outside the spec', (vendor) => ({ path: '/api/nowhere', headers: write(vendor) })],
  ['a method the path does not have', (vendor) => update(vendor, { method: missingMethod(vendor) })],
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
    'a body the schema refuses and no If-Match',
    'fabro',
    () => update('fabro', { headers: { 'if-match': undefined }, body: '{"provider": "podman"}' }),
  ],
  [
    'a malformed id and no If-Match',
    'fabro',
    () => update('fabro', { headers: { 'if-match': undefined }, path: withLastSegment(readPath('fabro'), 'Bad!') }),
  ],
  [
    'a domain rule broken (docker with a CIDR allow-list)',
    'fabro',
    () =>
      update('fabro', {
        body: JSON.stringify({ ...(validBody('fabro') as object), network: { mode: 'cidr_allow_list', allow: [] } }),
      }),
  ],
  [
    'a size past 64 bits',
    'fabro',
    () =>
      update('fabro', {
        body: JSON.stringify({
          ...(validBody('fabro') as object),
          resources: { cpu: null, memory: '20000000TiB', disk: null },
        }),
      }),
  ],
  [
    'an id that is not a UUID',
    'datadog',
    () => ({ path: withLastSegment(readPath('datadog'), 'not-a-uuid'), headers: write('datadog') }),
  ],
  [
    'a key without the read permission',
    'datadog',
    () => ({ path: readPath('datadog'), headers: authHeaders('datadog', secretFor('datadog', 'write-only')!) }),
  ],
  [
    'a token that may write but not read',
    'launchdarkly',
    () => ({
      path: readPath('launchdarkly'),
      headers: authHeaders('launchdarkly', secretFor('launchdarkly', 'write-only')!),
    }),
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
  [
    'a read-only token writing with POST',
    'qoder',
    () => update('qoder', { method: 'POST', headers: authHeaders('qoder', secretFor('qoder', 'read')!) }),
  ],
  [
    'a config without type with POST',
    'qoder',
    () => update('qoder', { method: 'POST', body: '{"config": {"networking": {"type": "limited"}}}' }),
  ],
  ['an unknown field with POST', 'qoder', () => update('qoder', { method: 'POST', body: '{"colour": "red"}' })],
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
  // Request ids differ by nature (Fabro repeats its id in every error of the envelope). Every target
  // is this suite's own and only ever gets bad requests, so all hold the same fixture throughout: a
  // stored revision named in a message (Fabro's stale If-Match) must match too.
  const envelope: unknown = JSON.parse(
    JSON.stringify(reply.body ?? {}, (key, value) => (key === 'request_id' ? undefined : value)),
  );
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
