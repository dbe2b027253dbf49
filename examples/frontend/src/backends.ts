/**
 * Where the page sends each vendor's requests, and with which credentials, for each backend. The
 * credentials are envspec's documented demo ones (the mocks and the reference servers take them);
 * in your own app they would come from your configuration.
 */
import type { Vendor } from '@envspec/specs';

export type { Vendor };

export const backends = ['msw', 'mock', 'server'] as const;
export type Backend = (typeof backends)[number];

export const backendLabels: Record<Backend, string> = {
  msw: 'in-browser MSW mock (service worker, stateful)',
  mock: 'envspec mock server (pnpm start, 4010–4013)',
  server: 'reference server (pnpm start, 3010–3013)',
};

/** The vendors' own hosts: the MSW handlers intercept the requests a client sends to the real vendor. */
export const vendorHosts: Record<Vendor, string> = {
  qoder: 'https://openapi.qoder.sh',
  fabro: 'https://api.example.com',
  datadog: 'https://api.datadoghq.com',
  launchdarkly: 'https://app.launchdarkly.com',
};

/** What `pnpm start` listens on. */
export const localPorts: Record<Exclude<Backend, 'msw'>, Record<Vendor, number>> = {
  mock: { qoder: 4010, fabro: 4011, datadog: 4012, launchdarkly: 4013 },
  server: { qoder: 3010, fabro: 3011, datadog: 3012, launchdarkly: 3013 },
};

export const demoCredentials = {
  qoder: { token: 'qoder_pat_demo_write' },
  fabro: { token: 'fabro_dev_demo_write' },
  datadog: { apiKey: 'dd_demo_api_key', appKey: 'dd_demo_app_key_write' },
  launchdarkly: { apiKey: 'api-0000demo-write' },
} as const;

/** The fixture each card reads and edits (seeded from each spec's GET example). */
export const fixtures = {
  qoder: 'env_019e3bb39b6774d8878cd0b9d237574b',
  fabro: 'ci-runner',
  datadog: '550e8400-e29b-41d4-a716-446655440001',
  launchdarkly: { projectKey: 'default', environmentKey: 'production' },
} as const;

/** The backend chosen with `?backend=` (default the in-browser mock). */
export function chosenBackend(search: string): Backend {
  const chosen = new URLSearchParams(search).get('backend');
  return (backends as readonly string[]).includes(chosen ?? '') ? (chosen as Backend) : 'msw';
}

/** Where a vendor's requests go: `?url.fabro=http://…` overrides the backend's default (servers on other ports). */
export function baseUrlFor(backend: Backend, vendor: Vendor, search = ''): string {
  const override = new URLSearchParams(search).get(`url.${vendor}`);
  if (override) return override;
  return backend === 'msw' ? vendorHosts[vendor] : `http://127.0.0.1:${localPorts[backend][vendor]}`;
}
