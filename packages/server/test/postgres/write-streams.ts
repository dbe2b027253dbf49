/**
 * Continuous write traffic for the fault tests: on every replica, for every vendor, a few streams
 * that each write one mark after another until told to stop. It records which marks were
 * acknowledged and which writes ended without a definite answer (no reply, or 503: such a write
 * may or may not have committed), and lets a test wait for a condition on that progress.
 */
import type { Vendor } from '@envspec/specs';
import type { ServerProcess } from '../support/server-process.ts';
import { Tally, writeMark, type WriteResult } from './replica-traffic.ts';

export interface StreamsOptions {
  replicas: readonly ServerProcess[];
  vendors: readonly Vendor[];
  streamsPerVendor: number;
  /** Whether a stream gives up after a write got no reply at all (its replica is gone). */
  endOnNoReply: boolean;
}

export class WriteStreams {
  /** Per replica: every answer by vendor and cause. */
  readonly tallies: Tally[];
  /** Per vendor: acknowledged marks. */
  readonly acknowledged = new Map<Vendor, string[]>();
  /** Per replica and vendor: acknowledged writes (`r0 qoder`). */
  private readonly acknowledgedBy = new Map<string, number>();
  /** Per vendor: writes whose PUT/PATCH got no answer or a 503, which may have committed. */
  readonly uncertain = new Map<Vendor, number>();
  /** Every Fabro write, for the If-Match checks. */
  readonly fabroWrites: WriteResult[] = [];
  private stopping = false;
  private readonly running: Array<Promise<void>> = [];
  private readonly waiters: Array<{ done: () => boolean; resolve: () => void }> = [];

  constructor(private readonly options: StreamsOptions) {
    this.tallies = options.replicas.map(() => new Tally());
    for (const vendor of options.vendors) {
      this.acknowledged.set(vendor, []);
      this.uncertain.set(vendor, 0);
    }
  }

  start(prefix: string): void {
    this.stopping = false;
    this.options.replicas.forEach((replica, r) => {
      for (const vendor of this.options.vendors)
        for (let s = 0; s < this.options.streamsPerVendor; s += 1)
          this.running.push(this.stream(replica, r, vendor, `${prefix}r${r}s${s}k`));
    });
  }

  /** Lets every stream finish its current write, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.splice(0));
  }

  acknowledgedCount(replica?: number, vendor?: Vendor): number {
    let count = 0;
    for (const [key, n] of this.acknowledgedBy) {
      const [r, v] = key.split(' ');
      if ((replica === undefined || Number(r!.slice(1)) === replica) && (vendor === undefined || v === vendor))
        count += n;
    }
    return count;
  }

  /** Resolves once `done()` holds, checked after every write. */
  until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  private async stream(replica: ServerProcess, r: number, vendor: Vendor, prefix: string): Promise<void> {
    for (let k = 0; !this.stopping; k += 1) {
      const result = await writeMark(this.tallies[r]!, replica.url(vendor), vendor, `${prefix}${k}`);
      if (vendor === 'fabro') this.fabroWrites.push(result);
      if (result.acknowledged) {
        this.acknowledged.get(vendor)!.push(`${prefix}${k}`);
        const key = `r${r} ${vendor}`;
        this.acknowledgedBy.set(key, (this.acknowledgedBy.get(key) ?? 0) + 1);
      } else if (result.uncertain) {
        this.uncertain.set(vendor, this.uncertain.get(vendor)! + 1);
      }
      this.notify();
      if (result.acknowledged) continue;
      if (result.noReply && this.options.endOnNoReply) return;
      // A client backing off before it tries again, so an outage is not a busy loop.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.done()) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
