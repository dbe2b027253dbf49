/** All vendors at once: one list of handlers, per-vendor base URLs, one reset for every store. */
import { describe, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { readPath, updateRequest } from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';
import { defaultBaseUrl, envspecHandlers } from '../src/index.ts';
import { mswServer } from './support.ts';

const server = mswServer();

describe('envspecHandlers', () => {
  it('mocks every vendor at its host, or at the base URL given for it', async () => {
    const mocks = envspecHandlers({ baseUrls: { fabro: 'http://127.0.0.1:4011' } });
    server.use(...mocks.handlers);
    for (const vendor of vendors) {
      const base = vendor === 'fabro' ? 'http://127.0.0.1:4011' : defaultBaseUrl(vendor);
      expect(mocks.vendor(vendor).baseUrl).toBe(base);
      const response = await fetch(`${base}${readPath(vendor)}`, { headers: credentialHeaders(vendor) });
      expect(response.status, vendor).toBe(200);
    }
  });

  it('mocks only the vendors asked for', () => {
    const mocks = envspecHandlers({ vendors: ['qoder'], mode: 'examples' });
    expect(mocks.handlers).toHaveLength(1);
    expect(mocks.vendor('qoder').mode).toBe('examples');
    expect(() => mocks.vendor('fabro')).toThrow('fabro is not mocked here; mocked: qoder');
  });

  it("resets every vendor's store", async () => {
    const mocks = envspecHandlers();
    server.use(...mocks.handlers);
    const readAll = () =>
      Promise.all(
        vendors.map(async (vendor) =>
          (await fetch(`${defaultBaseUrl(vendor)}${readPath(vendor)}`, { headers: credentialHeaders(vendor) })).json(),
        ),
      );
    const fixtures = await readAll();
    for (const vendor of vendors) {
      const spec = updateRequest(vendor);
      const response = await fetch(`${defaultBaseUrl(vendor)}${spec.path}`, {
        method: spec.method,
        headers: { ...spec.headers, ...credentialHeaders(vendor), 'content-type': spec.contentType },
        body: JSON.stringify(spec.body),
      });
      expect(response.status, vendor).toBe(200);
    }
    expect(await readAll()).not.toEqual(fixtures);
    mocks.reset();
    expect(await readAll()).toEqual(fixtures);
  });
});
