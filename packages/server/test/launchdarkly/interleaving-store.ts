import type { Store, Versioned } from '../../src/store/store.ts';

/**
 * Wraps a store so concurrent requests interleave: the first `readers` reads are each held until
 * all `readers` have been taken, so that many requests read the same version, and all but one of
 * them lose the compare-and-set (`lostWrites` counts them) and retry. Later reads pass straight
 * through, so a retry never waits for a partner that is not coming. With the plain in-memory store a
 * request's read, patch and compare-and-set run in one microtask chain, so concurrent requests never
 * interleave and `updateWithRetry` never retries.
 */
export class InterleavingStore<T> implements Store<T> {
  lostWrites = 0;
  private held: Array<() => void> = [];

  constructor(
    private readonly inner: Store<T>,
    private readers: number,
  ) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const read = await this.inner.get(key);
    // Holding after the read (not before it) is what opens the window between read and write.
    if (this.readers > 0) {
      this.readers -= 1;
      const released = new Promise<void>((resolve) => this.held.push(resolve));
      if (this.readers === 0) for (const release of this.held.splice(0)) release();
      await released;
    }
    return read;
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
