import { responseExample } from '@envspec/specs';
import type { DatadogEnvironment, DatadogEnvironmentResponse } from '@envspec/types/datadog';
import type { VendorCore } from '../vendor-core.ts';
import { adaptDatadogError } from './adapt-error.ts';
import { datadogCredentials } from './datadog-credentials.ts';
import { canonicalEnvironmentId } from './environment-id.ts';
import { renderDatadogError } from './error-envelope.ts';
import { datadogOperations } from './operations.ts';
import { datadogRateLimitHeaders } from './rate-limit-headers.ts';
import { requestIdFor } from '../protocol/request-id.ts';

export const datadogCore: VendorCore<DatadogEnvironment, never> = {
  vendor: 'datadog',
  ports: { mock: 4012, server: 3012 },
  credentials: datadogCredentials,
  rateLimit: { headers: datadogRateLimitHeaders, onEveryResponse: true },
  requestId: requestIdFor,
  options: {},
  adaptError: adaptDatadogError,
  renderError: renderDatadogError,
  fixtures(document) {
    // Both documented environments, so one without a description (`null`) can be read back too.
    return ['environment', 'withoutDescription'].map((name) => {
      const fixture = responseExample<DatadogEnvironmentResponse>(document, 'GetFeatureFlagsEnvironment', '200', name);
      return [canonicalEnvironmentId(fixture.data.id), fixture.data] as const;
    });
  },
  operations: datadogOperations,
};
