import type { Store, Versioned } from '../../src/store/store.ts';

/**
 * Holds the first `readers` reads, whichever store takes them, until that many have been taken, so
 * those reads all see one version. Later reads pass straight through, so a retry never waits for a
 * partner that is not coming.
 */
export class ReadBarrier {
  private held: Array<() => void> = [];

  constructor(private readers: number) {}

  async pass(): Promise<void> {
    if (this.readers <= 0) return;
    this.readers -= 1;
    const released = new Promise<void>((resolve) => this.held.push(resolve));
    if (this.readers === 0) for (const release of this.held.splice(0)) release();
    await released;
  }
}

/**
 * One replica's view of a shared store, counting the compare-and-sets it loses. A server takes its
 * own updates of a document in turns, so its writes never collide with each other; two servers over
 * two of these around one store, sharing a `ReadBarrier(2)`, both read the same version first, one of
 * them loses the compare-and-set and retries, and `lostWrites` proves it.
 */
export class InterleavingStore<T> implements Store<T> {
  lostWrites = 0;

  constructor(
    private readonly inner: Store<T>,
    private readonly barrier: ReadBarrier,
  ) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const read = await this.inner.get(key);
    // Holding after the read (not before it) is what opens the window between read and write.
    await this.barrier.pass();
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
