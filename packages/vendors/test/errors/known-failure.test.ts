import { describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { envelopeIssues, errorCode } from '@envspec/testkit';
import { ApiError } from '../../src/errors/api-error.ts';
import { failureOf, knownFailure } from '../../src/errors/known-failure.ts';
import { answerFailure } from '../../src/protocol/answer.ts';
import { vendorCore } from '../../src/registry.ts';
import { StoreUnavailableError } from '../../src/store/store-unavailable-error.ts';

const unavailable = new StoreUnavailableError(
  'PostgreSQL at postgres://u:***@10.1.2.3/db is unavailable: ECONNREFUSED',
  {
    retryAfterSeconds: 2,
  },
);

/** The code each vendor's client reads for an unavailable store: never `internal_error`, which would say "a bug". */
const unavailableCodes: Record<Vendor, string | undefined> = {
  qoder: 'store_unavailable',
  // Fabro sends a code only where its server sets one (a bad token); ordinary errors carry none.
  fabro: undefined,
  // Datadog's envelope is a list of messages, with no code.
  datadog: undefined,
  launchdarkly: 'service_unavailable',
};

describe('knownFailure', () => {
  it('keeps an ApiError as it is', () => {
    const error = new ApiError(409, 'conflict', { code: 'revision_mismatch' });
    expect(knownFailure(error)).toBe(error);
  });

  it('makes an unavailable store a 503 with Retry-After, without its cause', () => {
    const failure = knownFailure(unavailable)!;
    expect(failure.status).toBe(503);
    expect(failure.code).toBe('store_unavailable');
    expect(failure.headers).toEqual({ 'Retry-After': '2' });
    expect(failure.message).toBe(
      'the state store is unavailable; retry in 2 s (a write answered 503 may or may not have been applied)',
    );
  });

  it.each([new Error('boom'), 'a string', undefined])('knows nothing of %j; failureOf makes it a bare 500', (error) => {
    expect(knownFailure(error)).toBeUndefined();
    expect(failureOf(error)).toMatchObject({ status: 500, code: 'internal_error', message: 'internal server error' });
  });
});

describe.each(vendors)('%s answers an unavailable store', (vendor) => {
  it(`503 in its envelope with Retry-After and code ${String(unavailableCodes[vendor])}`, () => {
    const core = vendorCore(vendor);
    const answer = answerFailure(core, failureOf(unavailable), core.requestId(undefined));
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('2');
    const body = JSON.parse(answer.body) as unknown;
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(errorCode(body)).toBe(unavailableCodes[vendor]);
    expect(answer.body).toContain('the state store is unavailable; retry in 2 s');
    expect(answer.body).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|postgres:/);
  });
});
