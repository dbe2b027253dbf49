/** `--format markdown`: a summary line, then the changes by level, for a pull request comment or a terminal. */
import { type Change, type Level, levels } from '../change.ts';

const headings: Record<Level, string> = { breaking: '❌ Breaking', warning: '⚠️ Warnings', info: 'ℹ️ Info' };
const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

export function countByLevel(changes: readonly Change[]): Record<Level, number> {
  const counts: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const change of changes) counts[change.level] += 1;
  return counts;
}

export function summaryLine(changes: readonly Change[]): string {
  if (changes.length === 0) return 'No changes.';
  const counts = countByLevel(changes);
  return `${counts.breaking} breaking, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info.`;
}

/** One bullet: `` `PUT /a` `request application/json body.x`: message (`rule-id`) ``. */
export function changeLine(change: Change): string {
  const where = [change.operation && code(change.operation), code(change.location)].filter(Boolean).join(' ');
  return `- ${where}: ${change.message} (${code(change.id)})`;
}

export function formatMarkdown(changes: readonly Change[], title = 'API changes'): string {
  const lines = [`## ${title}`, '', summaryLine(changes), ''];
  for (const level of levels) {
    const group = changes.filter((change) => change.level === level);
    if (group.length === 0) continue;
    lines.push(`### ${headings[level]} (${group.length})`, '', ...group.map(changeLine), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
