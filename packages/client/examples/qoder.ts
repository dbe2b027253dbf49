/**
 * Qoder: read an environment, update it, and handle a typed error.
 *
 *   pnpm start                         # at the repo root: mocks on 4010-4013, servers on 3010-3013
 *   pnpm exec tsx examples/qoder.ts    # in packages/client (QODER_URL=http://127.0.0.1:3010 for the server)
 *
 * In your code, import from '@envspec/client/qoder' and '@envspec/client/retry'.
 */
import { createQoderClient, isQoderError } from '../src/qoder/index.ts';
import { retry } from '../src/retry/index.ts';

const baseUrl = process.env.QODER_URL ?? 'http://127.0.0.1:4010';
const environmentId = 'env_019e3bb39b6774d8878cd0b9d237574b';

const qoder = createQoderClient({ baseUrl, token: 'qoder_pat_demo_write' });
qoder.use(retry({ timeoutMs: 10_000 }));

const environment = await qoder.environments.get(environmentId);
console.log(`get     → ${environment.name} (${environment.status}), metadata ${JSON.stringify(environment.metadata)}`);

const updated = await qoder.environments.update(environmentId, {
  description: 'Updated by examples/qoder.ts',
  metadata: { owner: null },
});
console.log(`update  → ${updated.name}: ${updated.description}`);

// The Prism mock answers any documented status on request; the reference server ignores `Prefer`.
try {
  await qoder.environments.get('env_0000000000000000000000000000dead', { headers: { Prefer: 'code=404' } });
} catch (error) {
  if (!isQoderError(error, 'getEnvironment')) throw error;
  switch (error.status) {
    case 404:
      console.log(`error   → 404 ${error.type}: ${error.message} (request ${error.requestId})`);
      break;
    case 429:
      console.log(`error   → rate limited, retry in ${error.rateLimit.retryAfterMs} ms`);
      break;
    default:
      console.log(`error   → ${error.status} ${error.type}: ${error.message}`);
  }
}
