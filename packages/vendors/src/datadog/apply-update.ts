import type {
  DatadogEnvironment,
  DatadogUpdateEnvironmentAttributes,
  DatadogUpdateEnvironmentRequest,
} from '@envspec/types/datadog';

/** The attributes a client may change; everything else (`key`, `description`, timestamps) is the server's. */
const updatable = [
  'name',
  'is_production',
  'queries',
  'require_feature_flag_approval',
] as const satisfies ReadonlyArray<keyof DatadogUpdateEnvironmentAttributes>;

/**
 * Datadog's partial update: each attribute present replaces the stored one (`queries` as a whole
 * list), omitted attributes stay, `updated_at` is refreshed. Only the known attributes are copied,
 * by name, so even a body that slipped past validation could not set `key` or `created_at`.
 */
export function applyDatadogUpdate(
  current: DatadogEnvironment,
  update: DatadogUpdateEnvironmentRequest,
  now: Date,
): DatadogEnvironment {
  const attributes: Record<string, unknown> = { ...current.attributes };
  const requested = update.data.attributes;
  for (const name of updatable) {
    if (Object.hasOwn(requested, name) && requested[name] !== undefined)
      attributes[name] = structuredClone(requested[name]);
  }
  return {
    id: current.id,
    type: current.type,
    attributes: { ...(attributes as DatadogEnvironment['attributes']), updated_at: now.toISOString() },
  };
}
