import type { Vendor } from '@envspec/specs/vendors';

/** One request, sent over and over by the load generator; every variant must keep answering it with a 2xx. */
export interface Workload {
  method: 'PUT' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body: string;
}

const json = { 'Content-Type': 'application/json' };

/**
 * Each vendor's update operation with the demo write credential and the fixture seeded from the
 * spec's GET example (the same ids as the README's curls). Every request succeeds again and again:
 * Qoder and Datadog merge the same fields, LaunchDarkly replaces `/name` with the same value, and
 * Fabro replaces the environment with its own definition, which keeps its revision and so the
 * same `If-Match` (`fabroWorkload` builds it from a GET).
 */
export const workloads: Record<Exclude<Vendor, 'fabro'>, Workload> = {
  qoder: {
    method: 'PUT',
    path: '/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b',
    headers: { ...json, Authorization: 'Bearer qoder_pat_demo_write' },
    body: JSON.stringify({ description: 'Environment used for API documentation testing', metadata: { owner: null } }),
  },
  datadog: {
    method: 'PUT',
    path: '/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655440001',
    headers: { ...json, 'DD-API-KEY': 'dd_demo_api_key', 'DD-APPLICATION-KEY': 'dd_demo_app_key_write' },
    body: JSON.stringify({
      data: {
        type: 'environments',
        attributes: { name: 'production-environment', queries: ['production', 'prod-us'] },
      },
    }),
  },
  launchdarkly: {
    method: 'PATCH',
    path: '/api/v2/projects/default/environments/production',
    headers: { ...json, Authorization: 'api-0000demo-write' },
    body: JSON.stringify([{ op: 'replace', path: '/name', value: 'Production' }]),
  },
};

export const fabroPath = '/api/v1/environments/ci-runner';
export const fabroAuthorization = 'Bearer fabro_dev_demo_write';

/** Fabro's replace: the environment's own definition with the ETag of a GET against `baseUrl`. */
export async function fabroWorkload(baseUrl: string): Promise<Workload> {
  const response = await fetch(`${baseUrl}${fabroPath}`, { headers: { Authorization: fabroAuthorization } });
  const etag = response.headers.get('etag');
  if (!response.ok || !etag)
    throw new Error(`GET ${fabroPath} answered ${response.status} without an ETag: ${await response.text()}`);
  const { id: _id, revision: _revision, ...definition } = (await response.json()) as Record<string, unknown>;
  return {
    method: 'PUT',
    path: fabroPath,
    headers: { ...json, Authorization: fabroAuthorization, 'If-Match': etag },
    body: JSON.stringify(definition),
  };
}

/** The workload for `vendor`; Fabro's needs a running reference server to read the ETag from. */
export async function workloadFor(vendor: Vendor, referenceUrl: string): Promise<Workload> {
  return vendor === 'fabro' ? fabroWorkload(referenceUrl) : workloads[vendor];
}

/** The GET of each vendor's fixture with the headers of its update workload (credentials included). */
export function fixtureGet(vendor: Vendor): { path: string; headers: Record<string, string> } {
  if (vendor === 'fabro') return { path: fabroPath, headers: { Authorization: fabroAuthorization } };
  const { 'Content-Type': _contentType, ...headers } = workloads[vendor].headers;
  return { path: workloads[vendor].path, headers };
}
