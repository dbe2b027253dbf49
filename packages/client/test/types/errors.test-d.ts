import { describe, expectTypeOf, test } from 'vitest';
import type { VendorApiError } from '../../src/index.ts';
import { isDatadogError, type DatadogRateLimit } from '../../src/datadog/index.ts';
import { isFabroError } from '../../src/fabro/index.ts';
import { isLaunchDarklyError, type LaunchDarklyRateLimit } from '../../src/launchdarkly/index.ts';
import { isQoderError, type QoderError, type RateLimit } from '../../src/qoder/index.ts';
import type { QoderErrorType } from '@envspec/types/qoder';

declare const caught: unknown;

describe('error narrowing', () => {
  test('an operation’s error status is the union of its documented statuses', () => {
    if (isQoderError(caught, 'getEnvironment')) expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 404 | 429>();
    if (isQoderError(caught, 'updateEnvironment'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 403 | 404 | 413 | 415 | 429>();
    if (isFabroError(caught, 'replaceEnvironment'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 404 | 409 | 413 | 415 | 422 | 428 | 500>();
    if (isFabroError(caught, 'retrieveEnvironment')) expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 404 | 500>();
    if (isQoderError(caught, 'updateEnvironmentWithPost'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 403 | 404 | 413 | 415 | 429>();
    if (isLaunchDarklyError(caught, 'getEnvironment'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 403 | 404 | 429>();
    if (isLaunchDarklyError(caught, 'patchEnvironment'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 401 | 404 | 409 | 413 | 415 | 429>();
    if (isDatadogError(caught, 'GetFeatureFlagsEnvironment'))
      expectTypeOf(caught.status).toEqualTypeOf<400 | 403 | 404 | 429>();
  });

  test('switch on status narrows, and only 429 has rateLimit', () => {
    if (!isQoderError(caught, 'getEnvironment')) return;
    expectTypeOf(caught.type).toEqualTypeOf<QoderErrorType>();
    expectTypeOf(caught.body).toEqualTypeOf<QoderError>();
    expectTypeOf(caught.response).toEqualTypeOf<Response>();
    switch (caught.status) {
      case 429:
        expectTypeOf(caught.rateLimit).toEqualTypeOf<RateLimit>();
        expectTypeOf(caught.rateLimit.retryAfterMs).toEqualTypeOf<number | undefined>();
        break;
      case 404:
        expectTypeOf(caught.rateLimit).toEqualTypeOf<undefined>();
        break;
      // @ts-expect-error 403 is not documented for getEnvironment
      case 403:
        break;
      case 400:
      case 401:
        break;
      default:
        expectTypeOf(caught).toBeNever();
    }
  });

  test('the operation discriminates too', () => {
    if (!isFabroError(caught)) return;
    if (caught.operation === 'retrieveEnvironment') {
      // @ts-expect-error a GET has no 409
      if (caught.status === 409) return;
    } else {
      expectTypeOf(caught.operation).toEqualTypeOf<'replaceEnvironment'>();
      // Fabro sets `code` only where a client must tell causes apart.
      if (caught.status === 409) expectTypeOf(caught.code).toEqualTypeOf<string | undefined>();
    }
  });

  test('Fabro errors have no rateLimit: Fabro does not rate-limit', () => {
    if (!isFabroError(caught)) return;
    // @ts-expect-error no 429 is documented for any Fabro operation
    if (caught.status === 429) return;
    // @ts-expect-error FabroApiError has no rateLimit
    void caught.rateLimit;
  });

  test('vendor envelopes differ and narrow by vendor', () => {
    const error = caught as VendorApiError;
    switch (error.vendor) {
      case 'qoder':
        expectTypeOf(error.type).toEqualTypeOf<QoderErrorType>();
        break;
      case 'fabro':
        expectTypeOf(error.errors).toEqualTypeOf<
          Array<{ status: string; title: string; detail: string; code?: string; request_id: string }>
        >();
        break;
      case 'datadog':
        expectTypeOf(error.code).toEqualTypeOf<undefined>();
        if (error.status === 429) expectTypeOf(error.rateLimit).toEqualTypeOf<DatadogRateLimit>();
        break;
      case 'launchdarkly':
        expectTypeOf(error.code).toEqualTypeOf<string>();
        if (error.status === 429) expectTypeOf(error.rateLimit).toEqualTypeOf<LaunchDarklyRateLimit>();
        break;
      default:
        expectTypeOf(error).toBeNever();
    }
  });
});
