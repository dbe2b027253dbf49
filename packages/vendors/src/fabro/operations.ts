import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { ApiError } from '../errors/api-error.ts';
import { updateWithRetry } from '../store/store.ts';
import type { OperationRequest, VendorOperation } from '../vendor-core.ts';
import { etagOf, revisionFromIfMatch } from './etag.ts';
import { fabroEnvironment } from './revision.ts';

type EnvironmentRequest<Body = unknown> = OperationRequest<Body, { id: string }>;

function notFound(id: string): never {
  throw new ApiError(404, `Environment '${id}' does not exist.`, { code: 'not_found' });
}

function stale(sent: string, current: string): never {
  throw new ApiError(
    409,
    `If-Match revision "${sent}" is stale; the current revision is "${current}". GET the environment, re-apply your change, and send its ETag.`,
    { code: 'revision_mismatch' },
  );
}

/** Fabro's two operations: read an environment with its ETag, replace it guarded by If-Match. */
export function fabroOperations(): Record<string, VendorOperation<FabroEnvironment, never>> {
  return {
    getEnvironment: {
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
        const replacement = fabroEnvironment(id, body);
        // The compare happens on every attempt against the version the compare-and-set is guarded by,
        // so it is atomic: a lost compare-and-set re-reads, and a revision changed meanwhile is a 409.
        const written = await updateWithRetry(
          store,
          id,
          ({ value }) => (value.revision === sent ? replacement : stale(sent, value.revision)),
          () => notFound(id),
        );
        return { status: 200, headers: { ETag: etagOf(written.value.revision) }, body: written.value };
      },
    },
  };
}
