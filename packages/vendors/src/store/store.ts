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

/** Per store and key, the last of this process's updates to it (the tail of its queue). */
const updating = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `task` once this process's previous update of `key` in `store` has ended, whatever its outcome. */
async function oneAtATime<R>(store: object, key: string, task: () => Promise<R>): Promise<R> {
  let queues = updating.get(store);
  if (!queues) {
    queues = new Map();
    updating.set(store, queues);
  }
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  queues.set(key, run);
  try {
    return await run;
  } finally {
    if (queues.get(key) === run) queues.delete(key);
  }
}

/**
 * Re-reads and re-applies `change` until its compare-and-set wins, so no concurrent update is lost.
 * This process's updates of one key take turns, so only other processes (replicas sharing a
 * database) can make a compare-and-set lose: a hundred concurrent writers on one replica are one
 * contender, not a hundred that starve the unlucky ones. After a loss it waits a random, growing
 * while (at most 64 ms) before re-reading, so the replicas spread out instead of colliding again.
 */
export async function updateWithRetry<T>(
  store: Store<T>,
  key: string,
  change: (current: Versioned<T>) => T | Promise<T>,
  onMissing: () => never,
  maxAttempts = 100,
): Promise<Versioned<T>> {
  return oneAtATime(store, key, async () => {
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      const current = await store.get(key);
      if (!current) onMissing();
      const written = await store.compareAndSet(key, current.version, await change(current));
      if (written) return written;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));
    }
    throw new Error(`compare-and-set on '${key}' lost ${maxAttempts} times in a row`);
  });
}
