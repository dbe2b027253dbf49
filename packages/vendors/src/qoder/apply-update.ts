import type { QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import { mergePatch } from '../json/merge-patch.ts';

/**
 * Qoder's merge update: omitted fields stay, nested objects merge, arrays replace, a `metadata`
 * key set to `null` is deleted (the spec allows `null` nowhere else), `updated_at` is refreshed.
 */
export function applyQoderUpdate(
  current: QoderEnvironment,
  update: QoderUpdateEnvironmentRequest,
  now: Date,
): QoderEnvironment {
  const merged = mergePatch(current, update);
  return {
    ...merged,
    id: current.id,
    type: current.type,
    created_at: current.created_at,
    updated_at: now.toISOString(),
  };
}
