/**
 * Type-level tests: the generated types must encode the seeds, so a body the vendor would reject
 * does not compile. Each `@ts-expect-error` fails this file if the line ever starts compiling.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DatadogUpdateEnvironmentRequest,
  FabroEnvironment,
  FabroReplaceEnvironmentRequest,
  LaunchDarklyEnvironment,
  LaunchDarklyPatchOperation,
  QoderEnvironment,
  QoderUpdateEnvironmentRequest,
} from '../src/index.ts';
import type { paths as QoderPaths } from '@envspec/types/qoder';

const fabroBody = {
  provider: 'docker',
  image: { docker: 'ghcr.io/fabro/ci-runner:1.5.0' },
  resources: { cpu: 2, memory: '4Gi', disk: '20Gi' },
  network: { allow: ['github.com'] },
  lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: '30m' },
  labels: { team: 'platform' },
  volumes: [{ id: 'cache', mount_path: '/cache' }],
  env: { NODE_ENV: 'ci' },
} satisfies FabroReplaceEnvironmentRequest;

describe('qoder', () => {
  it('config.type only accepts "cloud"', () => {
    expectTypeOf<NonNullable<QoderUpdateEnvironmentRequest['config']>['type']>().toEqualTypeOf<'cloud'>();
    // @ts-expect-error config.type must be "cloud"
    const wrong: QoderUpdateEnvironmentRequest = { config: { type: 'local' } };
    // @ts-expect-error config.type is required when config is sent
    const missing: QoderUpdateEnvironmentRequest = { config: { networking: { type: 'limited' } } };
    void wrong;
    void missing;
  });
  it('metadata values may be null (delete) in updates but not in the environment', () => {
    expectTypeOf<NonNullable<QoderUpdateEnvironmentRequest['metadata']>[string]>().toEqualTypeOf<string | null>();
    expectTypeOf<NonNullable<QoderEnvironment['metadata']>[string]>().toEqualTypeOf<string>();
  });
  it('the PUT operation takes the update request and answers the environment', () => {
    type Put = QoderPaths['/api/v1/cloud/environments/{environment_id}']['put'];
    expectTypeOf<Put['requestBody']>().toEqualTypeOf<{
      content: { 'application/json': QoderUpdateEnvironmentRequest };
    }>();
    expectTypeOf<Put['responses'][200]['content']['application/json']>().toEqualTypeOf<QoderEnvironment>();
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
  it('image is either a docker reference or an inline dockerfile', () => {
    const inline: FabroReplaceEnvironmentRequest['image'] = { dockerfile: { type: 'inline', value: 'FROM node:20' } };
    // @ts-expect-error local dockerfile paths are not accepted
    const local: FabroReplaceEnvironmentRequest['image'] = { dockerfile: { type: 'path', value: './Dockerfile' } };
    void inline;
    void local;
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
