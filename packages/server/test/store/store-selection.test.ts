import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleOf } from '@envspec/specs';
import { credentialHeaders, vendorCore } from '@envspec/vendors';
import { parseServerCliOptions } from '../../src/cli-options.ts';
import { startServers } from '../../src/start-servers.ts';
import { FileStore } from '../../src/store/file-store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { openStores } from '../../src/store/open-stores.ts';
import { describeStoreSelection, openStore, parseStoreSelection } from '../../src/store/store-selection.ts';
import { findFreePort } from '@envspec/testkit';

describe('--store', () => {
  it.each([
    ['memory', { kind: 'memory' }, 'in memory'],
    ['file:./data', { kind: 'file', directory: './data' }, 'in files under ./data'],
    ['file:/var/lib/envspec', { kind: 'file', directory: '/var/lib/envspec' }, 'in files under /var/lib/envspec'],
    [
      'postgres://envspec:s3cret@db.internal:5432/envspec',
      { kind: 'postgres', url: 'postgres://envspec:s3cret@db.internal:5432/envspec' },
      'in PostgreSQL at postgres://envspec:***@db.internal:5432/envspec',
    ],
    [
      'postgresql://db/envspec?sslmode=require',
      { kind: 'postgres', url: 'postgresql://db/envspec?sslmode=require' },
      'in PostgreSQL at postgresql://db/envspec?sslmode=require',
    ],
  ])('%s', (text, selection, description) => {
    expect(parseStoreSelection(text)).toEqual(selection);
    expect(describeStoreSelection(parseStoreSelection(text))).toBe(description);
  });

  it.each([
    [
      'redis://localhost',
      /--store expects memory, file:DIR or postgres:\/\/USER:PASSWORD@HOST:PORT\/DATABASE, got 'redis:\/\/localhost'/,
    ],
    ['file:', /--store file: needs a directory/],
    ['./data', /--store expects memory, file:DIR or postgres:/],
    ['postgres://[bad', /is not a valid URL/],
  ])('%j is refused with a message saying what is accepted', (text, message) => {
    expect(() => parseStoreSelection(text)).toThrow(message);
    expect(() => parseServerCliOptions(['--store', text])).toThrow(message);
  });

  it('--data-dir keeps working as --store file:DIR, and the two together are refused', () => {
    expect(parseServerCliOptions(['--data-dir', 'd'])).toMatchObject({ dataDir: 'd' });
    expect(parseServerCliOptions(['--data-dir', 'd']).store).toBeUndefined();
    expect(parseServerCliOptions(['--store', 'postgres://h/db']).store).toEqual({
      kind: 'postgres',
      url: 'postgres://h/db',
    });
    expect(() => parseServerCliOptions(['--store', 'memory', '--data-dir', 'd'])).toThrow(
      /--store and --data-dir both say where state lives: give one/,
    );
  });

  it('a postgres URL with its password in it never shows the password in a message', () => {
    expect(() => parseServerCliOptions(['--store', 'postgres://u:hunter2@[bad'])).toThrow(/^(?!.*hunter2)/s);
  });

  it('openStores: consumers share one store per vendor; stopping one leaves it open for the others', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'envspec-shared-'));
    const shared = await openStores({ kind: 'file', directory }, ['qoder']);
    const [first, second] = await Promise.all(
      [0, 1].map(() => startServers({ vendors: ['qoder'], ports: { qoder: 0 }, stores: shared.stores })),
    );
    try {
      const path = `/api/v1/cloud/environments/${vendorCore('qoder').fixtures(bundleOf('qoder'))[0]![0]}`;
      const headers = { ...credentialHeaders('qoder'), 'content-type': 'application/json' };
      const written = await fetch(`${first!.servers[0]!.url}${path}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ name: 'shared' }),
      });
      expect(written.status).toBe(200);
      await first!.stop();
      const read = await fetch(`${second!.servers[0]!.url}${path}`, { headers });
      expect(((await read.json()) as { name: string }).name).toBe('shared');
      const again = await fetch(`${second!.servers[0]!.url}${path}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ name: 'after the first stopped' }),
      });
      expect(again.status).toBe(200);
    } finally {
      await second!.stop();
      await shared.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('opens the store it names: memory, or files in one folder per namespace', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'envspec-selection-'));
    try {
      expect(await openStore({ kind: 'memory' }, 'qoder', [['k', 1]])).toBeInstanceOf(MemoryStore);
      const store = await openStore({ kind: 'file', directory }, 'qoder', [['k', 1]]);
      expect(store).toBeInstanceOf(FileStore);
      expect(await store.get('k')).toEqual({ value: 1, version: 1 });
      expect(readdirSync(directory)).toEqual(['qoder']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

it('the CLI with an unreachable database exits 1 saying so, without a stack trace or the password', async () => {
  const url = `postgres://envspec:hunter2@127.0.0.1:${await findFreePort()}/envspec`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', '--vendor', 'qoder', '--port', 'qoder=0', '--store', url],
    {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(
    /^envspec-server could not start: PostgreSQL at postgres:\/\/envspec:\*\*\*@127\.0\.0\.1:\d+\/envspec is unavailable: connect ECONNREFUSED/,
  );
  expect(run.stderr).not.toMatch(/\n\s+at |hunter2/);
}, 60_000);
