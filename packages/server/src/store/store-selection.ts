import { join } from 'node:path';
import { FileStore } from './file-store.ts';
import { MemoryStore } from './memory-store.ts';
import { PostgresStore, redactPostgresUrl, type PostgresStoreOptions } from './postgres-store.ts';
import type { Store } from './store.ts';

/** Where the servers keep their state, as `--store` names it. */
export type StoreSelection =
  | { kind: 'memory' }
  /** One folder per namespace (vendor) under `directory`. */
  | { kind: 'file'; directory: string }
  /** One database shared by every replica pointed at it; a row per document, keyed by namespace. */
  | { kind: 'postgres'; url: string; options?: PostgresStoreOptions };

export const storeSelectionSyntax = 'memory, file:DIR or postgres://USER:PASSWORD@HOST:PORT/DATABASE';

/** Parses `--store`'s value; throws an Error whose message says what is accepted. */
export function parseStoreSelection(text: string): StoreSelection {
  if (text === 'memory') return { kind: 'memory' };
  if (text.startsWith('file:')) {
    const directory = text.slice('file:'.length);
    if (directory === '') throw new Error(`--store file: needs a directory, e.g. file:./.envspec-data`);
    return { kind: 'file', directory };
  }
  if (/^postgres(ql)?:\/\//.test(text)) {
    if (!URL.canParse(text)) throw new Error(`--store ${redactPostgresUrl(text)} is not a valid URL`);
    return { kind: 'postgres', url: text };
  }
  throw new Error(`--store expects ${storeSelectionSyntax}, got '${text.slice(0, 100)}'`);
}

/** For messages and the start-up banner: never the password. */
export function describeStoreSelection(selection: StoreSelection): string {
  switch (selection.kind) {
    case 'memory':
      return 'in memory';
    case 'file':
      return `in files under ${selection.directory}`;
    case 'postgres':
      return `in PostgreSQL at ${redactPostgresUrl(selection.url)}`;
  }
}

/** Opens the store of one namespace (a vendor), adding each `seed` key that is not stored yet. */
export async function openStore<T>(
  selection: StoreSelection,
  namespace: string,
  seed: Iterable<readonly [string, T]>,
): Promise<Store<T>> {
  switch (selection.kind) {
    case 'memory':
      return new MemoryStore(seed);
    case 'file':
      return FileStore.open(join(selection.directory, namespace), seed);
    case 'postgres':
      return PostgresStore.open(selection.url, namespace, seed, selection.options);
  }
}
