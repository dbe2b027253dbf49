/**
 * Fabro: read an environment with its ETag, replace it with If-Match, and do a read-modify-write
 * that survives concurrent writers.
 *
 *   pnpm start                         # at the repo root
 *   pnpm exec tsx examples/fabro.ts    # in packages/client (FABRO_URL=http://127.0.0.1:3011 for the server)
 *
 * In your code, import from '@envspec/client/fabro'.
 */
import { createFabroClient, isFabroError, replaceRequest, toReplaceRequest } from '../src/fabro/index.ts';

const baseUrl = process.env.FABRO_URL ?? 'http://127.0.0.1:4011';
const fabro = createFabroClient({ baseUrl, token: 'fabro_dev_demo_write' });

const { environment, etag } = await fabro.environments.getWithETag('ci-runner');
console.log(`get        → ${environment.id} on ${environment.provider}, ETag ${etag}`);

const body = toReplaceRequest(environment);
body.labels.owner = 'examples';
const replaced = await fabro.environments.replace('ci-runner', body, { ifMatch: etag });
console.log(`replace    → revision ${replaced.revision}`);

// GET, change, PUT with If-Match; on a 409 start over (at most 3 times by default).
const updated = await fabro.environments.updateWith('ci-runner', (draft) => {
  draft.env.LOG_LEVEL = 'debug';
});
console.log(`updateWith → env ${JSON.stringify(updated.env)}`);

// A body from scratch: every key Fabro expects, Fabro's defaults for what is not given.
const fresh = replaceRequest({ provider: 'docker', image: { docker: 'alpine:3.20' } });
const current = await fabro.environments.get('ci-runner');
const rebuilt = await fabro.environments.replace('ci-runner', fresh, { ifMatch: current });
console.log(`fresh body → network ${rebuilt.network.mode}, image ${rebuilt.image.docker}`);

// A stale If-Match is a typed 409 (on the mock, ask for it with `Prefer`). Fabro gives ordinary
// errors no `code`: tell them apart by status.
try {
  await fabro.environments.replace('ci-runner', body, { ifMatch: environment, headers: { Prefer: 'code=409' } });
} catch (error) {
  if (!isFabroError(error, 'replaceEnvironment') || error.status !== 409) throw error;
  console.log(`error      → 409 ${error.errors[0]?.title}: ${error.message} (request ${error.requestId})`);
}
