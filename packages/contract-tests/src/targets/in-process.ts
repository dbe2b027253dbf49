import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { vendorHandlers } from '@envspec/msw';
import { targetTraits, type TargetEndpoint } from './target.ts';

/**
 * Serves an in-process target for the tests of the enclosing `describe`: @envspec/msw's handlers
 * under msw/node's `setupServer`, which intercepts fetch, node:http and XMLHttpRequest in this
 * process, listening only while those tests run, so the other targets' traffic is never touched.
 * A request the handlers do not take is an error, never a request to the real vendor; loopback
 * traffic (the other targets) passes through.
 * Does nothing for a target that runs in its own process.
 */
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function serveInProcess(endpoint: TargetEndpoint): void {
  if (!targetTraits[endpoint.kind].inProcess) return;
  let server: ReturnType<typeof setupServer> | undefined;
  beforeAll(() => {
    const mock = vendorHandlers(endpoint.vendor, {
      mode: endpoint.kind === 'msw-examples' ? 'examples' : 'stateful',
      baseUrl: endpoint.baseUrl,
    });
    const started = setupServer(...mock.handlers);
    started.listen({
      onUnhandledRequest(request, print) {
        // The parity suite asks the reference server (on loopback) the same question meanwhile.
        if (!loopback.has(new URL(request.url).hostname)) print.error();
      },
    });
    server = started;
  });
  afterAll(() => server?.close());
}
