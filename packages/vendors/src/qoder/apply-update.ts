import type {
  QoderEnvironment,
  QoderEnvironmentConfig,
  QoderEnvironmentConfigUpdate,
  QoderMetadata,
  QoderMetadataUpdate,
  QoderUpdateEnvironmentRequest,
} from '@envspec/types/qoder';
import { mergePatch } from '../json/merge-patch.ts';

/** Sets an own property even for a key such as `__proto__`, so a body can never reach a prototype. */
function define(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Metadata merged key by key: a key set to `null` or `""` is deleted, any other value set. */
function applyMetadata(current: QoderMetadata, update: QoderMetadataUpdate): QoderMetadata {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(current)) define(merged, key, value);
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === '') delete merged[key];
    else define(merged, key, value);
  }
  return merged;
}

/**
 * A config of the environment's current type merges into it (nested objects merge, lists replace,
 * a `null` `setup_script` is removed); a config of the other type replaces it whole, a cloud config
 * starting from empty `networking` and `packages` where the update leaves them out.
 */
function applyConfig(current: QoderEnvironmentConfig, update: QoderEnvironmentConfigUpdate): QoderEnvironmentConfig {
  if (update.type === current.type) return mergePatch(current, update);
  if (update.type === 'self_hosted') return { type: 'self_hosted' };
  const { setup_script, networking, packages } = update;
  return {
    type: 'cloud',
    ...(typeof setup_script === 'string' ? { setup_script } : {}),
    networking: structuredClone(networking ?? {}),
    packages: structuredClone(packages ?? {}),
  };
}

/**
 * Qoder's partial update: only the fields sent change. A `null` clears what can be empty (the
 * `description`, stored as `null`; a `metadata` key; `config.setup_script`) and leaves unchanged
 * what cannot (`name`, `scope`). `updated_at` is refreshed; `description`, `metadata` and
 * `archived_at` are always there, as the SDKs read them.
 */
export function applyQoderUpdate(
  current: QoderEnvironment,
  update: QoderUpdateEnvironmentRequest,
  now: Date,
): QoderEnvironment {
  const next: QoderEnvironment = structuredClone(current);
  if (typeof update.name === 'string') next.name = update.name;
  if (update.description !== undefined) next.description = update.description;
  if (typeof update.scope === 'string') next.scope = update.scope;
  if (update.config) next.config = applyConfig(current.config, update.config);
  if (update.metadata) next.metadata = applyMetadata(current.metadata ?? {}, update.metadata);
  return {
    ...next,
    description: next.description ?? null,
    metadata: next.metadata ?? {},
    archived_at: next.archived_at ?? null,
    updated_at: now.toISOString(),
  };
}
