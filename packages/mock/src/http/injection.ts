import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, type VendorErrors } from '../vendor/vendor-errors.ts';

/** Run-wide defaults for injected latency and failures; a request's `X-Mock-*` headers override them. */
export interface InjectionOptions {
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Share of requests (0–1) answered with an injected error instead. */
  errorRate?: number;
  /** Status of an injected error (default 500). A status the operation documents is served from the spec's example. */
  errorStatus?: number;
}

export interface Injection {
  delayMs: number;
  errorRate: number;
  errorStatus: number;
}

export const maxDelayMs = 60_000;

function numberHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Validates run-wide options once, at start-up. */
export function checkInjectionOptions({ delayMs = 0, errorRate = 0, errorStatus = 500 }: InjectionOptions): Injection {
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > maxDelayMs)
    throw new Error(`delay must be an integer from 0 to ${maxDelayMs} ms, got ${delayMs}`);
  if (!(errorRate >= 0 && errorRate <= 1)) throw new Error(`error rate must be from 0 to 1, got ${errorRate}`);
  if (!Number.isInteger(errorStatus) || errorStatus < 400 || errorStatus > 599)
    throw new Error(`error status must be an HTTP error status (400–599), got ${errorStatus}`);
  return { delayMs, errorRate, errorStatus };
}

/** The injection for one request: the run-wide defaults, overridden by `X-Mock-Delay`, `X-Mock-Error-Rate`, `X-Mock-Error-Status`. */
export function injectionFor(headers: IncomingHttpHeaders, defaults: Injection, errors: VendorErrors): Injection {
  const read = (name: string, valid: (value: number) => boolean, expected: string, fallback: number) => {
    const raw = numberHeader(headers, name.toLowerCase());
    if (raw === undefined) return fallback;
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!valid(value)) {
      throw errors.adapt(
        new ApiError(400, `${name} must be ${expected}, got '${raw}'`, { code: 'invalid_mock_header' }),
      );
    }
    return value;
  };
  return {
    delayMs: read(
      'X-Mock-Delay',
      (value) => Number.isInteger(value) && value >= 0 && value <= maxDelayMs,
      `milliseconds from 0 to ${maxDelayMs}`,
      defaults.delayMs,
    ),
    errorRate: read(
      'X-Mock-Error-Rate',
      (value) => value >= 0 && value <= 1,
      'a share from 0 to 1 (e.g. 0.25)',
      defaults.errorRate,
    ),
    errorStatus: read(
      'X-Mock-Error-Status',
      (value) => Number.isInteger(value) && value >= 400 && value <= 599,
      'an HTTP error status from 400 to 599',
      defaults.errorStatus,
    ),
  };
}

/** A repeatable random source for a seed (mulberry32 over an FNV-1a hash), or Math.random without one. */
export function randomSource(seed?: string): () => number {
  if (seed === undefined) return Math.random;
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
