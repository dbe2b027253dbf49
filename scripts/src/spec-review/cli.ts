/**
 * `pnpm spec:review [--base <git-ref>] [--out <file>] [--root <repo>]`
 *
 * Lints every spec, checks bundles and generated types for drift, and diffs each spec against the
 * base (default: the merge base with `main`) with @envspec/diff, and type-checks the generated types'
 * consumers. Writes `spec-review.md` and exits 1 on lint errors, drift, unacknowledged breaking
 * changes or consumers that no longer compile.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = 'Usage: pnpm spec:review [--base <git-ref>] [--out <file>] [--root <repo>]';

function parseOrExit() {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        base: { type: 'string' },
        out: { type: 'string' },
        root: { type: 'string' },
      },
    }).values;
  } catch (error) {
    // A mistyped flag is the user's mistake: say what is wrong and how to call it, no stack trace.
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

const values = parseOrExit();
// Loaded once the arguments are known to be right: a usage error is answered before TypeScript and the diff load.
const [{ renderMarkdown }, { runReview }] = await Promise.all([import('./markdown.ts'), import('./review.ts')]);
const root = resolve(values.root ?? fileURLToPath(new URL('../../..', import.meta.url)));
const out = resolve(root, values.out ?? 'spec-review.md');

try {
  const review = await runReview({ root, ...(values.base ? { base: values.base } : {}) });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, renderMarkdown(review));
  for (const vendor of review.vendors) {
    const open = vendor.breaking.filter((change) => !change.acknowledged).length;
    console.log(
      `${vendor.vendor.padEnd(13)} lint ${vendor.lint.errors.length}E/${vendor.lint.warnings.length}W  drift ${vendor.drift.length}  ` +
        `breaking ${vendor.breaking.length} (${open} unacknowledged)  warnings ${vendor.warnings.length}  info ${vendor.info.length}`,
    );
  }
  const { dependents } = review;
  console.log(
    dependents.checked
      ? `dependents    ${dependents.problems.length} type error(s) in ${dependents.projects.join(', ')}`
      : `dependents    not type-checked: ${dependents.skipped}`,
  );
  console.log(`\nCompared with ${review.base.ref} (${review.base.commit.slice(0, 12)}). Report: ${out}`);
  if (review.failures.length > 0) {
    console.error(
      `\nSpec review failed:\n${review.failures.map((failure) => `  - ${failure}`).join('\n')}\nDetails and the acknowledgement snippet are in ${out}.`,
    );
    process.exitCode = 1;
  } else {
    console.log('Spec review passed.');
  }
} catch (error) {
  console.error(`spec review could not run: ${(error as Error).message}`);
  process.exitCode = 2;
}
