/**
 * N concurrent writers per vendor (N = 64) against the full server with the file store: every
 * answer is a status the spec documents for the operation, no acknowledged update is lost, the
 * stored document is one writer's whole result (never a mix), and what is on disk is what GET says.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, listOperations, vendors, type Vendor } from '@envspec/specs';
import { vendorCore } from '@envspec/vendors';
import type { DatadogEnvironmentResponse } from '@envspec/types/datadog';
import type { FabroEnvironment, FabroError } from '@envspec/types/fabro';
import type { LaunchDarklyEnvironment } from '@envspec/types/launchdarkly';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { agent, httpRequest, type RawReply } from '../support/raw-http.ts';
import { profiles, type VendorProfile } from './profiles.ts';

const writers = 64;
const dataDir = mkdtempSync(join(tmpdir(), 'envspec-concurrency-'));
let fleet: ServerFleet;
const profileOf = (vendor: Vendor) => profiles.find((p) => p.vendor === vendor)!;
const url = (vendor: Vendor) => fleet.servers.find((s) => s.vendor === vendor)!.url;

beforeAll(async () => {
  fleet = await startServers({ ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])), dataDir });
});
afterAll(async () => {
  agent.destroy();
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What each vendor answers these writers: the fixture (Fabro: or its error envelope, on a 409). */
interface Answers {
  qoder: QoderEnvironment;
  fabro: Partial<FabroEnvironment & FabroError>;
  datadog: DatadogEnvironmentResponse;
  launchdarkly: LaunchDarklyEnvironment;
}

function send<V extends Vendor>(
  vendor: V,
  method: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<RawReply<Answers[V]>> {
  const profile = profileOf(vendor);
  return httpRequest(url(vendor), {
    method,
    path: profile.fixturePath,
    headers: {
      ...profile.credentialHeaders(profile.secret),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The statuses the spec documents for the operation `method` on the fixture's path. */
function documented(profile: VendorProfile, method: string): number[] {
  const operation = listOperations(profile.document).find((entry) => entry.method === method.toLowerCase())!.operation;
  return Object.keys(operation.responses).map(Number);
}

/** The stored file of the fixture the writers write to, parsed; no temporary file is left behind. */
function onDisk(vendor: Vendor): { key: string; version: number; value: unknown } {
  const directory = join(dataDir, vendor);
  const files = readdirSync(directory);
  expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  const fixtures = vendorCore(vendor).fixtures(bundleOf(vendor));
  expect(files).toHaveLength(fixtures.length);
  const records = files.map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')));
  // The writers write to the first fixture, the spec's first GET example.
  const fixture = records.filter((record: { key: string }) => record.key === fixtures[0]![0]);
  expect(fixture).toHaveLength(1);
  return fixture[0];
}

function statusCounts(replies: ReadonlyArray<RawReply<unknown>>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of replies) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe(`${writers} concurrent writers per vendor, file store`, () => {
  it('qoder: each writer merges its own metadata key; every key lands', async () => {
    const replies = await Promise.all(
      Array.from({ length: writers }, (_, i) => send('qoder', 'PUT', {}, { metadata: { [`writer_${i}`]: String(i) } })),
    );
    expect(statusCounts(replies)).toEqual({ 200: writers });
    const after = (await send('qoder', 'GET')).body;
    for (let i = 0; i < writers; i += 1) expect(after.metadata?.[`writer_${i}`]).toBe(String(i));
    expect(onDisk('qoder').value).toEqual(after);
  });

  it('fabro: read-modify-write with If-Match; 409s retry, no label is lost', async () => {
    const profile = profileOf('fabro');
    const seen: Array<RawReply<Answers['fabro']>> = [];
    async function writer(i: number): Promise<number> {
      for (let attempt = 1; attempt <= 500; attempt += 1) {
        const current = await send('fabro', 'GET');
        const { id: _id, revision: _revision, ...definition } = current.body;
        const reply = await send(
          'fabro',
          'PUT',
          { 'if-match': String(current.headers.etag) },
          { ...definition, labels: { ...definition.labels, [`writer_${i}`]: 'x' } },
        );
        seen.push(reply);
        if (reply.status === 200) return attempt;
        expect(reply.body.errors?.[0]?.detail).toMatch(/^environment revision is stale: ci-runner/);
        // Back off a little, at random, so contending writers spread out.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 7)));
      }
      throw new Error(`writer ${i} never won`);
    }
    await Promise.all(Array.from({ length: writers }, (_, i) => writer(i)));
    const counts = statusCounts(seen);
    if (process.env.ENVSPEC_RELIABILITY_REPORT)
      console.log(`fabro read-modify-write: ${seen.length} PUTs, ${JSON.stringify(counts)}`);
    expect(Object.keys(counts).map(Number).sort()).toEqual(expect.arrayContaining([200]));
    for (const status of Object.keys(counts).map(Number)) expect([200, 409]).toContain(status);
    for (const status of Object.keys(counts).map(Number)) expect(documented(profile, 'PUT')).toContain(status);
    expect(counts[200]).toBe(writers);
    const after = await send('fabro', 'GET');
    for (let i = 0; i < writers; i += 1) expect(after.body.labels?.[`writer_${i}`]).toBe('x');
    expect(onDisk('fabro').value).toEqual(after.body);
  }, 60_000);

  it('fabro: writers racing with the same If-Match: exactly one 200, the rest 409', async () => {
    const current = await send('fabro', 'GET');
    const { id: _id, revision: _revision, ...definition } = current.body;
    const replies = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        send(
          'fabro',
          'PUT',
          { 'if-match': String(current.headers.etag) },
          { ...definition, labels: { race: String(i) } },
        ),
      ),
    );
    expect(statusCounts(replies)).toEqual({ 200: 1, 409: writers - 1 });
    const winner = replies.find((r) => r.status === 200)!;
    expect((await send('fabro', 'GET')).body).toEqual(winner.body);
  });

  it('datadog: last writer wins, whole: name and queries always come from the same writer', async () => {
    const replies = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        send(
          'datadog',
          'PUT',
          {},
          {
            data: {
              type: 'environments',
              attributes: { name: `writer-${i}`, queries: [`writer-${i}`], is_production: i % 2 === 0 },
            },
          },
        ),
      ),
    );
    expect(statusCounts(replies)).toEqual({ 200: writers });
    const after = (await send('datadog', 'GET')).body.data.attributes;
    const winner = Number(/^writer-(\d+)$/.exec(after.name)?.[1]);
    expect(after.queries).toEqual([`writer-${winner}`]);
    expect(after.is_production).toBe(winner % 2 === 0);
    expect(replies.map((r) => r.body.data.attributes)).toContainEqual(after);
    expect((onDisk('datadog').value as { attributes: unknown }).attributes).toEqual(after);
  });

  it('launchdarkly: each writer appends its tag; guarded renames answer 200 or 409 only', async () => {
    const profile = profileOf('launchdarkly');
    const before = (await send('launchdarkly', 'GET')).body;
    const appends = Array.from({ length: writers }, (_, i) =>
      send('launchdarkly', 'PATCH', {}, [{ op: 'add', path: '/tags/-', value: `writer-${i}` }]),
    );
    // Optimistic renames guarded by a test of the name each writer last saw: one wins per name.
    const guarded = Array.from({ length: 16 }, (_, i) =>
      send('launchdarkly', 'PATCH', {}, [
        { op: 'test', path: '/name', value: before.name },
        { op: 'replace', path: '/name', value: `renamed-${i}` },
      ]),
    );
    const [appended, renamed] = await Promise.all([Promise.all(appends), Promise.all(guarded)]);
    expect(statusCounts(appended)).toEqual({ 200: writers });
    expect(statusCounts(renamed)).toEqual({ 200: 1, 409: 15 });
    for (const status of [200, 409]) expect(documented(profile, 'PATCH')).toContain(status);
    const after = (await send('launchdarkly', 'GET')).body;
    expect([...after.tags].sort()).toEqual(
      [...before.tags, ...Array.from({ length: writers }, (_, i) => `writer-${i}`)].sort(),
    );
    expect(after.name).toBe(renamed.find((r) => r.status === 200)!.body.name);
    expect(onDisk('launchdarkly').value).toEqual(after);
  });
});
