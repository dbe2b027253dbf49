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

  it("takes this process's updates of one key in turns: concurrent writers here never make each other lose", async () => {
    const inner = new MemoryStore<number>([
      ['k', 0],
      ['other', 0],
    ]);
    let lost = 0;
    const order: string[] = [];
    // Reads answer late, so without the turns every concurrent update would read the same version.
    const slow: Store<number> = {
      get: async (key) => {
        const read = await inner.get(key);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return read;
      },
      close: () => inner.close(),
      async compareAndSet(key, expected, value) {
        const written = await inner.compareAndSet(key, expected, value);
        if (!written) lost += 1;
        return written;
      },
    };
    const updates = Array.from({ length: 20 }, (_, i) =>
      updateWithRetry(slow, 'k', ({ value }) => value + 1, missing).then(() => order.push(`k${i}`)),
    );
    // Another key does not wait for this one's queue.
    const other = updateWithRetry(slow, 'other', ({ value }) => value + 1, missing).then(() => order.push('other'));
    await Promise.all([...updates, other]);
    expect(lost).toBe(0);
    expect(await inner.get('k')).toEqual({ value: 20, version: 21 });
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('k19'));
    expect(order.filter((entry) => entry !== 'other')).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`));
  });

  it('an update that fails does not hold up the next one', async () => {
    const store = new MemoryStore<number>([['k', 0]]);
    const failing = updateWithRetry(
      store,
      'k',
      () => {
        throw new Error('bad change');
      },
      missing,
    );
    const next = updateWithRetry(store, 'k', ({ value }) => value + 1, missing);
    await expect(failing).rejects.toThrow('bad change');
    await expect(next).resolves.toEqual({ value: 1, version: 2 });
  });
});
