/** A stored value with the version it was written at; versions grow by one per write. */
export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * Key-value storage with compare-and-set, the one primitive every vendor's update needs so that
 * concurrent writers never lose an update.
 */
export interface Store<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  /**
   * Writes `value` only if the key is still at `expectedVersion` (0: absent). Resolves to the new
   * version once the write is durable, or to `undefined` when another writer got there first.
   */
  compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined>;
  close(): Promise<void>;
}

/** Re-reads and re-applies `change` until its compare-and-set wins, so no concurrent update is lost. */
export async function updateWithRetry<T>(
  store: Store<T>,
  key: string,
  change: (current: Versioned<T>) => T | Promise<T>,
  onMissing: () => never,
  maxAttempts = 100,
): Promise<Versioned<T>> {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const current = await store.get(key);
    if (!current) onMissing();
    const written = await store.compareAndSet(key, current.version, await change(current));
    if (written) return written;
    // Many writers on one key (replicas sharing a database) would otherwise keep colliding and
    // starve the unlucky ones: back off a random, growing while (capped at 64 ms) before re-reading.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));
  }
  throw new Error(`compare-and-set on '${key}' lost ${maxAttempts} times in a row`);
}
