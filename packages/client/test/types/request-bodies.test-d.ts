import { describe, expectTypeOf, test } from 'vitest';
import type { DatadogClient, DatadogEnvironment } from '../../src/datadog/index.ts';
import { createDatadogClient } from '../../src/datadog/index.ts';
import type { FabroClient, FabroEnvironment, FabroReplaceEnvironmentRequest } from '../../src/fabro/index.ts';
import { createFabroClient, replaceRequest } from '../../src/fabro/index.ts';
import type { LaunchDarklyClient, LaunchDarklyEnvironment } from '../../src/launchdarkly/index.ts';
import type { QoderClient, QoderEnvironment } from '../../src/qoder/index.ts';

declare const qoder: QoderClient;
declare const fabro: FabroClient;
declare const datadog: DatadogClient;
declare const launchDarkly: LaunchDarklyClient;
declare const body: FabroReplaceEnvironmentRequest;
declare const current: FabroEnvironment;

const qoderPath = '/api/v1/cloud/environments/{environment_id}';

describe('qoder', () => {
  test('the resource API resolves to the generated types', () => {
    expectTypeOf(qoder.environments.get).returns.resolves.toEqualTypeOf<QoderEnvironment>();
    expectTypeOf(qoder.environments.update).returns.resolves.toEqualTypeOf<QoderEnvironment>();
  });

  test('update takes what the SDKs send', () => {
    qoder.environments.update('env', { description: null, scope: 'account', metadata: { team: null, owner: '' } });
    qoder.environments.update('env', { config: { type: 'self_hosted' } });
    qoder.environments.update('env', {
      config: {
        type: 'cloud',
        setup_script: 'corepack enable',
        networking: { type: 'limited', allowed_hosts: ['api.github.com'], allow_mcp_servers: true },
        packages: { cargo: ['ripgrep'], gem: ['bundler'], go: ['gopls'] },
      },
    });
    // @ts-expect-error scope is organization or account
    qoder.environments.update('env', { scope: 'team' });
    // @ts-expect-error a self-hosted config has nothing else to set
    qoder.environments.update('env', { config: { type: 'self_hosted', setup_script: 'x' } });
  });

  test('the environment carries what the SDKs read', () => {
    expectTypeOf<QoderEnvironment['description']>().toEqualTypeOf<string | null>();
    expectTypeOf<QoderEnvironment['archived_at']>().toEqualTypeOf<string | null>();
  });

  test('update rejects unknown fields and wrong value types', () => {
    qoder.environments.update('env', { name: 'ok', metadata: { team: null } });
    // @ts-expect-error `nme` is not a field of UpdateEnvironmentRequest
    qoder.environments.update('env', { nme: 'x' });
    // @ts-expect-error name is a string
    qoder.environments.update('env', { name: 1 });
    // @ts-expect-error config.type is required whenever config is sent
    qoder.environments.update('env', { config: { networking: { type: 'limited' } } });
    // @ts-expect-error networking.type is an enum
    qoder.environments.update('env', { config: { type: 'cloud', networking: { type: 'open' } } });
  });

  test('the raw client checks paths, methods and body types', () => {
    qoder.PUT(qoderPath, { params: { path: { environment_id: 'env' } }, body: { name: 'x' } });
    qoder.PUT(qoderPath, {
      params: { path: { environment_id: 'env' } },
      // @ts-expect-error name is a string
      body: { name: 1 },
    });
    qoder.PUT(qoderPath, {
      params: { path: { environment_id: 'env' } },
      // @ts-expect-error config.type is required whenever config is sent
      body: { config: {} },
    });
    // openapi-fetch infers the init object generically, so it cannot flag an unknown body field
    // (openapi-ts/openapi-typescript#2329, #1769); the resource API above does.
    qoder.PUT(qoderPath, { params: { path: { environment_id: 'env' } }, body: { nme: 'x' } });
    // @ts-expect-error the path parameter is required
    qoder.GET(qoderPath, { params: { path: {} } });
    // The SDKs' POST takes the same body as PUT.
    qoder.POST(qoderPath, { params: { path: { environment_id: 'env' } }, body: { description: null } });
    qoder.POST(qoderPath, {
      params: { path: { environment_id: 'env' } },
      // @ts-expect-error name is a string (or null)
      body: { name: 1 },
    });
    // @ts-expect-error Qoder has no PATCH on this path
    qoder.PATCH(qoderPath, { params: { path: { environment_id: 'env' } } });
    // @ts-expect-error not a Qoder path
    qoder.GET('/api/v1/environments/{id}', { params: { path: { id: 'x' } } });
  });
});

describe('fabro', () => {
  test('replace needs a complete body without id and an If-Match', () => {
    fabro.environments.replace('ci', body, { ifMatch: '"abc"' });
    fabro.environments.replace('ci', body, { ifMatch: current });
    // @ts-expect-error ifMatch is required
    fabro.environments.replace('ci', body, {});
    // @ts-expect-error the options (with ifMatch) are required
    fabro.environments.replace('ci', body);
    const { provider: _provider, ...withoutProvider } = body;
    // @ts-expect-error every field is required
    fabro.environments.replace('ci', withoutProvider, { ifMatch: '"abc"' });
    // @ts-expect-error `id` is not part of the replace body
    fabro.environments.replace('ci', { ...body, id: 'ci' }, { ifMatch: '"abc"' });
    // @ts-expect-error provider is an enum
    fabro.environments.replace('ci', { ...body, provider: 'kubernetes' }, { ifMatch: '"abc"' });
  });

  test('updateWith hands over a replace draft and takes one back', () => {
    fabro.environments.updateWith('ci', (draft, current) => {
      expectTypeOf(draft).toEqualTypeOf<FabroReplaceEnvironmentRequest>();
      expectTypeOf(current).toEqualTypeOf<FabroEnvironment>();
    });
    // @ts-expect-error the change must return a replace body (or nothing)
    fabro.environments.updateWith('ci', () => ({ provider: 'docker' }));
  });

  test('a replace body is the environment without id and revision', () => {
    expectTypeOf<FabroReplaceEnvironmentRequest>().toEqualTypeOf<Omit<FabroEnvironment, 'id' | 'revision'>>();
  });

  test("a replace body carries Fabro's keys: network.mode, both image keys, every nullable setting", () => {
    fabro.environments.replace(
      'ci',
      {
        ...body,
        image: { docker: 'alpine:3.20', dockerfile: null },
        resources: { cpu: null, memory: null, disk: null },
        network: { mode: 'allow_all', allow: [] },
        lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: null },
      },
      { ifMatch: '"abc"' },
    );
    // @ts-expect-error network.mode is required
    fabro.environments.replace('ci', { ...body, network: { allow: [] } }, { ifMatch: '"abc"' });
    // @ts-expect-error image.dockerfile is required (null when unused)
    fabro.environments.replace('ci', { ...body, image: { docker: 'alpine:3.20' } }, { ifMatch: '"abc"' });
    fabro.environments.replace(
      'ci',
      // @ts-expect-error cpu is a number or null
      { ...body, resources: { cpu: '2', memory: null, disk: null } },
      { ifMatch: '"abc"' },
    );
  });

  test('replaceRequest builds a complete body from the settings you choose', () => {
    expectTypeOf(
      replaceRequest({ provider: 'docker', image: { docker: 'alpine:3.20' } }),
    ).toEqualTypeOf<FabroReplaceEnvironmentRequest>();
    // @ts-expect-error provider is required
    replaceRequest({ image: { docker: 'alpine:3.20' } });
    // @ts-expect-error network.mode is an enum
    replaceRequest({ provider: 'docker', network: { mode: 'open' } });
  });

  test('baseUrl is required: Fabro is self-hosted', () => {
    createFabroClient({ baseUrl: 'https://fabro.example.com', token: 't' });
    // @ts-expect-error baseUrl is required
    createFabroClient({ token: 't' });
  });
});

describe('datadog', () => {
  test('update takes the attributes and resolves to the environment', () => {
    expectTypeOf(datadog.environments.get).returns.resolves.toEqualTypeOf<DatadogEnvironment>();
    datadog.environments.update('id', { name: 'Staging', queries: ['env:staging'] });
    // @ts-expect-error key is read-only: not an updatable attribute
    datadog.environments.update('id', { key: 'staging' });
    // @ts-expect-error is_production is a boolean
    datadog.environments.update('id', { is_production: 'yes' });
  });

  test('the raw PUT needs the JSON:API document', () => {
    datadog.PUT('/api/v2/feature-flags/environments/{environment_id}', {
      params: { path: { environment_id: 'id' } },
      body: { data: { type: 'environments', attributes: { name: 'x' } } },
    });
    datadog.PUT('/api/v2/feature-flags/environments/{environment_id}', {
      params: { path: { environment_id: 'id' } },
      // @ts-expect-error data.type must be 'environments'
      body: { data: { type: 'environment', attributes: { name: 'x' } } },
    });
  });

  test('site is one of the enumerated sites, exclusive with baseUrl', () => {
    createDatadogClient({ site: 'datadoghq.eu', apiKey: 'a', appKey: 'b' });
    createDatadogClient({ site: 'uk1.datadoghq.com', apiKey: 'a', appKey: 'b' });
    createDatadogClient({ baseUrl: 'http://127.0.0.1:4012', apiKey: 'a', appKey: 'b' });
    // @ts-expect-error not a Datadog site
    createDatadogClient({ site: 'datadoghq.moon', apiKey: 'a', appKey: 'b' });
    // @ts-expect-error site and baseUrl together
    createDatadogClient({ site: 'datadoghq.eu', baseUrl: 'http://x', apiKey: 'a', appKey: 'b' });
    // @ts-expect-error the application key is required
    createDatadogClient({ apiKey: 'a' });
  });
});

describe('launchdarkly', () => {
  test('patch takes a builder or typed operations', () => {
    expectTypeOf(launchDarkly.environments.patch).returns.resolves.toEqualTypeOf<LaunchDarklyEnvironment>();
    launchDarkly.environments.patch('p', 'e', [{ op: 'replace', path: '/name', value: 'x' }]);
    // @ts-expect-error `upsert` is not a JSON Patch operation
    launchDarkly.environments.patch('p', 'e', [{ op: 'upsert', path: '/name', value: 'x' }]);
    // @ts-expect-error a patch is an array of operations
    launchDarkly.environments.patch('p', 'e', { op: 'replace', path: '/name', value: 'x' });
  });
});
