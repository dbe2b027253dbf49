import type { RetryClock } from '../../src/retry/index.ts';

/** A clock whose sleeps return at once and move time forward; it records every wait. */
export class FakeClock implements RetryClock {
  readonly sleeps: number[] = [];
  /** Called as each sleep starts (e.g. to abort the caller's signal mid-wait). */
  onSleep: ((ms: number) => void) | undefined;

  constructor(private time = Date.UTC(2030, 0, 1)) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.onSleep?.(ms);
    signal?.throwIfAborted();
    this.time += ms;
  }
}

/** A clock whose sleeps wait until `advance` passes their deadline; for timeouts. */
export class ManualClock implements RetryClock {
  private time = Date.UTC(2030, 0, 1);
  private timers: Array<{ at: number; resolve: () => void }> = [];
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (ms <= 0) return resolve();
      const timer = { at: this.time + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((entry) => entry !== timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Sleeps not yet over (and not cancelled). */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every sleep that ends by then. */
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.resolve();
  }
}
