/** What one connection may cost a server or a mock: Node enforces these before any handler runs. */
export interface ConnectionLimits {
  /** Time allowed to receive the request headers, counted from the first byte of a request or from connecting (slow-loris guard). */
  headersTimeoutMs: number;
  /** Time allowed to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed (Node keeps the socket about 1 s longer than it advertises). */
  keepAliveTimeoutMs: number;
  /** Largest accepted request line plus header block. */
  maxHeaderBytes: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

/** What one request body may be. */
export interface BodyLimits {
  /** Largest accepted body in bytes (after any Content-Encoding is undone). */
  limitBytes: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
  /**
   * A body over the limit that declares at most this many bytes is still read (and thrown away)
   * before the 413, so a client that sends its whole body before reading can read the answer; one
   * that declares more is answered at once and its connection closed.
   */
  drainBytes: number;
}

export const defaultBodyLimits: BodyLimits = {
  limitBytes: 100 * 1024,
  maxDepth: 32,
  drainBytes: 10 * 1024 * 1024,
};

function checkPositive(kind: string, limits: object): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${kind} limit ${name} must be a positive whole number, got ${String(value)}`);
  }
}

/** The defaults with `overrides` applied; throws an Error naming the limit when the combination is unusable. */
export function resolveConnectionLimits(overrides: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...defaultConnectionLimits, ...overrides };
  checkPositive('server', limits);
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `the headers timeout (${limits.headersTimeoutMs} ms) cannot exceed the request timeout (${limits.requestTimeoutMs} ms)`,
    );
  }
  return limits;
}

/** The defaults with `overrides` applied; throws an Error naming the limit when one is unusable. */
export function resolveBodyLimits(overrides: Partial<BodyLimits> = {}): BodyLimits {
  const limits = { ...defaultBodyLimits, ...overrides };
  checkPositive('body', limits);
  return limits;
}

/**
 * How often Node looks for requests past their headers or request timeout. Node's default (30 s)
 * would let a slow client hold a connection up to 30 s past either timeout; a quarter of the
 * shorter one keeps the overshoot small for any configuration.
 */
export function connectionsCheckingInterval(limits: ConnectionLimits): number {
  return Math.min(1_000, Math.max(25, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}
