/**
 * What the page hard-codes, as a frontend app would configure it, still matches envspec: the demo
 * credentials, the ports `pnpm start` listens on, the vendor hosts the MSW handlers intercept by
 * default, the fixtures; and the committed service worker is the one the installed msw ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundleOf, vendors, type Vendor } from '@envspec/specs';
import { defaultBaseUrl } from '@envspec/msw';
import { defaultMockPorts, defaultServerPorts, demoCredential, vendorCore } from '@envspec/vendors';
import { baseUrlFor, chosenBackend, demoCredentials, fixtures, localPorts, vendorHosts } from '../src/backends.ts';

const secrets = {
  qoder: demoCredentials.qoder.token,
  fabro: demoCredentials.fabro.token,
  datadog: `${demoCredentials.datadog.apiKey}:${demoCredentials.datadog.appKey}`,
  launchdarkly: demoCredentials.launchdarkly.apiKey,
} satisfies Record<Vendor, string>;
const fixtureKeys = {
  qoder: fixtures.qoder,
  fabro: fixtures.fabro,
  datadog: fixtures.datadog,
  launchdarkly: `${fixtures.launchdarkly.projectKey}/${fixtures.launchdarkly.environmentKey}`,
} satisfies Record<Vendor, string>;

describe.each(vendors)('%s', (vendor) => {
  it("uses the vendor core's demo write credential", () => {
    expect(secrets[vendor]).toBe(demoCredential(vendor, 'write')?.secret);
  });

  it('calls the ports pnpm start listens on, and the host the handlers intercept', () => {
    expect(localPorts.mock[vendor]).toBe(defaultMockPorts[vendor]);
    expect(localPorts.server[vendor]).toBe(defaultServerPorts[vendor]);
    expect(vendorHosts[vendor]).toBe(defaultBaseUrl(vendor));
  });

  it('edits a fixture the mocks and servers are seeded with', () => {
    const keys = vendorCore(vendor)
      .fixtures(bundleOf(vendor))
      .map(([key]) => key);
    expect(keys).toContain(fixtureKeys[vendor]);
  });
});

describe('backend choice', () => {
  it.each([
    ['', 'msw'],
    ['?backend=server', 'server'],
    ['?backend=mock', 'mock'],
    ['?backend=prism', 'msw'],
  ])('reads %j as %s', (search, backend) => {
    expect(chosenBackend(search)).toBe(backend);
  });

  it('lets ?url.<vendor>= move one vendor', () => {
    expect(baseUrlFor('server', 'fabro', '?url.fabro=http://127.0.0.1:9')).toBe('http://127.0.0.1:9');
    expect(baseUrlFor('server', 'qoder', '?url.fabro=http://127.0.0.1:9')).toBe('http://127.0.0.1:3010');
    expect(baseUrlFor('msw', 'datadog')).toBe('https://api.datadoghq.com');
  });
});

it('commits the service worker of the installed msw (after an upgrade: pnpm exec msw init public)', () => {
  const shipped = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
  expect(readFileSync(new URL('../public/mockServiceWorker.js', import.meta.url), 'utf8')).toBe(
    readFileSync(shipped, 'utf8'),
  );
});
