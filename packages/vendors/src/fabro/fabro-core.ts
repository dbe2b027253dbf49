import { responseExample } from '@envspec/specs';
import type { FabroEnvironment } from '@envspec/types/fabro';
import { retryAfterHeaders } from '../rate-limit/retry-after.ts';
import type { VendorCore } from '../vendor-core.ts';
import { adaptFabroError } from './adapt-error.ts';
import { renderFabroError } from './error-envelope.ts';
import { fabroCredentials } from './fabro-credentials.ts';
import { fabroOperations } from './operations.ts';
import { fabroEnvironment } from './revision.ts';

export const fabroCore: VendorCore<FabroEnvironment, never> = {
  vendor: 'fabro',
  ports: { mock: 4011, server: 3011 },
  credentials: fabroCredentials,
  rateLimit: { headers: retryAfterHeaders, onEveryResponse: false },
  options: {},
  adaptError: adaptFabroError,
  renderError: renderFabroError,
  fixtures(document) {
    // Re-derive the revision rather than trust the example's, so the stored revision is always ours
    // (a test checks the two agree).
    const {
      id,
      revision: _exampleRevision,
      ...definition
    } = responseExample<FabroEnvironment>(document, 'getEnvironment', '200');
    return [[id, fabroEnvironment(id, definition)]];
  },
  operations: fabroOperations,
};
