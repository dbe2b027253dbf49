import { cloneValue } from './clone.ts';
import type { Store, Versioned } from './store.ts';

/** In-process store. Compare-and-set is atomic because it runs without awaiting in between. */
export class MemoryStore<T> implements Store<T> {
  private readonly entries = new Map<string, Versioned<T>>();

  constructor(seed: Iterable<readonly [string, T]> = []) {
    for (const [key, value] of seed) this.entries.set(key, { value: cloneValue(value), version: 1 });
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const entry = this.entries.get(key);
    return entry && { value: cloneValue(entry.value), version: entry.version };
  }

  async compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined> {
    const currentVersion = this.entries.get(key)?.version ?? 0;
    if (currentVersion !== expectedVersion) return undefined;
    const entry = { value: cloneValue(value), version: expectedVersion + 1 };
    this.entries.set(key, entry);
    // The caller's own `value` (the store kept a clone): nothing it does to it reaches the store.
    return { value, version: entry.version };
  }

  async close(): Promise<void> {}
}
