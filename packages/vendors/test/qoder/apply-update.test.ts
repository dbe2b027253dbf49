import { describe, expect, it } from 'vitest';
import { bundleOf, responseExample } from '@envspec/specs';
import type { QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import { applyQoderUpdate } from '../../src/qoder/apply-update.ts';

const seeded = responseExample<QoderEnvironment>(bundleOf('qoder'), 'getEnvironment', '200');
const now = new Date('2026-06-01T12:00:00.000Z');
const cloud = seeded.config as Extract<QoderEnvironment['config'], { type: 'cloud' }>;
const selfHosted: QoderEnvironment = { ...seeded, config: { type: 'self_hosted' } };

describe("qoder's partial update", () => {
  const cases: Array<[string, QoderEnvironment, QoderUpdateEnvironmentRequest, Partial<QoderEnvironment>]> = [
    ['a new name', seeded, { name: 'renamed' }, { name: 'renamed' }],
    ['a null name leaves it', seeded, { name: null }, {}],
    ['a null scope leaves it', seeded, { scope: null }, {}],
    ['a new scope', seeded, { scope: 'account' }, { scope: 'account' }],
    ['a null description is stored as null', seeded, { description: null }, { description: null }],
    ['an empty description is stored as empty', seeded, { description: '' }, { description: '' }],
    [
      'metadata merges key by key; null and "" delete',
      seeded,
      { metadata: { team: null, owner: '', cost_center: 'cc-1' } },
      { metadata: { cost_center: 'cc-1' } },
    ],
    [
      'a cloud config merges into the cloud config: objects merge, lists replace',
      seeded,
      { config: { type: 'cloud', networking: { allowed_hosts: ['a.example'] }, packages: { npm: ['x'] } } },
      {
        config: {
          ...cloud,
          networking: { type: 'limited', allowed_hosts: ['a.example'] },
          packages: { apt: ['curl'], npm: ['x'] },
        },
      },
    ],
    [
      'a null setup_script removes it',
      { ...seeded, config: { ...cloud, setup_script: 'echo hi' } },
      { config: { type: 'cloud', setup_script: null } },
      { config: cloud },
    ],
    [
      'a self-hosted config replaces a cloud one',
      seeded,
      { config: { type: 'self_hosted' } },
      { config: { type: 'self_hosted' } },
    ],
    [
      'a cloud config replaces a self-hosted one, from empty networking and packages',
      selfHosted,
      { config: { type: 'cloud', setup_script: 'echo hi', packages: { pip: ['requests'] } } },
      { config: { type: 'cloud', setup_script: 'echo hi', networking: {}, packages: { pip: ['requests'] } } },
    ],
  ];
  it.each(cases)('%s', (_name, current, update, changed) => {
    expect(applyQoderUpdate(current, update, now)).toEqual({ ...current, ...changed, updated_at: now.toISOString() });
  });

  it('always answers description, metadata and archived_at, even when the stored environment lacks them', () => {
    const { description: _d, metadata: _m, archived_at: _a, ...bare } = seeded;
    const updated = applyQoderUpdate(bare as QoderEnvironment, { name: 'x' }, now);
    expect([updated.description, updated.metadata, updated.archived_at]).toEqual([null, {}, null]);
  });

  it('never writes through to the stored environment', () => {
    const current = structuredClone(seeded);
    applyQoderUpdate(current, { metadata: { team: null }, config: { type: 'cloud', packages: { apt: [] } } }, now);
    expect(current).toEqual(seeded);
  });
});
