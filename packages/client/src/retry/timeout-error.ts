/** An attempt took longer than the retry middleware's `timeoutMs`. */
export class TimeoutError extends Error {
  readonly timeoutMs: number;

  constructor(request: Request, timeoutMs: number) {
    super(
      `${request.method} ${request.url} did not complete within ${timeoutMs} ms (the retry middleware's timeoutMs)`,
    );
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}
