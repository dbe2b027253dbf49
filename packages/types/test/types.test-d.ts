/**
 * Type-level tests: the generated types must encode the seeds, so a body the vendor would reject
 * does not compile. Each `@ts-expect-error` fails this file if the line ever starts compiling.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DatadogEnvironmentAttributes,
  DatadogUpdateEnvironmentRequest,
  FabroEnvironment,
  FabroErrorObject,
  FabroReplaceEnvironmentRequest,
  LaunchDarklyEnvironment,
  LaunchDarklyPatchOperation,
  QoderEnvironment,
  QoderUpdateEnvironmentRequest,
} from '../src/index.ts';
import type { paths as QoderPaths } from '@envspec/types/qoder';

// Exactly what Fabro's own integration tests send.
const fabroBody = {
  provider: 'docker',
  image: { docker: 'alpine:3.20', dockerfile: null },
  resources: { cpu: null, memory: null, disk: null },
  network: { mode: 'allow_all', allow: [] },
  lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: null },
  labels: {},
  volumes: [],
  env: {},
} satisfies FabroReplaceEnvironmentRequest;

describe('qoder', () => {
  it('config is a cloud or a self-hosted config, told apart by type', () => {
    expectTypeOf<NonNullable<QoderUpdateEnvironmentRequest['config']>['type']>().toEqualTypeOf<
      'cloud' | 'self_hosted'
    >();
    const selfHosted: QoderUpdateEnvironmentRequest = { config: { type: 'self_hosted' } };
    // @ts-expect-error a self-hosted config has nothing else to set
    const selfHostedNetworking: QoderUpdateEnvironmentRequest = { config: { type: 'self_hosted', networking: {} } };
    // @ts-expect-error config.type must be "cloud" or "self_hosted"
    const wrong: QoderUpdateEnvironmentRequest = { config: { type: 'local' } };
    // @ts-expect-error config.type is required when config is sent
    const missing: QoderUpdateEnvironmentRequest = { config: { networking: { type: 'limited' } } };
    void selfHosted;
    void selfHostedNetworking;
    void wrong;
    void missing;
  });
  it('accepts what the SDKs send: nullable name, description and scope, every package list', () => {
    expectTypeOf<QoderUpdateEnvironmentRequest['description']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<QoderUpdateEnvironmentRequest['name']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<QoderUpdateEnvironmentRequest['scope']>().toEqualTypeOf<
      'organization' | 'account' | null | undefined
    >();
    const sdkBody = {
      config: {
        type: 'cloud',
        setup_script: 'corepack enable',
        networking: {
          type: 'limited',
          allowed_hosts: ['api.github.com'],
          allow_package_managers: true,
          allow_mcp_servers: true,
        },
        packages: {
          apt: ['git'],
          cargo: ['ripgrep'],
          gem: ['bundler'],
          go: ['gopls'],
          npm: ['tsx'],
          pip: ['requests'],
        },
      },
    } satisfies QoderUpdateEnvironmentRequest;
    void sdkBody;
  });
  it('the environment carries what the SDKs read', () => {
    expectTypeOf<QoderEnvironment['description']>().toEqualTypeOf<string | null>();
    expectTypeOf<QoderEnvironment['archived_at']>().toEqualTypeOf<string | null>();
    expectTypeOf<QoderEnvironment['scope']>().toEqualTypeOf<'organization' | 'account' | undefined>();
    expectTypeOf<QoderEnvironment['metadata']>().toEqualTypeOf<Record<string, string>>();
  });
  it('metadata values may be null (delete) in updates but not in the environment', () => {
    expectTypeOf<NonNullable<QoderUpdateEnvironmentRequest['metadata']>[string]>().toEqualTypeOf<string | null>();
    expectTypeOf<NonNullable<QoderEnvironment['metadata']>[string]>().toEqualTypeOf<string>();
  });
  it('PUT and POST take the same update request and answer the environment', () => {
    type Put = QoderPaths['/api/v1/cloud/environments/{environment_id}']['put'];
    type Post = QoderPaths['/api/v1/cloud/environments/{environment_id}']['post'];
    expectTypeOf<
      NonNullable<Put['requestBody']>['content']['application/json']
    >().toEqualTypeOf<QoderUpdateEnvironmentRequest>();
    expectTypeOf<
      NonNullable<Post['requestBody']>['content']['application/json']
    >().toEqualTypeOf<QoderUpdateEnvironmentRequest>();
    expectTypeOf<Put['responses'][200]['content']['application/json']>().toEqualTypeOf<QoderEnvironment>();
    expectTypeOf<Post['responses']>().toEqualTypeOf<Put['responses']>();
  });
  it('rejects unknown fields', () => {
    // @ts-expect-error unknown field
    const unknown: QoderUpdateEnvironmentRequest = { colour: 'red' };
    void unknown;
  });
});

describe('fabro', () => {
  it('a body missing provider does not compile', () => {
    const { provider: _omitted, ...withoutProvider } = fabroBody;
    // @ts-expect-error provider is required
    const body: FabroReplaceEnvironmentRequest = withoutProvider;
    void body;
  });
  it('provider is an enum', () => {
    expectTypeOf<FabroReplaceEnvironmentRequest['provider']>().toEqualTypeOf<'local' | 'docker' | 'daytona'>();
  });
  it('image carries both keys, each nullable, and only inline Dockerfiles', () => {
    const inline: FabroReplaceEnvironmentRequest['image'] = {
      docker: null,
      dockerfile: { type: 'inline', value: 'FROM node:20' },
    };
    // @ts-expect-error both keys are required (send null for the unused one)
    const dockerOnly: FabroReplaceEnvironmentRequest['image'] = { docker: 'alpine:3.20' };
    const local: FabroReplaceEnvironmentRequest['image'] = {
      docker: null,
      // @ts-expect-error local dockerfile paths are not accepted
      dockerfile: { type: 'path', path: './Dockerfile' },
    };
    void inline;
    void dockerOnly;
    void local;
  });
  it('network.mode is required and an enum', () => {
    expectTypeOf<FabroReplaceEnvironmentRequest['network']['mode']>().toEqualTypeOf<
      'allow_all' | 'block' | 'cidr_allow_list'
    >();
    // @ts-expect-error mode is required
    const network: FabroReplaceEnvironmentRequest['network'] = { allow: [] };
    void network;
  });
  it('resources and lifecycle have every field, nullable where Fabro says', () => {
    expectTypeOf<FabroReplaceEnvironmentRequest['resources']>().toEqualTypeOf<{
      cpu: number | null;
      memory: string | null;
      disk: string | null;
    }>();
    expectTypeOf<FabroReplaceEnvironmentRequest['lifecycle']['auto_stop']>().toEqualTypeOf<string | null>();
    expectTypeOf<FabroReplaceEnvironmentRequest['lifecycle']['preserve']>().toEqualTypeOf<boolean>();
    // @ts-expect-error a missing field is not the same as null
    const resources: FabroReplaceEnvironmentRequest['resources'] = { cpu: 2 };
    void resources;
  });
  it('an error entry has an optional code and a request id', () => {
    expectTypeOf<FabroErrorObject['code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FabroErrorObject['request_id']>().toEqualTypeOf<string>();
  });
  it('the environment carries a revision and the request does not accept an id', () => {
    expectTypeOf<FabroEnvironment['revision']>().toEqualTypeOf<string>();
    // @ts-expect-error the path id is authoritative
    const withId: FabroReplaceEnvironmentRequest = { ...fabroBody, id: 'other' };
    void withId;
  });
});

describe('datadog', () => {
  it('a body without data.type does not compile', () => {
    // @ts-expect-error data.type is required
    const body: DatadogUpdateEnvironmentRequest = { data: { attributes: { name: 'staging' } } };
    void body;
  });
  it('data.type is "environments"', () => {
    expectTypeOf<DatadogUpdateEnvironmentRequest['data']['type']>().toEqualTypeOf<'environments'>();
  });
  it('a returned description may be null', () => {
    expectTypeOf<DatadogEnvironmentAttributes['description']>().toEqualTypeOf<string | null | undefined>();
  });
});

describe('launchdarkly', () => {
  it('op is one of the six RFC 6902 operations', () => {
    expectTypeOf<LaunchDarklyPatchOperation['op']>().toEqualTypeOf<
      'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'
    >();
    // @ts-expect-error not an RFC 6902 op
    const op: LaunchDarklyPatchOperation = { op: 'merge', path: '/name', value: 'x' };
    void op;
  });
  it('the environment has its required fields', () => {
    expectTypeOf<LaunchDarklyEnvironment['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<LaunchDarklyEnvironment['critical']>().toEqualTypeOf<boolean>();
  });
});
