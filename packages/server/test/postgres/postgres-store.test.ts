/**
 * PostgresStore against a real PostgreSQL: the migration, seeding, compare-and-set across two
 * stores (as two replicas hold them), value fidelity, and what happens when the database is
 * unreachable, silent, locked or refuses the login.
 */
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf } from '@envspec/specs';
import { StoreUnavailableError, vendorCore } from '@envspec/vendors';
import { openStores } from '../../src/store/open-stores.ts';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { findFreePort, startPostgresCluster, type PostgresCluster } from '@envspec/testkit';

let cluster: PostgresCluster;
const opened: Array<PostgresStore<unknown>> = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await cluster?.destroy();
});

async function open<T>(namespace: string, seed: Array<readonly [string, T]> = [], options = {}) {
  const store = await PostgresStore.open<T>(cluster.url, namespace, seed, options);
  opened.push(store as PostgresStore<unknown>);
  return store;
}

async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('schema and seeding', () => {
  it('replicas starting at once all migrate; the migration is recorded once and re-running it changes nothing', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => open(`migrate-${i}`)));
    await open('migrate-again');
    expect(await sql('SELECT version FROM envspec_migrations ORDER BY version')).toEqual([{ version: 1 }]);
    expect(await sql("SELECT count(*)::int AS tables FROM pg_tables WHERE tablename LIKE 'envspec_%'")).toEqual([
      { tables: 2 },
    ]);
  });

  it('a second replica seeding the same fixtures keeps what the first one wrote', async () => {
    const first = await open('seed', [['fixture', { n: 1 }]]);
    expect(await first.compareAndSet('fixture', 1, { n: 2 })).toEqual({ value: { n: 2 }, version: 2 });
    const second = await open('seed', [
      ['fixture', { n: 1 }],
      ['added', { n: 1 }],
    ]);
    expect(await second.get('fixture')).toEqual({ value: { n: 2 }, version: 2 });
    expect(await first.get('added')).toEqual({ value: { n: 1 }, version: 1 });
  });

  it('namespaces are separate: the same key in two vendors is two documents', async () => {
    const [a, b] = await Promise.all([open('ns-a', [['k', 'a']]), open('ns-b', [['k', 'b']])]);
    expect([await a.get('k'), await b.get('k')]).toEqual([
      { value: 'a', version: 1 },
      { value: 'b', version: 1 },
    ]);
  });
});

describe('compare-and-set across two stores (two replicas)', () => {
  it.each([
    ['an update of an existing key', 1],
    ['an insert of an absent key (version 0)', 0],
  ])('%s: of 40 writers at the same version exactly one wins', async (_case, version) => {
    const namespace = `race-${version}`;
    const seed: Array<readonly [string, number]> = version === 0 ? [] : [['k', -1]];
    const replicas = [await open(namespace, seed), await open(namespace, seed)];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => replicas[i % 2]!.compareAndSet('k', version, i)),
    );
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.version).toBe(version + 1);
    for (const replica of replicas) expect(await replica.get('k')).toEqual(winners[0]);
  });

  it('a stale version loses and changes nothing; the current one wins', async () => {
    const store = await open('stale', [['k', 'v1']]);
    await store.compareAndSet('k', 1, 'v2');
    expect(await store.compareAndSet('k', 1, 'stale')).toBeUndefined();
    expect(await store.compareAndSet('k', 3, 'future')).toBeUndefined();
    expect(await store.get('k')).toEqual({ value: 'v2', version: 2 });
    expect(await store.compareAndSet('k', 2, 'v3')).toEqual({ value: 'v3', version: 3 });
  });
});

describe('values come back exactly as written', () => {
  it.each([
    ['key order', { z: 1, a: 2, m: { y: 1, b: 2 } }],
    ['NUL and control characters', { text: 'a\u0000b\u0001\n' }],
    ['non-ASCII and astral characters', { text: 'é 漢字 👩🏽‍💻 \u202e' }],
    ['__proto__ as an own key', JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}')],
    ['numbers', { int: 9007199254740991, negative: -0.5, exponent: 1e-7 }],
    ['nested arrays and nulls', { list: [[1, [2, null]], [], {}], nothing: null }],
  ])('%s', async (name, value) => {
    const store = await open<unknown>(`fidelity-${name}`);
    const written = await store.compareAndSet('k', 0, value);
    const read = await store.get('k');
    expect(JSON.stringify(read!.value)).toBe(JSON.stringify(value));
    expect(JSON.stringify(written!.value)).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(read!.value)).toBe(Object.getPrototypeOf(value));
  });
});

describe('an unavailable database is a StoreUnavailableError, never a hang', () => {
  it('nothing listening: opening fails with StoreUnavailableError naming the address without the password', async () => {
    const url = `postgres://postgres:s3cret@127.0.0.1:${await findFreePort()}/postgres`;
    const failure = await PostgresStore.open(url, 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toMatch(
      /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres is unavailable: .*ECONNREFUSED/,
    );
    expect((failure as Error).message).not.toContain('s3cret');
  });

  it('a server that accepts but never answers: the connect timeout ends the wait', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const failure = await PostgresStore.open(`postgres://postgres@127.0.0.1:${port}/postgres`, 'x', [], {
        connectTimeoutMs: 300,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as Error).message).toMatch(/timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('a statement that cannot finish (the table locked by another session): the query timeout ends it', async () => {
    const store = await open('locked', [['k', 1]], { queryTimeoutMs: 800 });
    const locker = new pg.Client({ connectionString: cluster.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE envspec_documents IN ACCESS EXCLUSIVE MODE');
      const failure = await store.get('k').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as Error).message).toMatch(/statement timeout|Query read timeout/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await store.get('k')).toEqual({ value: 1, version: 1 });
  });

  it('the database stops: reads and writes fail with StoreUnavailableError; once it is back the pool reconnects', async () => {
    const store = await open('restart', [['k', 1]]);
    expect(await store.get('k')).toEqual({ value: 1, version: 1 });
    await cluster.stop('fast');
    try {
      await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.compareAndSet('k', 1, 2)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await cluster.start();
    }
    expect(await store.get('k')).toEqual({ value: 1, version: 1 });
    expect(await store.compareAndSet('k', 1, 2)).toEqual({ value: 2, version: 2 });
  });

  it('a refused login (no such database) is a plain error saying so, not "unavailable", and hides the password', async () => {
    const url = cluster.url.replace('postgres@', 'postgres:s3cret@').replace(/\/postgres$/, '/no_such_database');
    const failure = await PostgresStore.open(url, 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toMatch(
      /^cannot open the PostgreSQL store at postgres:\/\/postgres:\*\*\*@.*\/no_such_database: database "no_such_database" does not exist$/,
    );
  });
});

describe('openStores on PostgreSQL', () => {
  it('one seeded pool per vendor, shared by every consumer; a consumer closing it leaves it open, close() ends it', async () => {
    const shared = await openStores({ kind: 'postgres', url: cluster.url }, ['qoder', 'launchdarkly']);
    const qoder = shared.stores.qoder!;
    const [key] = vendorCore('qoder').fixtures(bundleOf('qoder'))[0]!;
    const seeded = await qoder.get(key);
    expect(seeded?.version).toBeGreaterThanOrEqual(1);
    await qoder.close();
    expect(await shared.stores.launchdarkly!.get('no such key')).toBeUndefined();
    expect(await qoder.get(key)).toEqual(seeded);
    await shared.close();
    await expect(qoder.get(key)).rejects.toThrow();
  });
});
