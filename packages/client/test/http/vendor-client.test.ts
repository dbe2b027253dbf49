import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQoderClient } from '../../src/qoder/index.ts';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.ts';

// The default fetch sends openapi-fetch's requests as `fetch(url, init)` (bench/README.md): what is
// sent must be exactly what `fetch(request)` would send, whatever middleware did to the request.
const environmentId = 'env_019e3bb39b6774d8878cd0b9d237574b';
const environment = { id: environmentId, name: 'ci' };

describe('the default fetch of a vendor client', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
    server.script({ status: 200, body: environment });
  });
  afterAll(() => server.close());

  const last = () => server.received[server.received.length - 1]!;

  it('sends the method, path, JSON body and the headers middleware set', async () => {
    const client = createQoderClient({ baseUrl: server.url, token: 'pat', headers: { 'X-Team': 'platform' } });
    expect(await client.environments.update(environmentId, { name: 'ci', metadata: { owner: null } })).toEqual(
      environment,
    );
    expect(last()).toMatchObject({
      method: 'PUT',
      url: `/api/v1/cloud/environments/${environmentId}`,
      body: '{"name":"ci","metadata":{"owner":null}}',
    });
    expect(last().headers).toMatchObject({
      authorization: 'Bearer pat',
      'content-type': 'application/json',
      'x-team': 'platform',
    });
  });

  it('sends a Request that middleware replaced, body included', async () => {
    const client = createQoderClient({ baseUrl: server.url, token: 'pat' });
    client.use({
      async onRequest({ request }) {
        const body = JSON.stringify({ ...(await request.clone().json()), description: 'added by middleware' });
        return new Request(request, { body });
      },
    });
    await client.environments.update(environmentId, { name: 'ci' });
    expect(JSON.parse(last().body)).toEqual({ name: 'ci', description: 'added by middleware' });
    expect(last().headers.authorization).toBe('Bearer pat');
  });

  it('honours the call signal', async () => {
    const client = createQoderClient({ baseUrl: server.url, token: 'pat' });
    await expect(
      client.environments.update(environmentId, { name: 'ci' }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(/abort/i);
  });

  it('hands a fetch of the caller a Request, as documented', async () => {
    const seen: unknown[] = [];
    const client = createQoderClient({
      baseUrl: server.url,
      token: 'pat',
      fetch: (request) => {
        seen.push(request);
        return fetch(request);
      },
    });
    await client.environments.get(environmentId);
    expect(seen[0]).toBeInstanceOf(Request);
  });
});
