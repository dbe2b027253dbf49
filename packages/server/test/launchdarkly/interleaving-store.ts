import type { Store, Versioned } from '../../src/store/store.ts';

/**
 * Wraps a store so a read's result arrives a few milliseconds after it was taken: one replica's
 * view of a shared store. A server takes its own updates of a document in turns, so its writes
 * never collide with each other; two servers over two of these around one store read the same
 * version close together, one of them loses the compare-and-set and retries, and `lostWrites`
 * proves it.
 */
export class InterleavingStore<T> implements Store<T> {
  lostWrites = 0;

  constructor(private readonly inner: Store<T>) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const read = await this.inner.get(key);
    // Waiting after the read (not before it) is what opens the window between read and write.
    await new Promise((resolve) => setTimeout(resolve, 5));
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
