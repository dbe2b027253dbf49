/**
 * Datadog: read a feature-flag environment, update some attributes, and read a 429's rate-limit headers.
 *
 *   pnpm start                           # at the repo root
 *   pnpm exec tsx examples/datadog.ts    # in packages/client (DATADOG_URL=http://127.0.0.1:3012 for the server)
 *
 * In your code, import from '@envspec/client/datadog' and use `site` instead of `baseUrl`.
 */
import { createDatadogClient, isDatadogError } from '../src/datadog/index.ts';

const baseUrl = process.env.DATADOG_URL ?? 'http://127.0.0.1:4012';
const environmentId = '550e8400-e29b-41d4-a716-446655440001';
const datadog = createDatadogClient({ baseUrl, apiKey: 'dd_demo_api_key', appKey: 'dd_demo_app_key_write' });

const environment = await datadog.environments.get(environmentId);
console.log(`get    → ${environment.attributes.name} (production: ${environment.attributes.is_production})`);

const updated = await datadog.environments.update(environmentId, { require_feature_flag_approval: true });
console.log(`update → approval required: ${updated.attributes.require_feature_flag_approval}`);

try {
  await datadog.environments.get(environmentId, { headers: { Prefer: 'code=429' } });
} catch (error) {
  if (!isDatadogError(error, 'GetFeatureFlagsEnvironment') || error.status !== 429) throw error;
  const { name, limit, period, retryAfterMs } = error.rateLimit;
  console.log(`error  → 429 on '${name}' (${limit} per ${period} s): retry in ${retryAfterMs} ms`);
}
