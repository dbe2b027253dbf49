/**
 * The rule table pins itself: every rule has cases, each case is a base/head pair that must report
 * the rule (or, for a false alarm it avoids, must not), and ids are unique.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments, documentFrom, rules } from '../src/index.ts';

const cases = rules.flatMap((entry) => entry.cases.map((ruleCase) => ({ id: entry.id, ...ruleCase })));

describe('the rule table', () => {
  it('has unique ids', () => {
    const ids = rules.map((entry) => entry.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('has at least one case that reports each rule', () => {
    const uncovered = rules
      .filter((entry) => !entry.cases.some((ruleCase) => ruleCase.reports !== false))
      .map((entry) => entry.id);
    expect(uncovered).toEqual([]);
  });

  it('gives every deliberate difference from oasdiff a reason and a different level', () => {
    for (const entry of rules) {
      if (!entry.oasdiff) continue;
      expect(entry.oasdiff.why.length, entry.id).toBeGreaterThan(40);
      expect(entry.oasdiff.level, entry.id).not.toBe(entry.level);
    }
  });
});

describe.each(cases)('$id: $name', ({ id, base, head, reports }) => {
  it(reports === false ? 'does not report' : 'reports', () => {
    const changes = diffDocuments(documentFrom(base, 'base.yaml'), documentFrom(head, 'head.yaml'));
    const ids = changes.map((change) => change.id);
    if (reports === false) expect(ids).not.toContain(id);
    else expect(ids, JSON.stringify(changes, null, 1)).toContain(id);
  });
});
