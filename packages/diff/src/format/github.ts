/**
 * `--format github`: GitHub Actions workflow commands, one per change, so each shows as an
 * annotation on the line of the spec it concerns (breaking → error, warning → warning, info → notice).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Change, Level, Origin } from '../change.ts';
import type { LoadedDocument } from '../document/load.ts';

const commands: Record<Level, string> = { breaking: 'error', warning: 'warning', info: 'notice' };

const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** Finds the line of a JSON pointer in YAML or JSON text; the closest existing parent when it is gone. */
function lineOf(text: string, pointer: string): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, keepSourceTokens: false });
  let node: unknown = document.contents;
  let line = 1;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    let next: unknown;
    if (isMap(node)) {
      const item = node.items.find(
        (pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key) === key,
      );
      if (item && (item.key as YamlNode | null)?.range)
        line = lineCounter.linePos((item.key as YamlNode).range![0]).line;
      next = item?.value;
    } else if (isSeq(node)) {
      next = node.items[Number(key)];
      if ((next as YamlNode | undefined)?.range) line = lineCounter.linePos((next as YamlNode).range![0]).line;
    }
    if (next === undefined) break;
    node = next;
  }
  return line;
}

export function formatGithub(changes: readonly Change[], documents: readonly LoadedDocument[] = []): string {
  const texts = new Map<string, string>();
  for (const document of documents)
    for (const file of document.files.values()) if (file.text) texts.set(file.name, file.text);
  const where = (origin: Origin | undefined) => {
    if (!origin) return '';
    const text = texts.get(origin.file);
    const line = text === undefined ? undefined : lineOf(text, origin.pointer);
    // A `git-ref:path` names the path in the repository, which is what annotations point at.
    const file = origin.file.replace(/^[^:/]+:(?=[^/])/, '');
    return `file=${escapeProperty(file)}${line ? `,line=${line}` : ''},`;
  };
  return changes
    .map((change) => {
      const title = escapeProperty(`${change.id}${change.operation ? ` ${change.operation}` : ''}`);
      return `::${commands[change.level]} ${where(change.origin)}title=${title}::${escapeData(`${change.location}: ${change.message}`)}`;
    })
    .map((line) => `${line}\n`)
    .join('');
}
