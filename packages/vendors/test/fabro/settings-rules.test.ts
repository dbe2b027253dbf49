import { describe, expect, it } from 'vitest';
import { bundleOf, requestExample } from '@envspec/specs';
import type { FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { canonicalSettings } from '../../src/fabro/canonical-settings.ts';
import { isCidr } from '../../src/fabro/cidr.ts';
import { checkSettingsRules } from '../../src/fabro/settings-rules.ts';

const document = bundleOf('fabro');
const defaults = requestExample<FabroReplaceEnvironmentRequest>(document, 'replaceEnvironment', 'defaults');
const dockerfile = requestExample<FabroReplaceEnvironmentRequest>(document, 'replaceEnvironment', 'inlineDockerfile');

/** The 422 detail for `settings`, or undefined when every rule holds. */
function refusal(settings: FabroReplaceEnvironmentRequest): string | undefined {
  try {
    checkSettingsRules(settings);
    return undefined;
  } catch (error) {
    expect((error as { status: number }).status).toBe(422);
    return (error as Error).message;
  }
}

describe('fabro settings rules', () => {
  const cases: Array<[string, FabroReplaceEnvironmentRequest, string | undefined]> = [
    ["the body Fabro's integration tests send", defaults, undefined],
    ['a Daytona snapshot from an inline Dockerfile with CIDR egress', dockerfile, undefined],
    [
      'docker with a CIDR allow-list',
      { ...defaults, network: { mode: 'cidr_allow_list', allow: ['10.0.0.0/8'] } },
      'environment settings are invalid: environment.network.mode: invalid value - docker environments cannot enforce CIDR allow-list networking',
    ],
    ['docker with egress blocked', { ...defaults, network: { mode: 'block', allow: [] } }, undefined],
    [
      'local with egress blocked',
      {
        ...defaults,
        provider: 'local',
        image: { docker: null, dockerfile: null },
        network: { mode: 'block', allow: [] },
      },
      'environment settings are invalid: environment.network.mode: invalid value - local environments cannot enforce blocked or CIDR allow-list networking',
    ],
    [
      'daytona with a Docker image',
      { ...dockerfile, image: { docker: 'alpine:3.20', dockerfile: null } },
      'environment settings are invalid: environment.image: invalid value - daytona environments do not support image.docker; use image.dockerfile for custom snapshots',
    ],
    [
      'every broken rule at once, in Fabro order',
      { ...defaults, network: { mode: 'cidr_allow_list', allow: ['10.0.0.0/8', 'github.com', '10.0.0.0/33'] } },
      'environment settings are invalid: environment.network.allow[1]: invalid value - invalid CIDR: github.com; environment.network.allow[2]: invalid value - invalid CIDR: 10.0.0.0/33; environment.network.mode: invalid value - docker environments cannot enforce CIDR allow-list networking',
    ],
  ];
  it.each(cases)('%s', (_name, settings, want) => {
    expect(refusal(settings)).toBe(want);
  });
});

describe('CIDR ranges as Fabro parses them', () => {
  it.each([
    ['140.82.112.0/20', true],
    ['10.0.0.1/8', true],
    ['0.0.0.0/0', true],
    ['2001:db8::/32', true],
    ['::ffff:10.0.0.0/104', true],
    ['10.0.0.0', false],
    ['10.0.0.0/33', false],
    ['010.0.0.0/8', false],
    ['10.0/8', false],
    ['fe80::1%eth0/64', false],
    ['2001:db8::/129', false],
    ['github.com', false],
  ])('%s: %s', (entry, want) => {
    expect(isCidr(entry)).toBe(want);
  });
});

describe('canonical settings', () => {
  it('stores sizes and durations in canonical form and leaves everything else as sent', () => {
    const sent: FabroReplaceEnvironmentRequest = {
      ...dockerfile,
      resources: { cpu: 4, memory: '4GiB', disk: ' 40 GB ' },
      lifecycle: { ...dockerfile.lifecycle, auto_stop: '120m' },
    };
    expect(canonicalSettings(sent)).toEqual({
      ...sent,
      resources: { cpu: 4, memory: '4294967296B', disk: '40GB' },
      lifecycle: { ...dockerfile.lifecycle, auto_stop: '2h' },
    });
  });

  it('keeps nulls', () => {
    expect(canonicalSettings(defaults)).toEqual(defaults);
  });

  it.each([
    [
      'a size past 64 bits',
      { resources: { cpu: null, memory: '20000000TiB', disk: null } },
      'Failed to deserialize the JSON body into the target type: resources.memory: size "20000000TiB": value overflows u64 bytes',
    ],
    [
      'a duration past 64 bits',
      { lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: '99999999999999999999m' } },
      'Failed to deserialize the JSON body into the target type: lifecycle.auto_stop: duration "99999999999999999999m": numeric portion is not a non-negative integer',
    ],
  ])('refuses %s with a 422', (_name, change, detail) => {
    expect(() => canonicalSettings({ ...defaults, ...change })).toThrow(
      expect.objectContaining({ status: 422, message: detail }),
    );
  });
});
