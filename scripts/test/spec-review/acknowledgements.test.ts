/**
 * `specs/breaking-changes.yaml` parsing: every entry needs vendor, operation, change and a real
 * reason; a broken entry is reported (and fails the review) instead of silently acknowledging.
 */
import { describe, expect, it } from 'vitest';
import { parseAcknowledgements } from '../../src/spec-review/acknowledgements.ts';

const entry =
  "  - vendor: qoder\n    operation: GET /a\n    change: 'property-removed: response 200 application/json body.x'\n";

const cases: Array<[string, { given: string; want: { entries: number; problem?: string } }]> = [
  ['an empty list', { given: 'acknowledged: []\n', want: { entries: 0 } }],
  ['an empty file', { given: '', want: { entries: 0 } }],
  [
    'a complete entry',
    { given: `acknowledged:\n${entry}    reason: Vendor removed it in v2.\n`, want: { entries: 1 } },
  ],
  [
    'a missing reason',
    { given: `acknowledged:\n${entry}`, want: { entries: 0, problem: 'entry 1: reason missing or empty' } },
  ],
  [
    'the TODO placeholder as reason',
    {
      given: `acknowledged:\n${entry}    reason: 'TODO: why this break is acceptable'\n`,
      want: { entries: 0, problem: 'still the TODO placeholder' },
    },
  ],
  [
    'an unknown vendor',
    {
      given: 'acknowledged:\n  - {vendor: acme, operation: GET /a, change: x, reason: y}\n',
      want: { entries: 0, problem: "unknown vendor 'acme'" },
    },
  ],
  [
    'a list that is not a list',
    { given: 'acknowledged: yes\n', want: { entries: 0, problem: "'acknowledged' must be a list" } },
  ],
  ['invalid YAML', { given: 'acknowledged: [\n', want: { entries: 0, problem: 'is not valid YAML' } }],
];

describe('parseAcknowledgements', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const result = parseAcknowledgements(given);
    expect(result.entries).toHaveLength(want.entries);
    if (want.problem) expect(result.problems.join('\n')).toContain(want.problem);
    else expect(result.problems).toEqual([]);
  });
});
