import { describe, expect, it } from 'vitest';
import { createDatadogClient, datadogSites } from '../../src/datadog/index.ts';
import { createFabroClient } from '../../src/fabro/index.ts';
import { createLaunchDarklyClient, launchDarklyBaseUrls } from '../../src/launchdarkly/index.ts';
import { createQoderClient } from '../../src/qoder/index.ts';
import { bundleOf, type Vendor } from '@envspec/specs';

/** The spec's servers other than the local mock and reference server. */
const publicServerUrls = (vendor: Vendor) =>
  (bundleOf(vendor).servers ?? []).map((server) => server.url).filter((url) => !url.startsWith('http://127.0.0.1'));

/** A fetch that records the request and answers 200 with `body`. */
function recordingFetch(body: unknown = {}) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json(body);
  };
  return { requests, fetch };
}

describe('base URLs and authentication', () => {
  const cases: Array<
    [
      string,
      {
        call: (fetch: (request: Request) => Promise<Response>) => Promise<unknown>;
        url: string;
        headers: Record<string, string>;
      },
    ]
  > = [
    [
      'qoder: public host, Bearer token',
      {
        call: (fetch) => createQoderClient({ token: 'pat', fetch }).environments.get('env_1'),
        url: 'https://openapi.qoder.sh/api/v1/cloud/environments/env_1',
        headers: { authorization: 'Bearer pat' },
      },
    ],
    [
      'fabro: the given server, Bearer token',
      {
        call: (fetch) =>
          createFabroClient({ baseUrl: 'https://fabro.internal/', token: 'fabro_dev_x', fetch }).environments.get('ci'),
        url: 'https://fabro.internal/api/v1/environments/ci',
        headers: { authorization: 'Bearer fabro_dev_x' },
      },
    ],
    [
      'datadog: default site, key pair',
      {
        call: (fetch) =>
          createDatadogClient({ apiKey: 'api', appKey: 'app', fetch }).GET(
            '/api/v2/feature-flags/environments/{environment_id}',
            { params: { path: { environment_id: 'u' } } },
          ),
        url: 'https://api.datadoghq.com/api/v2/feature-flags/environments/u',
        headers: { 'dd-api-key': 'api', 'dd-application-key': 'app' },
      },
    ],
    [
      'datadog: another site',
      {
        call: (fetch) =>
          createDatadogClient({ site: 'datadoghq.eu', apiKey: 'api', appKey: 'app', fetch }).GET(
            '/api/v2/feature-flags/environments/{environment_id}',
            { params: { path: { environment_id: 'u' } } },
          ),
        url: 'https://api.datadoghq.eu/api/v2/feature-flags/environments/u',
        headers: {},
      },
    ],
    [
      'datadog: the UK site',
      {
        call: (fetch) =>
          createDatadogClient({ site: 'uk1.datadoghq.com', apiKey: 'api', appKey: 'app', fetch }).GET(
            '/api/v2/feature-flags/environments/{environment_id}',
            { params: { path: { environment_id: 'u' } } },
          ),
        url: 'https://api.uk1.datadoghq.com/api/v2/feature-flags/environments/u',
        headers: {},
      },
    ],
    [
      'launchdarkly: Federal host',
      {
        call: (fetch) =>
          createLaunchDarklyClient({ apiKey: 'api-1', baseUrl: launchDarklyBaseUrls.federal, fetch }).environments.get(
            'p',
            'e',
          ),
        url: 'https://app.launchdarkly.us/api/v2/projects/p/environments/e',
        headers: { authorization: 'api-1' },
      },
    ],
    [
      'launchdarkly: public host, raw token',
      {
        call: (fetch) => createLaunchDarklyClient({ apiKey: 'api-1', fetch }).environments.get('p', 'e'),
        url: 'https://app.launchdarkly.com/api/v2/projects/p/environments/e',
        headers: { authorization: 'api-1' },
      },
    ],
    [
      'path parameters are encoded',
      {
        call: (fetch) => createQoderClient({ token: 't', fetch }).environments.get('a/b c'),
        url: 'https://openapi.qoder.sh/api/v1/cloud/environments/a%2Fb%20c',
        headers: {},
      },
    ],
    [
      'extra headers go on every request, under the credentials',
      {
        call: (fetch) =>
          createQoderClient({
            token: 't',
            fetch,
            headers: { 'X-Trace': '1', Authorization: 'overridden?' },
          }).environments.get('e'),
        url: 'https://openapi.qoder.sh/api/v1/cloud/environments/e',
        headers: { 'x-trace': '1', authorization: 'Bearer t' },
      },
    ],
  ];

  it.each(cases)('%s', async (_, { call, url, headers }) => {
    const { requests, fetch } = recordingFetch({ data: {} });
    await call(fetch);
    expect(requests[0]?.url).toBe(url);
    for (const [name, value] of Object.entries(headers)) expect(requests[0]?.headers.get(name)).toBe(value);
  });

  it('qoder updates with PUT, the documented method; the raw POST sends what the SDKs send', async () => {
    const { requests, fetch } = recordingFetch({ id: 'env_1' });
    const qoder = createQoderClient({ token: 't', fetch });
    await qoder.environments.update('env_1', { description: null });
    await qoder.POST('/api/v1/cloud/environments/{environment_id}', {
      params: { path: { environment_id: 'env_1' } },
      body: { description: null },
    });
    expect(requests.map((request) => request.method)).toEqual(['PUT', 'POST']);
    expect(await Promise.all(requests.map((request) => request.text()))).toEqual([
      '{"description":null}',
      '{"description":null}',
    ]);
  });

  it('a token function is read on every request', async () => {
    const { requests, fetch } = recordingFetch();
    let rotation = 0;
    const nextToken = async () => {
      rotation += 1;
      return `pat-${rotation}`;
    };
    const qoder = createQoderClient({ token: nextToken, fetch });
    await qoder.environments.get('e');
    await qoder.environments.get('e');
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual(['Bearer pat-1', 'Bearer pat-2']);
  });
});

describe('options that are wrong say what to do', () => {
  const cases: Array<[string, { create: () => unknown; message: RegExp }]> = [
    [
      'qoder without a token',
      { create: () => createQoderClient({ token: '' }), message: /'token' is required.*Authorization: Bearer/ },
    ],
    [
      'fabro without a baseUrl',
      {
        create: () => createFabroClient({ token: 't' } as never),
        message: /'baseUrl' is required: Fabro is self-hosted/,
      },
    ],
    [
      'datadog without an application key',
      {
        create: () => createDatadogClient({ apiKey: 'a' } as never),
        message: /'appKey' is required.*DD-APPLICATION-KEY/,
      },
    ],
    [
      'datadog with an unknown site',
      {
        create: () => createDatadogClient({ apiKey: 'a', appKey: 'b', site: 'datadoghq.moon' as never }),
        message: /unknown Datadog site 'datadoghq.moon': use one of datadoghq.com/,
      },
    ],
    [
      'launchdarkly without an apiKey',
      { create: () => createLaunchDarklyClient({} as never), message: /'apiKey' is required.*no Bearer/ },
    ],
  ];
  it.each(cases)('%s', (_, { create, message }) => expect(create).toThrow(message));
});

describe('public hosts', () => {
  it('the Datadog sites are the sites the spec enumerates', () => {
    const siteEnum = (bundleOf('datadog').servers?.[0]?.variables?.site as { enum?: string[] } | undefined)?.enum;
    expect([...datadogSites].sort()).toEqual([...(siteEnum ?? [])].sort());
  });

  it("the LaunchDarkly hosts are the spec's servers", () => {
    expect(Object.values(launchDarklyBaseUrls).sort()).toEqual(publicServerUrls('launchdarkly').sort());
  });
});
