import { describe, expect, it } from 'vitest';
import { parseTurboSummary } from '../src/toolchain/bench-toolchain.ts';

describe('parseTurboSummary', () => {
  const cases: Array<
    [string, { given: string; want: { cached: number | null; total: number | null; failed: string[] } }]
  > = [
    [
      'a warm run',
      {
        given: ' Tasks:    30 successful, 30 total\nCached:    30 cached, 30 total\n  Time:    2.1s >>> FULL TURBO',
        want: { cached: 30, total: 30, failed: [] },
      },
    ],
    [
      'colours are ignored',
      { given: '\u001b[1mCached:    \u001b[0m0 cached, 28 total', want: { cached: 0, total: 28, failed: [] } },
    ],
    [
      'no summary (turbo failed early)',
      { given: 'ERROR  run failed', want: { cached: null, total: null, failed: [] } },
    ],
    [
      'failed tasks are named',
      {
        given:
          ' Tasks:    19 successful, 20 total\nCached:    0 cached, 20 total\n  Time:    2m33s\n Failed:    @envspec/mock#test\n',
        want: { cached: 0, total: 20, failed: ['@envspec/mock#test'] },
      },
    ],
  ];
  for (const [name, { given, want }] of cases) it(name, () => expect(parseTurboSummary(given)).toEqual(want));
});
