import type {
  DatadogEnvironment,
  DatadogEnvironmentResponse,
  DatadogUpdateEnvironmentRequest,
} from '@envspec/types/datadog';
import { ApiError } from '../errors/api-error.ts';
import { updateWithRetry } from '../store/store.ts';
import type { OperationRequest, VendorOperation } from '../vendor-core.ts';
import { applyDatadogUpdate } from './apply-update.ts';
import { canonicalEnvironmentId } from './environment-id.ts';

type EnvironmentRequest<Body = unknown> = OperationRequest<Body, { environment_id: string }>;

function notFound(id: string): never {
  throw new ApiError(404, `Environment ${id} not found`, { code: 'environment_not_found' });
}

function document(data: DatadogEnvironment): DatadogEnvironmentResponse {
  return { data };
}

/**
 * Datadog's two operations. The store holds the JSON:API resource (the document's `data`), not the
 * whole document: the `{data: ...}` wrapper is presentation that every response adds, and keeping
 * only the resource means an update can only ever touch the resource.
 */
export function datadogOperations(): Record<string, VendorOperation<DatadogEnvironment, never>> {
  return {
    GetFeatureFlagsEnvironment: {
      async handle({ params }: EnvironmentRequest, { store }) {
        const id = canonicalEnvironmentId(params.environment_id);
        const found = await store.get(id);
        if (!found) notFound(id);
        return { status: 200, body: document(found.value) };
      },
    },
    UpdateFeatureFlagsEnvironment: {
      async handle({ params, body }: EnvironmentRequest<DatadogUpdateEnvironmentRequest>, { store, now }) {
        const id = canonicalEnvironmentId(params.environment_id);
        const updated = await updateWithRetry(
          store,
          id,
          ({ value }) => applyDatadogUpdate(value, body, now()),
          () => notFound(id),
        );
        return { status: 200, body: document(updated.value) };
      },
    },
  };
}
