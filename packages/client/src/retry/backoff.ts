/**
 * Capped exponential backoff with full jitter: a random wait between 0 and
 * `min(maxDelayMs, baseDelayMs * 2^(retry - 1))`, `retry` counting from 1.
 */
export function backoffDelay(
  retry: number,
  { baseDelayMs, maxDelayMs, random }: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling * Math.min(1, Math.max(0, random())));
}
