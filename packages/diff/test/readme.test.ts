/** The README's rule table and agreement figures are what the code says now. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readmeFile, renderReadme } from '../scripts/rule-table.ts';

it('README.md matches the rule table (pnpm --filter @envspec/diff generate)', () => {
  const current = readFileSync(readmeFile, 'utf8');
  expect(current).toBe(renderReadme(current));
});
