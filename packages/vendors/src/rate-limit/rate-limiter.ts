import type { RateLimitRule } from '../credentials/credential.ts';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  resetAt: number;
  windowMs: number;
  allowed: boolean;
}

/** Fixed-window counter per key. Memory is bounded: expired windows are swept as time passes. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number) {}

  consume(key: string, rule: RateLimitRule): RateLimitState {
    const now = this.now();
    this.sweep(now, rule.windowMs);
    let window = this.windows.get(key);
    if (!window || now - window.start >= rule.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const allowed = window.count <= rule.limit;
    return {
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - window.count),
      resetAt: window.start + rule.windowMs,
      windowMs: rule.windowMs,
      allowed,
    };
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= windowMs) this.windows.delete(key);
  }
}
