import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/file-store.ts';

let directory: string;
beforeEach(() => {
  directory = join(mkdtempSync(join(tmpdir(), 'envspec-file-store-')), 'store');
});
afterEach(() => rmSync(join(directory, '..'), { recursive: true, force: true }));

describe('FileStore under faults', () => {
  it('a write that cannot be made durable is not acknowledged, was never visible, and does not block later writes', async () => {
    const store = await FileStore.open(directory, [['k', { n: 1 }]]);
    rmSync(directory, { recursive: true });
    await expect(store.compareAndSet('k', 1, { n: 2 })).rejects.toThrow(/ENOENT/);
    expect(await store.get('k')).toEqual({ value: { n: 1 }, version: 1 });
    mkdirSync(directory);
    expect(await store.compareAndSet('k', 1, { n: 3 })).toEqual({ value: { n: 3 }, version: 2 });
    const reopened = await FileStore.open(directory);
    expect(await reopened.get('k')).toEqual({ value: { n: 3 }, version: 2 });
  });

  it('a temporary file left by a crash is removed on open and the committed value kept', async () => {
    const store = await FileStore.open(directory, [['k', { n: 1 }]]);
    await store.close();
    const [committed] = readdirSync(directory);
    writeFileSync(join(directory, `${committed}.123.1.tmp`), '{"key":"k","version":2,"value":{"n":');
    const reopened = await FileStore.open(directory);
    expect(await reopened.get('k')).toEqual({ value: { n: 1 }, version: 1 });
    expect(readdirSync(directory)).toEqual([committed]);
  });

  it.each([
    ['../escape', '%2E%2E%2Fescape.json'],
    ['a/b', 'a%2Fb.json'],
    ['.', '%2E.json'],
    ['nul\u0000byte', 'nul%00byte.json'],
  ])('key %j is stored inside the directory as %s', async (key, file) => {
    const store = await FileStore.open(directory, [[key, { n: 1 }]]);
    await store.close();
    expect(readdirSync(directory)).toEqual([file]);
    expect(JSON.parse(readFileSync(join(directory, file), 'utf8'))).toEqual({ key, version: 1, value: { n: 1 } });
  });
});
