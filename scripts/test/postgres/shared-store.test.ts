/**
 * `pnpm start --mock-mode stateful --store postgres://…`: the stateful mock and the reference
 * servers of `pnpm start` share one store per vendor (`openStores`), so a write through the mock is
 * what a reference-server replica in another process, pointed at the same database, reads; and the
 * other way round. A real PostgreSQL, a real `envspec-server` replica.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { silentLogger } from '@envspec/server';
import {
  readPath,
  send,
  startPostgresCluster,
  startServerProcess,
  updateRequest,
  type PostgresCluster,
  type RawReply,
  type ServerProcess,
} from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';
import { startEnvironment, type Environment } from '../../src/start/start-environment.ts';

const serverCli = createRequire(import.meta.url).resolve('@envspec/server/cli');

type Json = Record<string, unknown>;

/** How each vendor's update sets a name-like field, and where a read shows it. */
const named: Record<Vendor, { body(value: string): unknown; readBack(document: unknown): unknown }> = {
  qoder: { body: (value) => ({ name: value }), readBack: (document) => (document as Json).name },
  fabro: {
    body: (value) => {
      const body = structuredClone(updateRequest('fabro').body) as Json;
      return { ...body, labels: { ...(body.labels as Json), team: value } };
    },
    readBack: (document) => ((document as Json).labels as Json | undefined)?.team,
  },
  datadog: {
    body: (value) => ({ data: { type: 'environments', attributes: { name: value } } }),
    readBack: (document) => (document as { data?: { attributes?: Json } }).data?.attributes?.name,
  },
  launchdarkly: {
    body: (value) => [{ op: 'replace', path: '/name', value }],
    readBack: (document) => (document as Json).name,
  },
};

let cluster: PostgresCluster;
let environment: Environment;
let replica: ServerProcess;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const anyPort = Object.fromEntries(vendors.map((vendor) => [vendor, 0]));
  environment = await startEnvironment({
    mockMode: 'stateful',
    store: { kind: 'postgres', url: cluster.url },
    logger: silentLogger,
    mockPorts: anyPort,
    serverPorts: anyPort,
  });
  replica = await startServerProcess(serverCli, vendors, ['--store', cluster.url, '--log-level', 'warn']);
}, 120_000);

afterAll(async () => {
  await replica?.stop();
  await environment?.stop();
  await cluster?.destroy();
});

const mockUrl = (vendor: Vendor) => environment.mocks.mocks.find((mock) => mock.vendor === vendor)!.url;
const startedServerUrl = (vendor: Vendor) =>
  environment.servers.servers.find((server) => server.vendor === vendor)!.url;

const read = (url: string, vendor: Vendor) => send(url, { path: readPath(vendor), headers: credentialHeaders(vendor) });

/** Writes `value` through `url`, with the current ETag as If-Match where the vendor needs one. */
async function write(url: string, vendor: Vendor, value: string): Promise<RawReply> {
  const spec = updateRequest(vendor);
  const etag = (await read(url, vendor)).headers.etag;
  return send(url, {
    method: spec.method,
    path: spec.path,
    headers: {
      ...spec.headers,
      ...credentialHeaders(vendor),
      'content-type': spec.contentType,
      ...(typeof etag === 'string' ? { 'if-match': etag } : {}),
    },
    body: JSON.stringify(named[vendor].body(value)),
  });
}

describe.each(vendors)('%s on one PostgreSQL', (vendor) => {
  it('a write through the stateful mock is what a reference-server replica reads, and the other way round', async () => {
    expect(environment.mocks.mocks.find((mock) => mock.vendor === vendor)!.engine.kind).toBe('stateful');

    const throughMock = await write(mockUrl(vendor), vendor, `from the mock ${vendor}`);
    expect(throughMock.status, throughMock.text).toBe(200);
    const seenByReplica = await read(replica.url(vendor), vendor);
    expect(named[vendor].readBack(seenByReplica.body)).toBe(`from the mock ${vendor}`);
    expect(seenByReplica.body).toEqual(throughMock.body);
    expect(seenByReplica.headers.etag).toBe(throughMock.headers.etag);

    const throughReplica = await write(replica.url(vendor), vendor, `from the replica ${vendor}`);
    expect(throughReplica.status, throughReplica.text).toBe(200);
    for (const url of [mockUrl(vendor), startedServerUrl(vendor)]) {
      const seen = await read(url, vendor);
      expect(named[vendor].readBack(seen.body)).toBe(`from the replica ${vendor}`);
      expect(seen.body).toEqual(throughReplica.body);
    }
  });
});
