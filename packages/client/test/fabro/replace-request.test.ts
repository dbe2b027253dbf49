import { describe, expect, it } from 'vitest';
import { replaceRequest, type FabroReplaceSettings } from '../../src/fabro/index.ts';
import { bundleOf, requestExample } from '@envspec/specs';

describe('replaceRequest', () => {
  const cases: Array<[string, { given: FabroReplaceSettings; want: unknown }]> = [
    [
      "only a Docker image: the body Fabro's own integration tests send",
      {
        given: { provider: 'docker', image: { docker: 'alpine:3.20' } },
        want: requestExample(bundleOf('fabro'), 'replaceEnvironment', 'defaults'),
      },
    ],
    [
      'an inline Dockerfile on Daytona with CIDR egress: the spec example, key for key',
      {
        given: {
          provider: 'daytona',
          image: {
            dockerfile: {
              type: 'inline',
              value:
                'FROM node:22-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates\nWORKDIR /workspace\n',
            },
          },
          resources: { cpu: 4, memory: '8GB', disk: '40GB' },
          network: { mode: 'cidr_allow_list', allow: ['140.82.112.0/20', '104.16.0.0/13'] },
          lifecycle: { preserve: true, stop_on_terminal: false, auto_stop: '2h' },
          labels: { team: 'platform' },
          volumes: [{ id: 'cache', mount_path: '/cache', subpath: 'npm' }],
          env: { NODE_ENV: 'ci' },
        },
        want: requestExample(bundleOf('fabro'), 'replaceEnvironment', 'inlineDockerfile'),
      },
    ],
    [
      'a volume without a subpath mounts its root',
      {
        given: { provider: 'local', volumes: [{ id: 'cache', mount_path: '/cache' }] },
        want: expect.objectContaining({ volumes: [{ id: 'cache', mount_path: '/cache', subpath: null }] }),
      },
    ],
    [
      'a partial setting keeps the defaults of its siblings',
      {
        given: { provider: 'docker', resources: { cpu: 2 }, lifecycle: { auto_stop: '30m' } },
        want: expect.objectContaining({
          resources: { cpu: 2, memory: null, disk: null },
          lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: '30m' },
          network: { mode: 'allow_all', allow: [] },
        }),
      },
    ],
  ];

  it.each(cases)('%s', (_, { given, want }) => {
    expect(replaceRequest(given)).toEqual(want);
  });

  it('shares nothing with the settings it was given', () => {
    const settings: FabroReplaceSettings = {
      provider: 'docker',
      labels: { team: 'a' },
      network: { allow: ['10.0.0.0/8'] },
    };
    const body = replaceRequest(settings);
    body.labels.team = 'b';
    body.network.allow.push('192.168.0.0/16');
    expect(settings).toEqual({ provider: 'docker', labels: { team: 'a' }, network: { allow: ['10.0.0.0/8'] } });
  });
});
