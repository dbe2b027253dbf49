import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { ApiError } from '../errors/api-error.ts';
import { updateWithRetry } from '../store/store.ts';
import type { OperationRequest, VendorOperation } from '../vendor-core.ts';
import { canonicalSettings } from './canonical-settings.ts';
import { etagOf, revisionFromIfMatch } from './etag.ts';
import { fabroEnvironment } from './revision.ts';
import { checkSettingsRules } from './settings-rules.ts';

type EnvironmentRequest<Body = unknown> = OperationRequest<Body, { id: string }>;

function notFound(id: string): never {
  throw new ApiError(404, `environment not found: ${id}`);
}

function stale(id: string): never {
  throw new ApiError(
    409,
    `environment revision is stale: ${id} (GET the environment, re-apply the change and send its new ETag as If-Match)`,
  );
}

/** Fabro's two operations: retrieve an environment with its ETag, replace it guarded by If-Match. */
export function fabroOperations(): Record<string, VendorOperation<FabroEnvironment, never>> {
  return {
    retrieveEnvironment: {
      async handle({ params }: EnvironmentRequest, { store }) {
        const found = await store.get(params.id);
        if (!found) notFound(params.id);
        return { status: 200, headers: { ETag: etagOf(found.value.revision) }, body: found.value };
      },
    },
    replaceEnvironment: {
      async handle({ params, header, body }: EnvironmentRequest<FabroReplaceEnvironmentRequest>, { store }) {
        const { id } = params;
        // Present and well-formed: request validation answered 428/400 otherwise.
        const sent = revisionFromIfMatch(header('if-match') ?? '');
        // Fabro resolves and checks the settings before it looks the environment up: a 422 wins over 404 and 409.
        const settings = canonicalSettings(body);
        checkSettingsRules(settings);
        const replacement = fabroEnvironment(id, settings);
        // The compare happens on every attempt against the version the compare-and-set is guarded by,
        // so it is atomic: a lost compare-and-set re-reads, and a revision changed meanwhile is a 409.
        const written = await updateWithRetry(
          store,
          id,
          ({ value }) => (value.revision === sent ? replacement : stale(id)),
          () => notFound(id),
        );
        return { status: 200, headers: { ETag: etagOf(written.value.revision) }, body: written.value };
      },
    },
  };
}
