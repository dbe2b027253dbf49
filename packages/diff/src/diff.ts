/** Diffing two OpenAPI documents with the rule table. */
import type { Change } from './change.ts';
import { type LoadedDocument, loadDocument } from './document/load.ts';
import { rules as allRules } from './rules/index.ts';
import type { AnyRule } from './rules/rule.ts';
import { diffWith } from './walk/walker.ts';

export interface DiffOptions {
  /** The rules to apply; default: the whole table. */
  rules?: readonly AnyRule[];
}

/** Every change from `base` to `head`, in document order, each classified by its rule. */
export function diffDocuments(base: LoadedDocument, head: LoadedDocument, options: DiffOptions = {}): Change[] {
  return diffWith(base, head, options.rules ?? allRules);
}

export interface FileDiff {
  base: LoadedDocument;
  head: LoadedDocument;
  changes: Change[];
}

/** Loads both documents (paths or `git-ref:path`, relative to `cwd`) and diffs them. */
export async function diffFiles(
  base: string,
  head: string,
  options: DiffOptions & { cwd?: string } = {},
): Promise<FileDiff> {
  const cwd = options.cwd ? { cwd: options.cwd } : {};
  const [baseDocument, headDocument] = await Promise.all([loadDocument(base, cwd), loadDocument(head, cwd)]);
  return { base: baseDocument, head: headDocument, changes: diffDocuments(baseDocument, headDocument, options) };
}
