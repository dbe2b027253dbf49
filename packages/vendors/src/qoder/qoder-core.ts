import { responseExample } from '@envspec/specs';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { retryAfterHeaders } from '../rate-limit/retry-after.ts';
import type { VendorCore } from '../vendor-core.ts';
import { renderQoderError } from './error-envelope.ts';
import { qoderOperations } from './operations.ts';
import { qoderCredentials } from './qoder-credentials.ts';
import { requestIdFor } from '../protocol/request-id.ts';

export const qoderCore: VendorCore<QoderEnvironment, never> = {
  vendor: 'qoder',
  ports: { mock: 4010, server: 3010 },
  credentials: qoderCredentials,
  rateLimit: { headers: retryAfterHeaders, onEveryResponse: false },
  requestId: requestIdFor,
  options: {},
  // Qoder's envelope carries the shared wording and code as they are.
  adaptError: (error) => error,
  renderError: renderQoderError,
  fixtures(document) {
    const fixture = responseExample<QoderEnvironment>(document, 'getEnvironment', '200');
    return [[fixture.id, fixture]];
  },
  operations: qoderOperations,
};
