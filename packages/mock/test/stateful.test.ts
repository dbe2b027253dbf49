/**
 * `mode: 'stateful'`: the mocks answer with the reference server's behaviour (the vendor core's
 * semantics, in process) on their own ports, so a frontend can update an environment and read the
 * update back; CORS, injection and `Prefer` still apply, and `Prefer` never changes the state.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import type { DatadogEnvironmentResponse, DatadogUpdateEnvironmentRequest } from '@envspec/types/datadog';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import type { LaunchDarklyEnvironment } from '@envspec/types/launchdarkly';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { startMocks, type MockFleet } from '../src/index.ts';
import { invalidUtf8Bodies } from './support/invalid-utf8-bodies.ts';
import { credentials, sendUpdate } from './support/vendor-requests.ts';
import {
  documentedResponse,
  envelopeIssues,
  errorMessage,
  findFreePort,
  operationOf,
  readPath,
  send,
  updateRequest,
} from '@envspec/testkit';

/** How each vendor's update sets a name-like field, and where the read shows it. */
const updates: Record<Vendor, { body: (value: string) => unknown; readBack: (environment: unknown) => unknown }> = {
  qoder: { body: (value) => ({ name: value }), readBack: (environment) => (environment as QoderEnvironment).name },
  // A full replace: the spec's example definition, with one label changed.
  fabro: {
    body: (value) => {
      const body = structuredClone(updateRequest('fabro').body) as FabroReplaceEnvironmentRequest;
      body.labels = { ...body.labels, team: value };
      return body;
    },
    readBack: (environment) => (environment as FabroEnvironment).labels?.team,
  },
  datadog: {
    body: (value) => {
      const body = structuredClone(updateRequest('datadog').body) as DatadogUpdateEnvironmentRequest;
      body.data.attributes.name = value;
      return body;
    },
    readBack: (environment) => (environment as Partial<DatadogEnvironmentResponse>).data?.attributes.name,
  },
  launchdarkly: {
    body: (value) => [{ op: 'replace', path: '/name', value }],
    readBack: (environment) => (environment as LaunchDarklyEnvironment).name,
  },
};

const freePorts = async () =>
  Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));

let fleet: MockFleet;
/** The static mocks, for what stateful mode must answer as they do. */
let staticFleet: MockFleet;
beforeAll(async () => {
  [fleet, staticFleet] = await Promise.all([
    startMocks({ ports: await freePorts(), mode: 'stateful' }),
    startMocks({ ports: await freePorts(), mode: 'static' }),
  ]);
}, 60_000);
afterAll(async () => Promise.all([fleet?.stop(), staticFleet?.stop()]));

const urlOf = (vendor: Vendor) => fleet.mocks.find((mock) => mock.vendor === vendor)!.url;
const staticUrlOf = (vendor: Vendor) => staticFleet.mocks.find((mock) => mock.vendor === vendor)!.url;

describe.each(vendors)('%s mock, stateful', (vendor) => {
  it('answers in process with the vendor core, not Prism', () => {
    const mock = fleet.mocks.find((entry) => entry.vendor === vendor)!;
    expect(mock.engine.kind).toBe('stateful');
    expect(mock.engine.pid).toBeUndefined();
  });

  it('returns an update on the next GET', async () => {
    const url = urlOf(vendor);
    const before = await send(url, { path: readPath(vendor), headers: credentials[vendor] });
    expect(before.status).toBe(200);
    const value = `envspec ${randomBytes(4).toString('hex')}`;
    expect(updates[vendor].readBack(before.body)).not.toBe(value);

    const etag = before.headers.etag;
    const updated = await sendUpdate(
      url,
      vendor,
      JSON.stringify(updates[vendor].body(value)),
      typeof etag === 'string' ? { 'if-match': etag } : {},
    );
    expect(updated.status, updated.text).toBe(200);
    expect(updates[vendor].readBack(updated.body)).toBe(value);

    const after = await send(url, { path: readPath(vendor), headers: credentials[vendor] });
    expect(after.status).toBe(200);
    expect(updates[vendor].readBack(after.body)).toBe(value);
    expect(after.body).toEqual(updated.body);
    if (typeof etag === 'string') expect(after.headers.etag).toBe(updated.headers.etag);
  });

  it('keeps the guards and the vendor envelope in front of the server', async () => {
    const reply = await sendUpdate(urlOf(vendor), vendor, `${'{"a": '.repeat(50)}1${'}'.repeat(50)}`);
    expect(reply.status).toBe(400);
    expect(envelopeIssues(vendor, reply.body)).toBe('');
    expect(errorMessage(reply.body)).toMatch(/levels deep/);
    const path = await send(urlOf(vendor), { path: `${readPath(vendor)}%ff%fe`, headers: credentials[vendor] });
    expect(path.status).toBe(400);
    expect(envelopeIssues(vendor, path.body)).toBe('');
  });

  it.each(invalidUtf8Bodies(vendor))(
    'refuses a body with invalid UTF-8 %s: 400 saying so in the envelope, nothing stored',
    async (_name, body) => {
      const read = () => send(urlOf(vendor), { path: readPath(vendor), headers: credentials[vendor] });
      const before = await read();
      const etag = before.headers.etag;
      const reply = await sendUpdate(urlOf(vendor), vendor, body, typeof etag === 'string' ? { 'if-match': etag } : {});
      expect(reply.status, reply.text).toBe(400);
      expect(envelopeIssues(vendor, reply.body)).toBe('');
      expect(errorMessage(reply.body)).toMatch(/not valid UTF-8/);
      const after = await read();
      expect(after.body).toEqual(before.body);
      expect(after.headers.etag).toBe(etag);
    },
  );

  it('answers a browser preflight for the update call', async () => {
    const spec = updateRequest(vendor);
    const requested = [...Object.keys(credentials[vendor]), ...Object.keys(spec.headers), 'content-type'];
    const reply = await send(urlOf(vendor), {
      method: 'OPTIONS',
      path: spec.path,
      headers: {
        origin: 'http://127.0.0.1:3000',
        'access-control-request-method': spec.method,
        'access-control-request-headers': requested.join(', '),
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
    const allowed = String(reply.headers['access-control-allow-headers']).toLowerCase();
    for (const name of requested) expect(allowed).toContain(name.toLowerCase());
  });
});

describe('run-wide injection (stateful, qoder)', () => {
  it('delays every answer and fails the configured share with the configured status', async () => {
    const injected = await startMocks({
      vendors: ['qoder'],
      ports: { qoder: await findFreePort() },
      mode: 'stateful',
      delayMs: 250,
      errorRate: 1,
      errorStatus: 503,
      seed: 'x',
    });
    try {
      const { url } = injected.mocks[0]!;
      const failed = await send(url, { path: readPath('qoder'), headers: credentials.qoder });
      expect(failed.status).toBe(503);
      expect(failed.ms).toBeGreaterThanOrEqual(250);
      expect(envelopeIssues('qoder', failed.body)).toBe('');
      expect((failed.body as { error: { type: string } }).error.type).toBe('api_error');
      // A request may opt out of the run-wide settings.
      const spared = await send(url, {
        path: readPath('qoder'),
        headers: { ...credentials.qoder, 'x-mock-error-rate': '0', 'x-mock-delay': '0' },
      });
      expect(spared.status).toBe(200);
    } finally {
      await injected.stop();
    }
  });
});

describe.each(vendors)('%s mock, stateful, Prefer', (vendor) => {
  const read = () => send(urlOf(vendor), { path: readPath(vendor), headers: credentials[vendor] });

  it("answers Prefer: code=404 with the documented 404, and a write's documented 200 without storing it", async () => {
    const before = await read();
    const notFound = await send(urlOf(vendor), {
      path: readPath(vendor),
      headers: { ...credentials[vendor], prefer: 'code=404' },
    });
    expect(notFound.status, notFound.text).toBe(404);
    expect(notFound.body).toEqual(
      documentedResponse(vendor, operationOf(vendor, 'read').operation.operationId!, 404).example,
    );
    expect(envelopeIssues(vendor, notFound.body)).toBe('');

    const value = `preferred ${randomBytes(4).toString('hex')}`;
    const etag = before.headers.etag;
    const preferred = await sendUpdate(urlOf(vendor), vendor, JSON.stringify(updates[vendor].body(value)), {
      prefer: 'code=200',
      ...(typeof etag === 'string' ? { 'if-match': etag } : {}),
    });
    expect(preferred.status, preferred.text).toBe(200);
    expect(preferred.body).toEqual(updateRequest(vendor).expected);
    const after = await read();
    expect(after.body).toEqual(before.body);
    expect(updates[vendor].readBack(after.body)).not.toBe(value);
  });

  it('answers an undocumented Prefer status exactly as the static mock does', async () => {
    const ask = (target: string) =>
      send(target, {
        path: readPath(vendor),
        headers: { ...credentials[vendor], prefer: 'code=418', 'x-request-id': 'req-prefer-parity' },
      });
    const [stateful, fromStatic] = await Promise.all([ask(urlOf(vendor)), ask(staticUrlOf(vendor))]);
    expect(stateful.status).toBe(400);
    expect(errorMessage(stateful.body)).toMatch(/Prefer: code=418 is not a documented response/);
    // Each answer carries its own request id (Fabro makes a fresh one whatever the client sent).
    const alike = (reply: typeof stateful) => ({
      status: reply.status,
      type: reply.headers['content-type'],
      body: JSON.parse(reply.text.replaceAll(String(reply.headers['x-request-id']), '<its request id>')),
    });
    expect(alike(stateful)).toEqual(alike(fromStatic));
  });

  it('serves an injected documented status from the spec, with its headers', async () => {
    const read = operationOf(vendor, 'read').operation;
    // Its 429 where the read documents one, else its 500.
    const status = read.responses['429'] ? 429 : 500;
    const reply = await send(urlOf(vendor), {
      path: readPath(vendor),
      headers: { ...credentials[vendor], 'x-mock-error-rate': '1', 'x-mock-error-status': String(status) },
    });
    const documented = documentedResponse(vendor, read.operationId!, status);
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual(documented.example);
    for (const name of ['Retry-After', 'X-RateLimit-Limit'].filter((header) => header in documented.headers))
      expect(reply.headers[name.toLowerCase()], name).toBe(String(documented.headers[name]));
  });
});
