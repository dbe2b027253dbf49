import { resolve, type OpenApiDocument } from '@envspec/specs';
import type { LaunchDarklyEnvironment, LaunchDarklyJSONPatch } from '@envspec/types/launchdarkly';
import { ApiError } from '../errors/api-error.ts';
import { updateWithRetry } from '../store/store.ts';
import type { OperationRequest, VendorOperation } from '../vendor-core.ts';
import { applyJsonPatch } from './apply-json-patch.ts';
import { createEnvironmentRules } from './environment-rules.ts';
import { PatchTargets } from './patch-targets.ts';

type Params = { projectKey: string; environmentKey: string };
type EnvironmentRequest<Body = unknown> = OperationRequest<Body, Params>;

/** LaunchDarkly's own settings: the JSON Patch size cap. */
export type LaunchDarklyOption = 'maxPatchOperations';

/** Keys match `^[A-Za-z0-9][A-Za-z0-9._-]*$` (the spec's parameter pattern), so `/` cannot be ambiguous. */
export function launchDarklyStoreKey({ projectKey, environmentKey }: Params): string {
  return `${projectKey}/${environmentKey}`;
}

function notFound({ projectKey, environmentKey }: Params): never {
  throw new ApiError(404, `Unknown environment '${environmentKey}' in project '${projectKey}'`);
}

const nothingApplied = 'no operation was applied';

/**
 * LaunchDarkly's two operations: read an environment, and apply an RFC 6902 JSON Patch to it
 * atomically (every operation or none), within the fields a patch may write and LaunchDarkly's rules.
 */
export function launchDarklyOperations(
  document: OpenApiDocument,
): Record<string, VendorOperation<LaunchDarklyEnvironment, LaunchDarklyOption>> {
  const environmentSchema = resolve<{ properties?: Record<string, unknown> }>(
    document,
    document.components?.schemas?.Environment as object,
  );
  const targets = new PatchTargets(Object.keys(environmentSchema.properties ?? {}));
  const rules = createEnvironmentRules(document);

  return {
    getEnvironment: {
      async handle({ params }: EnvironmentRequest, { store }) {
        const found = await store.get(launchDarklyStoreKey(params));
        if (!found) notFound(params);
        return { status: 200, body: found.value };
      },
    },
    patchEnvironment: {
      async handle({ params, body: operations }: EnvironmentRequest<LaunchDarklyJSONPatch>, { store, options }) {
        if (operations.length > options.maxPatchOperations) {
          throw new ApiError(
            400,
            `the JSON Patch has ${operations.length} operations; at most ${options.maxPatchOperations} are accepted per request: split it into smaller patches`,
          );
        }
        // Where a patch may write does not depend on the stored state, so it is checked once, up front.
        const problems = targets.problems(operations);
        if (problems.length > 0) throw new ApiError(400, `${problems.join('; ')}; ${nothingApplied}`);
        // A retry re-applies the whole patch (tests included) to the fresh state; a throw ends it.
        const updated = await updateWithRetry(
          store,
          launchDarklyStoreKey(params),
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
          () => notFound(params),
        );
        return { status: 200, body: updated.value };
      },
    },
  };
}
