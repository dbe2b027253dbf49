import { expect, it } from 'vitest';
import type { Vendor } from '@envspec/specs';
import { documentedResponse } from '@envspec/testkit';
import type { ApiError } from '../../src/http/api-error.ts';
import type { Target } from './targets.ts';

export interface DocumentedErrorSuite<Op extends string, Client, Envelope> {
  vendor: Vendor;
  target: Target;
  /** The client's documented-status table, so every documented status gets a case. */
  statuses: Record<Op, Record<number, true>>;
  /** A client for `url` sending `headers` on every request. */
  client: (url: string, headers: Record<string, string>) => Client;
  /** One resource-API call per operation. */
  calls: Record<Op, (client: Client) => Promise<unknown>>;
  isVendorError: (error: unknown, operation: Op) => boolean;
  /** The fields the typed error must carry, given the spec's example body and header examples. */
  expected: (example: Envelope, headers: Record<string, unknown>, status: number) => Record<string, unknown>;
}

/**
 * For every documented error status of every operation, asks Prism for it (`Prefer: code=<status>`)
 * and checks the resource API throws the vendor's typed error carrying the spec's example.
 */
export function itThrowsEveryDocumentedError<Op extends string, Client, Envelope>(
  suite: DocumentedErrorSuite<Op, Client, Envelope>,
): void {
  const cases = (Object.entries(suite.statuses) as Array<[Op, Record<number, true>]>).flatMap(([operation, statuses]) =>
    Object.keys(statuses).map((status) => [`${operation} ${status}`, { operation, status: Number(status) }] as const),
  );
  it.each(cases)('%s throws the typed error with the documented example', async (_, { operation, status }) => {
    const client = suite.client(suite.target.url, { Prefer: `code=${status}` });
    const error = (await suite.calls[operation](client).then(
      () => expect.unreachable(`${operation} with Prefer: code=${status} resolved`),
      (caught: unknown) => caught,
    )) as ApiError;
    const { example, headers } = documentedResponse(suite.vendor, operation, status);
    expect(suite.isVendorError(error, operation)).toBe(true);
    expect(error).toMatchObject({
      vendor: suite.vendor,
      operation,
      status,
      body: example,
      // The spec's example of this status is the vendor's envelope (the spec tests validate it).
      ...suite.expected(example as Envelope, headers, status),
    });
    expect(error.response).toBeInstanceOf(Response);
    expect(error.response.status).toBe(status);
  });
}
