import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store, Versioned } from './store.ts';

interface Record<T> {
  key: string;
  version: number;
  value: T;
}

/**
 * A store that survives restarts and crashes: one JSON file per key, replaced atomically
 * (write a temporary file, fsync, rename over the old one, fsync the directory). Writes are
 * acknowledged only once durable, and each key's writes reach disk in version order.
 */
export class FileStore<T> implements Store<T> {
  private readonly entries = new Map<string, Versioned<T>>();
  private readonly pending = new Map<string, Promise<void>>();
  private sequence = 0;

  private constructor(private readonly directory: string) {}

  /** Opens (creating if needed) a store in `directory`; keys not on disk yet are taken from `seed`. */
  static async open<T>(directory: string, seed: Iterable<readonly [string, T]> = []): Promise<FileStore<T>> {
    mkdirSync(directory, { recursive: true });
    const store = new FileStore<T>(directory);
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      // A crash between write and rename leaves a temporary file; the committed one is intact.
      if (name.endsWith('.tmp')) {
        rmSync(path, { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const record = JSON.parse(readFileSync(path, 'utf8')) as Record<T>;
      store.entries.set(record.key, { value: record.value, version: record.version });
    }
    for (const [key, value] of seed) {
      if (!store.entries.has(key)) await store.compareAndSet(key, 0, value);
    }
    return store;
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const entry = this.entries.get(key);
    return entry && { value: structuredClone(entry.value), version: entry.version };
  }

  async compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined> {
    const before = this.entries.get(key);
    if ((before?.version ?? 0) !== expectedVersion) return undefined;
    const entry = { value: structuredClone(value), version: expectedVersion + 1 };
    this.entries.set(key, entry);
    // Chained after the key's previous write, whatever its outcome: a failed write must not fail the ones after it.
    const previous = this.pending.get(key) ?? Promise.resolve();
    const write = previous
      .catch(() => undefined)
      .then(() => this.persist({ key, version: entry.version, value: entry.value }));
    this.pending.set(key, write);
    try {
      await write;
    } catch (error) {
      // Not durable, so not acknowledged: take the value back unless a later write already replaced it.
      if (this.entries.get(key) === entry) {
        if (before) this.entries.set(key, before);
        else this.entries.delete(key);
      }
      throw error;
    } finally {
      if (this.pending.get(key) === write) this.pending.delete(key);
    }
    return { value: structuredClone(value), version: entry.version };
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.pending.values());
  }

  private fileName(key: string): string {
    return `${encodeURIComponent(key).replaceAll('.', '%2E')}.json`;
  }

  private async persist(record: Record<T>): Promise<void> {
    const target = join(this.directory, this.fileName(record.key));
    this.sequence += 1;
    const temporary = `${target}.${process.pid}.${this.sequence}.tmp`;
    try {
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(JSON.stringify(record));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    const directory = await open(this.directory, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
