/**
 * A store that reports itself unavailable (what PostgresStore does when the database is down or
 * silent) becomes a 503 in each vendor's own envelope, with Retry-After, on reads and writes, and
 * the cause reaches the log but not the client. The same against a real database, under load, is
 * `test/postgres/database-restart.test.ts`.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { MemoryStore, StoreUnavailableError, protocolErrors, vendorCore } from '@envspec/vendors';
import { envelopeProblems, leakPattern, profiles } from '../reliability/profiles.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import type { RawReply } from '../support/raw-http.ts';

const cause = 'connect ECONNREFUSED 10.1.2.3:5432';

function unavailableStore(): MemoryStore<unknown> {
  const store = new MemoryStore<unknown>();
  const fail = async (): Promise<never> => {
    throw new StoreUnavailableError(`PostgreSQL at postgres://u:***@10.1.2.3:5432/db is unavailable: ${cause}`, {
      retryAfterSeconds: 2,
    });
  };
  store.get = fail;
  store.compareAndSet = fail;
  return store;
}

let harness: Harness | undefined;
afterEach(async () => harness?.close());

describe.each(vendors)('%s with an unavailable store', (vendor) => {
  const profile = profiles.find((p) => p.vendor === vendor)!;

  it.each(['GET', profile.writeMethod])(
    '%s answers 503 in the envelope with Retry-After, the cause only in the log',
    async (method) => {
      const logged: string[] = [];
      const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
      harness = await startHarness(vendor, { store: unavailableStore(), logger });
      const headers = {
        ...profile.credentialHeaders(profile.secret),
        // Fabro's replace needs an If-Match; any well-formed one gets as far as the store.
        ...(vendor === 'fabro' ? { 'if-match': `"${'0'.repeat(64)}"` } : {}),
      };
      const reply = await harness.request(method, profile.fixturePath, {
        headers,
        ...(method === 'GET' ? {} : { body: profile.validBody }),
      });
      const raw: Omit<RawReply, 'ms'> = {
        status: reply.status,
        headers: Object.fromEntries(reply.headers),
        text: reply.text,
        body: reply.body,
      };
      expect(reply.status, reply.text).toBe(503);
      expect(envelopeProblems(profile, raw)).toEqual([]);
      expect(reply.headers.get('retry-after')).toBe('2');
      // Through the core's error machinery: the vendor's own code for a 503, never `internal_error`.
      const core = vendorCore(vendor);
      const requestId = reply.headers.get('x-request-id')!;
      expect(reply.body).toEqual(core.renderError(core.adaptError(protocolErrors.storeUnavailable(2)), requestId));
      expect(reply.text).toMatch(/state store is unavailable; retry in 2 s/);
      expect(reply.text).not.toMatch(leakPattern('ECONNREFUSED', '10.1.2.3', 'postgres://'));
      expect(logged.join('')).toContain(cause);
    },
  );
});
