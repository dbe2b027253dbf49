import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patch } from '../../src/launchdarkly/index.ts';
import { jsonPatch } from '../../src/json-patch/patch-builder.ts';
import { bundlePath } from '@envspec/specs/files';

const examples = JSON.parse(readFileSync(bundlePath('launchdarkly'), 'utf8')).components.examples as Record<
  string,
  { value: unknown }
>;

describe('patch builder', () => {
  const cases: Array<[string, { built: { build(): unknown }; want: unknown }]> = [
    [
      'the spec’s PatchRename example',
      { built: patch().replace('/name', 'Production (EU)'), want: examples.PatchRename?.value },
    ],
    [
      'the spec’s PatchAddTagFirst example',
      { built: patch().add('/tags/0', 'critical-path'), want: examples.PatchAddTagFirst?.value },
    ],
    [
      'the spec’s PatchGuardedUpdate example',
      {
        built: patch().test('/critical', true).replace('/requireComments', false),
        want: examples.PatchGuardedUpdate?.value,
      },
    ],
    ['remove', { built: patch().remove('/tags/1'), want: [{ op: 'remove', path: '/tags/1' }] }],
    [
      'move and copy carry from',
      {
        built: patch().move('/tags/2', '/tags/0').copy('/name', '/tags/-'),
        want: [
          { op: 'move', from: '/tags/2', path: '/tags/0' },
          { op: 'copy', from: '/name', path: '/tags/-' },
        ],
      },
    ],
    [
      'a generic document',
      { built: jsonPatch<{ a: { b: number[] } }>().add('/a/b/-', 1), want: [{ op: 'add', path: '/a/b/-', value: 1 }] },
    ],
  ];

  it.each(cases)('%s', (_, { built, want }) => {
    expect(want).toBeDefined();
    expect(built.build()).toEqual(want);
    expect(JSON.parse(JSON.stringify(built))).toEqual(want);
  });

  it('is immutable: each call returns a new builder', () => {
    const base = patch().replace('/name', 'a');
    const longer = base.test('/critical', true);
    expect(base.operations).toHaveLength(1);
    expect(longer.operations).toHaveLength(2);
    expect(Object.isFrozen(base.operations)).toBe(true);
    longer.build().pop();
    expect(longer.operations).toHaveLength(2);
  });
});
