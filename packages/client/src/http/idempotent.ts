import type { Middleware } from 'openapi-fetch';

const marked = new WeakSet<Request>();

/**
 * Per-request middleware declaring the call safe to repeat although its method is not idempotent
 * (a JSON Patch of `replace` and `test` operations, say), so the retry middleware may retry it:
 * `client.PATCH(url, { body, middleware: [idempotent] })`.
 */
export const idempotent: Middleware = {
  onRequest({ request }) {
    marked.add(request);
    return undefined;
  },
};

/** Whether `request` went through the `idempotent` middleware. */
export function isMarkedIdempotent(request: Request): boolean {
  return marked.has(request);
}
