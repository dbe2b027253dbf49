import type { Store, Versioned } from '../../src/store/store.ts';

/**
 * Wraps a store so every read yields to the event loop. With the plain in-memory store a
 * request's read, patch and compare-and-set run in one microtask chain, so concurrent requests
 * never interleave and `updateWithRetry` never retries; here they do, and `lostWrites` proves it.
 */
export class InterleavingStore<T> implements Store<T> {
  lostWrites = 0;

  constructor(private readonly inner: Store<T>) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.inner.get(key);
  }

  async compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined> {
    const written = await this.inner.compareAndSet(key, expectedVersion, value);
    if (!written) this.lostWrites += 1;
    return written;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
