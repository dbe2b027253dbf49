import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { updateWithRetry, type Store } from '../../src/store/store.ts';

/** A store whose first `losses` compare-and-sets lose to another writer (who bumps the version). */
function contendedStore(losses: number): { store: Store<number>; reads: () => number } {
  const inner = new MemoryStore<number>([['k', 0]]);
  let reads = 0;
  let lost = 0;
  const store: Store<number> = {
    get: (key) => {
      reads += 1;
      return inner.get(key);
    },
    close: () => inner.close(),
    async compareAndSet(key, expected, value) {
      if (lost < losses) {
        lost += 1;
        const current = (await inner.get(key))!;
        await inner.compareAndSet(key, current.version, current.value + 100);
        return undefined;
      }
      return inner.compareAndSet(key, expected, value);
    },
  };
  return { store, reads: () => reads };
}

const missing = (): never => {
  throw new Error('missing');
};

afterEach(() => {
  // The spies first: the setTimeout spy wraps the fake one, which useRealTimers then replaces.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('updateWithRetry', () => {
  it('re-reads and re-applies the change after each lost compare-and-set, losing no update', async () => {
    const { store } = contendedStore(3);
    const written = await updateWithRetry(store, 'k', ({ value }) => value + 1, missing);
    // Three other writers' +100 each, then this one's +1 on top of them.
    expect(written).toEqual({ value: 301, version: 5 });
  });

  it('waits a random, growing while (capped at 64 ms) before each re-read, so contending writers spread out', async () => {
    vi.useFakeTimers();
    // The longest waits the randomness can give: 1, 2, 4 … 64 ms.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const { store, reads } = contendedStore(9);
    const update = updateWithRetry(store, 'k', ({ value }) => value + 1, missing);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads()).toBe(2);
    await vi.runAllTimersAsync();
    await expect(update).resolves.toEqual({ value: 901, version: 11 });
    expect(timeouts.mock.calls.map(([, delay]) => delay)).toEqual([1, 2, 4, 8, 16, 32, 64, 64, 64]);
  });

  it('gives up after maxAttempts losses in a row, saying so', async () => {
    const { store, reads } = contendedStore(Number.POSITIVE_INFINITY);
    await expect(updateWithRetry(store, 'k', ({ value }) => value + 1, missing, 5)).rejects.toThrow(
      "compare-and-set on 'k' lost 5 times in a row",
    );
    expect(reads()).toBe(5);
  });

  it('calls onMissing for a key that is not stored', async () => {
    await expect(updateWithRetry(new MemoryStore<number>(), 'absent', () => 1, missing)).rejects.toThrow('missing');
  });
});
