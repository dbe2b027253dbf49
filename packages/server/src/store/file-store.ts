import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cloneValue } from './clone.ts';
import type { Store, Versioned } from './store.ts';

interface Record<T> {
  key: string;
  version: number;
  value: T;
}

/**
 * A store that survives restarts and crashes: one JSON file per key, replaced atomically
 * (write a temporary file, fsync, rename over the old one, fsync the directory). Durable before
 * visible: a write reaches the in-memory view that readers see only once it is on disk, so no
 * reader ever sees a value that a crash right after could lose. Writes to one key run one at a
 * time, each comparing against the durable version.
 */
export class FileStore<T> implements Store<T> {
  private readonly entries = new Map<string, Versioned<T>>();
  /** Per key, the write in progress (the tail of that key's queue). */
  private readonly writing = new Map<string, Promise<unknown>>();
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
    return entry && { value: cloneValue(entry.value), version: entry.version };
  }

  async compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined> {
    // Versions only grow, so a caller that read an older one has lost already: no need to queue.
    if ((this.entries.get(key)?.version ?? 0) > expectedVersion) return undefined;
    const stored = cloneValue(value);
    return this.oneAtATime(key, async () => {
      if ((this.entries.get(key)?.version ?? 0) !== expectedVersion) return undefined;
      const entry = { value: stored, version: expectedVersion + 1 };
      // A write that fails here is not acknowledged and was never visible: nothing to take back.
      await this.persist({ key, version: entry.version, value: entry.value });
      this.entries.set(key, entry);
      return { value: cloneValue(stored), version: entry.version };
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.writing.values());
  }

  /** Runs `task` after the key's previous write has finished, whatever its outcome. */
  private async oneAtATime<R>(key: string, task: () => Promise<R>): Promise<R> {
    const previous = this.writing.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    this.writing.set(key, run);
    try {
      return await run;
    } finally {
      if (this.writing.get(key) === run) this.writing.delete(key);
    }
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
