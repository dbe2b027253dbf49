/**
 * LaunchDarkly: read an environment and change it with a compile-time-checked JSON Patch.
 *
 *   pnpm start                                # at the repo root
 *   pnpm exec tsx examples/launchdarkly.ts    # in packages/client (LAUNCHDARKLY_URL=http://127.0.0.1:3013 for the server)
 *
 * In your code, import from '@envspec/client/launchdarkly'.
 */
import { createLaunchDarklyClient, isLaunchDarklyError, patch } from '../src/launchdarkly/index.ts';

const baseUrl = process.env.LAUNCHDARKLY_URL ?? 'http://127.0.0.1:4013';
const launchDarkly = createLaunchDarklyClient({ baseUrl, apiKey: 'api-0000demo-write' });

const environment = await launchDarkly.environments.get('default', 'production');
console.log(`get   → ${environment.name}, tags ${JSON.stringify(environment.tags)}, critical ${environment.critical}`);

// Paths and value types are checked against the Environment type: '/nme' or a number for '/name' do not compile.
const changes = patch()
  .test('/critical', environment.critical)
  .replace('/name', 'Production (EU)')
  .add('/tags/-', 'eu');
const updated = await launchDarkly.environments.patch('default', 'production', changes);
console.log(`patch → ${updated.name}, tags ${JSON.stringify(updated.tags)}`);

// A failing `test` is a typed 409 and nothing is applied (on the mock, ask for it with `Prefer`).
try {
  await launchDarkly.environments.patch(
    'default',
    'production',
    patch().test('/critical', !environment.critical).replace('/name', 'never'),
    {
      headers: { Prefer: 'code=409' },
    },
  );
} catch (error) {
  if (!isLaunchDarklyError(error, 'patchEnvironment') || error.status !== 409) throw error;
  console.log(`error → 409 ${error.code}: ${error.message}`);
}
