/**
 * `mode: 'dynamic'`: Prism generates each answer from the schemas, and what it generates must be
 * usable — valid against the spec with no property the spec does not declare, the path's ids in the
 * body, Fabro's ETag the quoted revision of the body — and repeat for the same seed, run to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleOf,
  listOperations,
  resolve,
  vendors,
  type ExampleObject,
  type OperationEntry,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';
import { findFreePort, readPath, send, updateRequest, type RawReply } from '@envspec/testkit';
import { startMocks, type MockFleet } from '../src/index.ts';
import { closedResponseIssues } from './support/closed-validation.ts';
import { credentials } from './support/vendor-requests.ts';

/** A small seeded PRNG (mulberry32), so the "random" requests are the same every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const draw = (random: Random, alphabet: string, length: number) =>
  Array.from({ length }, () => pick(random, [...alphabet])).join('');
const hex = '0123456789abcdef';
const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
const key = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A value for each path parameter that its schema allows. */
const pathValues: Record<Vendor, Record<string, (random: Random) => string>> = {
  qoder: { environment_id: (random) => `env_${draw(random, hex, 32)}` },
  fabro: { id: (random) => `${draw(random, lower, 1)}${draw(random, `${lower}-`, Math.floor(random() * 20))}` },
  datadog: {
    environment_id: (random) =>
      `${draw(random, hex, 8)}-${draw(random, hex, 4)}-4${draw(random, hex, 3)}-a${draw(random, hex, 3)}-${draw(random, hex, 12)}`,
  },
  launchdarkly: {
    projectKey: (random) => `${draw(random, key, 1)}${draw(random, `${key}._-`, Math.floor(random() * 12))}`,
    environmentKey: (random) => `${draw(random, key, 1)}${draw(random, `${key}._-`, Math.floor(random() * 12))}`,
  },
};

function concretePath(entry: OperationEntry, values: Record<string, string>): string {
  return entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}

async function freePorts(): Promise<Partial<Record<Vendor, number>>> {
  return Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
}

const startDynamic = async (seed: string) => startMocks({ ports: await freePorts(), mode: 'dynamic', seed });
const urlOf = (fleet: MockFleet, vendor: Vendor) => fleet.mocks.find((mock) => mock.vendor === vendor)!.url;

let fleet: MockFleet;
beforeAll(async () => {
  fleet = await startDynamic('1');
}, 90_000);
afterAll(async () => fleet?.stop());

interface Call {
  vendor: Vendor;
  entry: OperationEntry;
  values: Record<string, string>;
  reply: RawReply;
}

async function randomCall(random: Random): Promise<Call> {
  const vendor = pick(random, vendors);
  const entry = pick(random, listOperations(bundleOf(vendor)));
  const values = Object.fromEntries(
    Object.entries(pathValues[vendor]).map(([name, generate]) => [name, generate(random)] as const),
  );
  const path = concretePath(entry, values);
  if (entry.method === 'get')
    return { vendor, entry, values, reply: await send(urlOf(fleet, vendor), { path, headers: credentials[vendor] }) };
  const update = updateRequest(vendor);
  const reply = await send(urlOf(fleet, vendor), {
    method: entry.method.toUpperCase(),
    path,
    headers: { ...update.headers, ...credentials[vendor], 'content-type': update.contentType },
    body: JSON.stringify(update.body),
  });
  return { vendor, entry, values, reply };
}

/** Where each vendor's answer carries the resource's own path id. */
const idInBody: Record<Vendor, [parameter: string, read: (body: never) => unknown]> = {
  qoder: ['environment_id', (body: { id: string }) => body.id],
  fabro: ['id', (body: { id: string }) => body.id],
  datadog: ['environment_id', (body: { data: { id: string } }) => body.data.id],
  launchdarkly: ['environmentKey', (body: { key: string }) => body.key],
};

describe('dynamic mode, seed 1', () => {
  it('answers 100 random reads and updates across the four vendors coherently', async () => {
    const random = prng(1);
    const calls: Call[] = [];
    for (let index = 0; index < 100; index += 1) calls.push(await randomCall(random));
    expect(new Set(calls.map((call) => call.vendor))).toEqual(new Set(vendors));
    expect(new Set(calls.map((call) => call.entry.method))).toEqual(
      new Set(vendors.flatMap((vendor) => listOperations(bundleOf(vendor)).map((entry) => entry.method))),
    );
    for (const { vendor, entry, values, reply } of calls) {
      const label = `${vendor} ${entry.method} ${concretePath(entry, values)}`;
      expect(reply.status, `${label}: ${reply.text}`).toBe(200);
      expect(closedResponseIssues(vendor, entry.path, entry.method, reply.status, reply.body), label).toBe('');
      const [parameter, read] = idInBody[vendor];
      expect(read(reply.body as never), label).toBe(values[parameter]);
      if (vendor === 'fabro')
        expect(reply.headers.etag, label).toBe(`"${(reply.body as { revision: string }).revision}"`);
      if (vendor === 'launchdarkly')
        expect((reply.body as { _links: unknown })._links, label).toEqual({
          self: { href: concretePath(entry, values), type: 'application/json' },
        });
    }
  }, 120_000);

  it('gives Fabro environments that differ only in id different revisions: the revision covers the body', async () => {
    const [first, second] = await Promise.all(
      ['ci-runner', 'web-preview'].map((id) =>
        send(urlOf(fleet, 'fabro'), { path: `/api/v1/environments/${id}`, headers: credentials.fabro }),
      ),
    );
    type Environment = { id: string; revision: string };
    const [a, b] = [first!.body as Environment, second!.body as Environment];
    expect({ ...a, id: b.id, revision: '' }).toEqual({ ...b, revision: '' });
    expect(a.revision).not.toBe(b.revision);
  });
});

/** The first example of the read operation's documented `status` answer. */
function readDocumentedExample(vendor: Vendor, status: number): unknown {
  const document = bundleOf(vendor);
  const operation = listOperations(document).find((entry) => entry.method === 'get')!.operation;
  const response = resolve<ResponseObject>(document, operation.responses[String(status)]!);
  const [example] = Object.values(Object.values(response.content ?? {})[0]?.examples ?? {});
  return resolve<ExampleObject>(document, example!).value;
}

/** An error status the read documents besides 404, to inject: its 429 where it has one, else its 500. */
function injectable(vendor: Vendor): number {
  const operation = listOperations(bundleOf(vendor)).find((entry) => entry.method === 'get')!.operation;
  return operation.responses['429'] ? 429 : 500;
}

describe.each(vendors)('%s dynamic mock, an error status asked for', (vendor) => {
  it.each<[string, Record<string, string>, number]>([
    ['with Prefer', { prefer: 'code=404' }, 404],
    [
      'by injection',
      { 'x-mock-error-rate': '1', 'x-mock-error-status': String(injectable(vendor)) },
      injectable(vendor),
    ],
  ])('%s, is its documented example, whose envelope matches the status', async (_how, headers, status) => {
    const reply = await send(urlOf(fleet, vendor), {
      path: readPath(vendor),
      headers: { ...credentials[vendor], ...headers },
    });
    expect(reply.status, reply.text).toBe(status);
    expect(reply.body).toEqual(readDocumentedExample(vendor, status));
  });
});

/** The first example of the read operation's 200 response. */
function readExample(vendor: Vendor): unknown {
  return readDocumentedExample(vendor, 200);
}

describe.each(vendors)('%s mock, dynamic with a seed', (vendor) => {
  it('generates an answer, not the example, and the same one again for the same request', async () => {
    const first = await send(urlOf(fleet, vendor), { path: readPath(vendor), headers: credentials[vendor] });
    const second = await send(urlOf(fleet, vendor), { path: readPath(vendor), headers: credentials[vendor] });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).not.toEqual(readExample(vendor));
    expect(second.body).toEqual(first.body);
  });
});

describe('the same seed', () => {
  const sample = async (target: MockFleet) =>
    Promise.all(
      vendors.map(
        async (vendor) =>
          (await send(urlOf(target, vendor), { path: readPath(vendor), headers: credentials[vendor] })).body,
      ),
    );

  it('gives the same data in another run, and another seed other data', async () => {
    const [again, other] = await Promise.all([startDynamic('1'), startDynamic('2')]);
    try {
      const [first, repeated, different] = await Promise.all([sample(fleet), sample(again), sample(other)]);
      expect(repeated).toEqual(first);
      for (const [index, vendor] of vendors.entries())
        expect(different[index], `${vendor} with seed 2`).not.toEqual(first[index]);
    } finally {
      await Promise.all([again.stop(), other.stop()]);
    }
  }, 90_000);
});

describe('the undeclared-property check this file relies on', () => {
  it.each<[string, (body: Record<string, unknown>) => void]>([
    ['at the top', (body) => Object.assign(body, { surprise: 1 })],
    ['nested', (body) => Object.assign((body.data as { attributes: object }).attributes, { surprise: 1 })],
  ])('refuses an undeclared property %s', async (_where, spoil) => {
    // Datadog's spec leaves both objects open (no additionalProperties: false).
    const reply = await send(urlOf(fleet, 'datadog'), { path: readPath('datadog'), headers: credentials.datadog });
    const template = '/api/v2/feature-flags/environments/{environment_id}';
    expect(closedResponseIssues('datadog', template, 'get', 200, reply.body)).toBe('');
    const body = structuredClone(reply.body) as Record<string, unknown>;
    spoil(body);
    expect(closedResponseIssues('datadog', template, 'get', 200, body)).toMatch(/must NOT have unevaluated properties/);
  });
});
