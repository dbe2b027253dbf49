import type { Request, Response } from 'express';
import { resolve } from '@envspec/specs';
import type { LaunchDarklyEnvironment, LaunchDarklyJSONPatch } from '@envspec/types/launchdarkly';
import { ApiError } from '../http/api-error.ts';
import { expressPath } from '../http/express-path.ts';
import type { VendorModule } from '../http/vendor-module.ts';
import { responseExample } from '../seed/examples.ts';
import { updateWithRetry } from '../store/store.ts';
import { applyJsonPatch } from './apply-json-patch.ts';
import { launchDarklyDemoCredentials } from './credentials.ts';
import { createEnvironmentRules } from './environment-rules.ts';
import { adaptLaunchDarklyError, renderLaunchDarklyError } from './error-envelope.ts';
import { PatchTargets } from './patch-targets.ts';

const environmentPath = expressPath('/api/v2/projects/{projectKey}/environments/{environmentKey}');
type Params = { projectKey: string; environmentKey: string };
type EnvironmentRequest<Body = unknown> = Request<Params, LaunchDarklyEnvironment, Body>;

/** Keys match `^[A-Za-z0-9][A-Za-z0-9._-]*$` (the spec's parameter pattern), so `/` cannot be ambiguous. */
function storeKey({ projectKey, environmentKey }: Params): string {
  return `${projectKey}/${environmentKey}`;
}

function notFound({ projectKey, environmentKey }: Params): never {
  throw new ApiError(404, `Unknown environment '${environmentKey}' in project '${projectKey}'`);
}

const nothingApplied = 'no operation was applied';

export const launchDarklyModule: VendorModule<LaunchDarklyEnvironment> = {
  vendor: 'launchdarkly',
  demoCredentials: launchDarklyDemoCredentials,
  unauthenticatedStatus: 401,
  authHint: 'send your API access token in the Authorization header (no Bearer prefix)',
  // LaunchDarkly takes the access token as the whole header value, with no scheme.
  presentedSecret: (req) => req.get('authorization')?.trim() || undefined,
  adaptError: adaptLaunchDarklyError,
  renderError: renderLaunchDarklyError,
  // The spec documents the rate-limit headers on 429 only.
  rateLimitHeadersOnEveryResponse: false,
  rateLimitHeaders: (state, now) => ({
    // One limiter window per token covers both operations of the one route, so both counts agree.
    'X-Ratelimit-Global-Remaining': String(state.remaining),
    'X-Ratelimit-Route-Remaining': String(state.remaining),
    'X-Ratelimit-Reset': String(state.resetAt),
    'Retry-After': String(Math.max(1, Math.ceil((state.resetAt - now) / 1000))),
  }),
  seed(document) {
    const fixture = responseExample<LaunchDarklyEnvironment>(document, 'getEnvironment', '200');
    // The example names its project only in its self link.
    const projectKey = /^\/api\/v2\/projects\/([^/]+)\/environments\//.exec(fixture._links.self?.href ?? '')?.[1];
    if (!projectKey) throw new Error('the getEnvironment example has no _links.self.href naming its project');
    return [[storeKey({ projectKey, environmentKey: fixture.key }), fixture]];
  },
  routes(router, { store, document, limits }) {
    const environmentSchema = resolve<{ properties?: Record<string, unknown> }>(
      document,
      document.components?.schemas?.Environment as object,
    );
    const targets = new PatchTargets(Object.keys(environmentSchema.properties ?? {}));
    const rules = createEnvironmentRules(document);

    router.get(environmentPath, async (req: EnvironmentRequest, res: Response<LaunchDarklyEnvironment>) => {
      const found = await store.get(storeKey(req.params));
      if (!found) notFound(req.params);
      res.json(found.value);
    });

    router.patch(
      environmentPath,
      async (req: EnvironmentRequest<LaunchDarklyJSONPatch>, res: Response<LaunchDarklyEnvironment>) => {
        const operations = req.body;
        if (operations.length > limits.maxPatchOperations) {
          throw new ApiError(
            400,
            `the JSON Patch has ${operations.length} operations; at most ${limits.maxPatchOperations} are accepted per request: split it into smaller patches`,
          );
        }
        // Where a patch may write does not depend on the stored state, so it is checked once, up front.
        const problems = targets.problems(operations);
        if (problems.length > 0) throw new ApiError(400, `${problems.join('; ')}; ${nothingApplied}`);
        // A retry re-applies the whole patch (tests included) to the fresh state; a throw ends it.
        const updated = await updateWithRetry(
          store,
          storeKey(req.params),
          ({ value }) => {
            const patched = applyJsonPatch(value, operations);
            const broken = rules(patched);
            if (broken.length > 0)
              throw new ApiError(
                400,
                `the patched environment would be invalid: ${broken.join('; ')}; ${nothingApplied}`,
              );
            return patched;
          },
          () => notFound(req.params),
        );
        res.json(updated.value);
      },
    );
  },
};
