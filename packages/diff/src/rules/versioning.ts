/**
 * Versioning: `info.version` must say what kind of change the diff found — a major bump for a
 * breaking change (a minor bump below 1.0.0, where semver lets minor releases break), at least a
 * patch bump for any other change. Judged after every other rule has run.
 */
import semver from 'semver';
import type { Change } from '../change.ts';
import { isObject } from '../document/resolver.ts';
import type { Side } from '../walk/pairs.ts';
import { pair, query } from './fixtures.ts';
import { type OasdiffDifference, rule, type Rule } from './rule.ts';

function versionOf(side: Side): string | undefined {
  const info = side.document.root.info;
  const raw = isObject(info) && typeof info.version === 'string' ? info.version : undefined;
  if (!raw) return undefined;
  return semver.valid(raw) ?? semver.coerce(raw)?.version ?? undefined;
}

const withVersion = (fixture: Record<string, unknown>, version: string) => ({
  ...fixture,
  info: { ...(fixture.info as object), version },
});
const relevant = (changes: readonly Change[]) => changes.filter((change) => !change.id.startsWith('version-'));
const difference = (ids: string[]): OasdiffDifference => ({
  level: 'info',
  ids,
  why: 'oasdiff makes versioning info by default (quiet for teams that do not use semver); here it is a warning, so `--fail-on warning` enforces it, while `--fail-on breaking` does not fail on documentation alone.',
});

function versionRule(
  id: string,
  description: string,
  judge: (from: string, to: string, changes: readonly Change[]) => string | undefined,
  cases: Rule['cases'],
  ids: string[],
): Rule<'document'> {
  return rule({
    id,
    level: 'warning',
    location: 'document',
    description,
    oasdiff: difference(ids),
    cases,
    check({ base, head, changes }, emit) {
      const from = versionOf(base);
      const to = versionOf(head);
      if (!from || !to) return;
      const message = judge(from, to, relevant(changes));
      if (message) emit({ message, location: 'info.version', pointer: '/info/version' });
    },
  });
}

const breaking = (base: string, head: string) =>
  pair(
    `${base} → ${head} with a breaking change`,
    withVersion(query({ type: 'string' }), base),
    withVersion(query({ type: 'integer' }), head),
  );
const compatible = (base: string, head: string) =>
  pair(
    `${base} → ${head} with an info change`,
    withVersion(query({ type: 'string' }), base),
    withVersion(query({ type: 'string' }, { deprecated: true }), head),
  );

export const versioningRules: Rule<'document'>[] = [
  versionRule(
    'version-major-bump-missing',
    'A breaking change without a major bump of `info.version` (a minor bump below 1.0.0): clients that trust semver upgrade into a break.',
    (from, to, changes) => {
      if (!changes.some((change) => change.level === 'breaking') || semver.lt(to, from)) return undefined;
      const needed = semver.major(from) === 0 ? semver.inc(from, 'minor')! : semver.inc(from, 'major')!;
      if (semver.gte(to, needed)) return undefined;
      return `breaking changes need a ${semver.major(from) === 0 ? 'minor (0.x)' : 'major'} version bump: info.version ${needed} or later, not ${to}`;
    },
    [
      breaking('1.2.3', '1.3.0'),
      breaking('0.4.0', '0.4.1'),
      pair(
        '2.0.0 is a major bump',
        withVersion(query({ type: 'string' }), '1.2.3'),
        withVersion(query({ type: 'integer' }), '2.0.0'),
        false,
      ),
    ],
    ['api-major-version-not-bumped'],
  ),
  versionRule(
    'version-bump-missing',
    'The document changed (without breaking anything) but `info.version` did not: it needs at least a patch (or minor) bump.',
    (from, to, changes) => {
      if (changes.length === 0 || from !== to || changes.some((change) => change.level === 'breaking'))
        return undefined;
      return `the document changed but info.version is still ${to}: it needs a minor or patch bump`;
    },
    [
      compatible('1.2.3', '1.2.3'),
      pair(
        'a patch bump is enough',
        withVersion(query({ type: 'string' }), '1.2.3'),
        withVersion(query({ type: 'string' }, { deprecated: true }), '1.2.4'),
        false,
      ),
    ],
    ['api-version-not-bumped'],
  ),
  versionRule(
    'version-decreased',
    '`info.version` went down.',
    (from, to) => (semver.lt(to, from) ? `info.version decreased from ${from} to ${to}` : undefined),
    [compatible('1.2.3', '1.2.0')],
    ['api-version-decreased'],
  ),
];
