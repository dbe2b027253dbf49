import { responseExample } from '@envspec/specs';
import type { FabroEnvironment } from '@envspec/types/fabro';
import { newUuidV4 } from '../protocol/request-id.ts';
import type { VendorCore } from '../vendor-core.ts';
import { adaptFabroError } from './adapt-error.ts';
import { canonicalSettings } from './canonical-settings.ts';
import { renderFabroError } from './error-envelope.ts';
import { fabroCredentials } from './fabro-credentials.ts';
import { fabroOperations } from './operations.ts';
import { fabroEnvironment } from './revision.ts';

export const fabroCore: VendorCore<FabroEnvironment, never> = {
  vendor: 'fabro',
  ports: { mock: 4011, server: 3011 },
  credentials: fabroCredentials,
  // Fabro does not rate-limit these operations: no credential is ever throttled, no 429 answered.
  // Its request-id layer mints a fresh UUID for every request, whatever the client sent.
  requestId: () => newUuidV4(),
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
    } = responseExample<FabroEnvironment>(document, 'retrieveEnvironment', '200');
    return [[id, fabroEnvironment(id, canonicalSettings(definition))]];
  },
  operations: fabroOperations,
};
