import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HttpHandler } from 'msw';

/**
 * msw/node around a test file: listening with the handlers the file uses (swapped per test with
 * `use`), and any request no handler takes is an error rather than a trip to the network.
 */
export function mswServer(): { use(...handlers: HttpHandler[]): void } {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { use: (...handlers) => server.use(...handlers) };
}
