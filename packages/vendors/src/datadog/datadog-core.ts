import { responseExample } from '@envspec/specs';
import type { DatadogEnvironment, DatadogEnvironmentResponse } from '@envspec/types/datadog';
import type { VendorCore } from '../vendor-core.ts';
import { adaptDatadogError } from './adapt-error.ts';
import { datadogCredentials } from './datadog-credentials.ts';
import { canonicalEnvironmentId } from './environment-id.ts';
import { renderDatadogError } from './error-envelope.ts';
import { datadogOperations } from './operations.ts';
import { datadogRateLimitHeaders } from './rate-limit-headers.ts';

export const datadogCore: VendorCore<DatadogEnvironment, never> = {
  vendor: 'datadog',
  ports: { mock: 4012, server: 3012 },
  credentials: datadogCredentials,
  rateLimit: { headers: datadogRateLimitHeaders, onEveryResponse: true },
  options: {},
  adaptError: adaptDatadogError,
  renderError: renderDatadogError,
  fixtures(document) {
    const fixture = responseExample<DatadogEnvironmentResponse>(document, 'GetFeatureFlagsEnvironment', '200').data;
    return [[canonicalEnvironmentId(fixture.id), fixture]];
  },
  operations: datadogOperations,
};
