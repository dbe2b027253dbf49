/**
 * `spec-review.md`: what a reviewer reads in the pull request (the sticky comment) or locally.
 */
import type { Change } from '@envspec/diff';
import { acknowledgementSnippet, acknowledgementsFile } from './acknowledgements.ts';
import type { Review, ReviewedChange, VendorReview } from './review.ts';

/** First line of the comment; the workflow finds its own comment by it. */
export const commentMarker = '<!-- envspec:spec-review -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

function byOperation<T extends Change>(changes: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const change of changes) {
    const key = change.operation
      ? `${code(change.operation)}${change.operationId ? ` (${code(change.operationId)})` : ''}`
      : 'The whole document';
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return groups;
}

function summaryRow(review: VendorReview): string {
  const lint = review.lint.failure
    ? '❌ did not run'
    : `${review.lint.errors.length > 0 ? '❌' : '✅'} ${review.lint.errors.length} errors, ${review.lint.warnings.length} warnings`;
  const drift = review.failure
    ? '❌ not checked'
    : review.drift.length > 0
      ? `❌ ${review.drift.length} stale`
      : '✅ none';
  const open = review.breaking.filter((change) => !change.acknowledged).length;
  const breaking = review.failure
    ? '❌ not diffed'
    : `${open > 0 ? '❌' : '✅'} ${review.breaking.length}${review.breaking.length > 0 ? ` (${review.breaking.length - open} acknowledged)` : ''}`;
  const count = (changes: Change[]) => (review.failure ? '–' : String(changes.length));
  return `| ${review.vendor} | ${lint} | ${drift} | ${breaking} | ${count(review.warnings)} | ${count(review.info)} |`;
}

function breakingSection(review: VendorReview): string[] {
  const lines = ['### Breaking changes', ''];
  if (review.breaking.length === 0) return [...lines, 'None.', ''];
  for (const [operation, changes] of byOperation<ReviewedChange>(review.breaking)) {
    lines.push(`#### ${operation}`, '');
    for (const change of changes) {
      const mark = change.acknowledged ? '✅ acknowledged' : '❌';
      lines.push(`- ${mark} ${code(change.location)}: ${change.message}.`);
      lines.push(`  Change: ${code(change.key)}`);
      if (change.acknowledged) lines.push(`  Reason: ${change.acknowledged.reason}`);
    }
    lines.push('');
  }
  const open = review.breaking.filter((change) => !change.acknowledged);
  if (open.length > 0) {
    lines.push(
      `If these breaks are intended, acknowledge them in ${code(acknowledgementsFile)} (under ${code('acknowledged:')}), each with its reason:`,
      '',
      '```yaml',
      acknowledgementSnippet(review.vendor, open),
      '```',
      '',
    );
  }
  return lines;
}

function changeSection(title: string, changes: Change[]): string[] {
  const lines = [`### ${title}`, ''];
  if (changes.length === 0) return [...lines, 'None.', ''];
  for (const [operation, group] of byOperation(changes)) {
    lines.push(`- ${operation}`);
    for (const change of group) lines.push(`  - ${code(change.location)}: ${change.message} (${code(change.id)})`);
  }
  return [...lines, ''];
}

function dependentsSection(review: Review): string[] {
  const { dependents } = review;
  const lines = ['## Dependents', ''];
  if (!dependents.checked) return [...lines, `Not type-checked: ${dependents.skipped}.`, ''];
  const projects = dependents.projects.map((project) => code(project)).join(', ');
  if (dependents.problems.length === 0)
    return [...lines, `✅ ${projects} compile against the new generated types.`, ''];
  lines.push(
    `❌ ${projects} no longer compile against the new generated types (acknowledged or not, this code breaks):`,
    '',
    '| where | error |',
    '| --- | --- |',
    ...dependents.problems.map((problem) => `| ${code(problem.location)} | ${cell(problem.message)} |`),
    '',
  );
  return lines;
}

function lintSection(review: VendorReview): string[] {
  const lines = ['### Lint', ''];
  if (review.lint.failure) return [...lines, 'Redocly lint did not run:', '', '```', review.lint.failure, '```', ''];
  const problems = [...review.lint.errors, ...review.lint.warnings];
  if (problems.length === 0) return [...lines, 'No problems (Redocly, `redocly.yaml` rules).', ''];
  lines.push('| severity | rule | where | message |', '| --- | --- | --- | --- |');
  for (const problem of problems) {
    lines.push(
      `| ${problem.severity} | ${code(problem.ruleId)} | ${code(cell(problem.location))} | ${cell(problem.message)} |`,
    );
  }
  return [...lines, '', 'Run `pnpm spec:lint` to see them locally.', ''];
}

function driftSection(review: VendorReview): string[] {
  const lines = ['### Bundle and generated types', ''];
  if (review.failure) return [...lines, `Not checked: ${review.failure}`, ''];
  if (review.drift.length === 0) return [...lines, 'Up to date.', ''];
  return [
    ...lines,
    `Stale: ${review.drift.map(code).join(', ')}. Run ${code('pnpm generate')} and commit the result.`,
    '',
  ];
}

function isQuiet(review: VendorReview): boolean {
  return (
    review.inBase &&
    !review.failure &&
    !review.lint.failure &&
    review.lint.errors.length + review.lint.warnings.length === 0 &&
    review.drift.length === 0 &&
    review.breaking.length + review.warnings.length + review.info.length === 0
  );
}

export function renderMarkdown(review: Review): string {
  const passed = review.failures.length === 0;
  const lines = [
    commentMarker,
    '# Spec review',
    '',
    passed
      ? '✅ **Passes**: no lint errors, no drift, no unacknowledged breaking changes, dependents compile.'
      : `❌ **Fails**: ${review.failures.join('; ')}.`,
    '',
    `Compared the working tree with ${code(review.base.ref)} (merge base ${code(review.base.commit.slice(0, 12))}). ` +
      'Breaking means an existing client can fail: on requests, the spec accepts less than before; on responses, it can send what it did not before or stops sending what it did. Warnings may break some clients; info cannot. Rules: `packages/diff/README.md`.',
    '',
    '| vendor | lint | drift | breaking | warnings | info |',
    '| --- | --- | --- | --- | --- | --- |',
    ...review.vendors.map(summaryRow),
    '',
  ];
  if (review.acknowledgementProblems.length > 0) {
    lines.push(
      '## Acknowledgement file problems',
      '',
      ...review.acknowledgementProblems.map((problem) => `- ❌ ${problem}`),
      '',
    );
  }
  if (review.sharedDrift.length > 0) {
    lines.push(`Stale shared file(s): ${review.sharedDrift.map(code).join(', ')}. Run ${code('pnpm generate')}.`, '');
  }
  for (const vendor of review.vendors) {
    lines.push(`## ${vendor.vendor} — ${vendor.title}`, '');
    if (isQuiet(vendor)) {
      lines.push('No changes against the base; lint clean; bundle and generated types up to date.', '');
      continue;
    }
    if (!vendor.inBase && !vendor.failure) lines.push('New spec: not present at the base.', '');
    lines.push(
      ...breakingSection(vendor),
      ...changeSection('Warnings', vendor.warnings),
      ...changeSection('Info', vendor.info),
      ...lintSection(vendor),
      ...driftSection(vendor),
    );
  }
  lines.push(...dependentsSection(review));
  if (review.unusedAcknowledgements.length > 0) {
    lines.push(
      '## Unused acknowledgements',
      '',
      `These entries in ${code(acknowledgementsFile)} match no change against this base; once the change they accepted is on the base branch they can be deleted:`,
      '',
      ...review.unusedAcknowledgements.map(
        (entry) => `- ${entry.vendor} ${code(entry.operation)} ${code(entry.change)}`,
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
