import type { QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import { ApiError } from '../errors/api-error.ts';
import { updateWithRetry } from '../store/store.ts';
import type { OperationRequest, VendorOperation } from '../vendor-core.ts';
import { applyQoderUpdate } from './apply-update.ts';

type EnvironmentRequest<Body = unknown> = OperationRequest<Body, { environment_id: string }>;

function notFound(id: string): never {
  throw new ApiError(404, `environment '${id}' does not exist`, { code: 'environment_not_found' });
}

/** Merges an update into the environment: what `PUT` and `POST` both do. */
const updateEnvironment: VendorOperation<QoderEnvironment, never> = {
  async handle({ params, body }: EnvironmentRequest<QoderUpdateEnvironmentRequest>, { store, now }) {
    const id = params.environment_id;
    const updated = await updateWithRetry(
      store,
      id,
      ({ value }) => applyQoderUpdate(value, body, now()),
      () => notFound(id),
    );
    return { status: 200, body: updated.value };
  },
};

/**
 * Qoder's operations: read an environment, and merge an update into it, with `PUT` (what its
 * documentation shows) or `POST` (what its SDKs send), the same semantics under two operationIds.
 */
export function qoderOperations(): Record<string, VendorOperation<QoderEnvironment, never>> {
  return {
    getEnvironment: {
      async handle({ params }: EnvironmentRequest, { store }) {
        const found = await store.get(params.environment_id);
        if (!found) notFound(params.environment_id);
        return { status: 200, body: found.value };
      },
    },
    updateEnvironment,
    updateEnvironmentWithPost: updateEnvironment,
  };
}
