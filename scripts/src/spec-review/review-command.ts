/**
 * `envspec review [--base <git-ref>] [--out <file>] [--root <checkout>]` (`pnpm spec:review`):
 * lints every spec, checks bundles and generated types for drift, diffs each spec against the base
 * (default: the merge base with `main`) with @envspec/diff and type-checks the generated types'
 * consumers. Writes `spec-review.md`; exits 1 on lint errors, drift, unacknowledged breaking
 * changes or consumers that no longer compile, 2 when the review cannot run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { configureCommand } from '@envspec/cli-kit';
import { findCheckout } from '../checkout.ts';

export function createReviewCommand({ cwd = process.cwd() }: { cwd?: string } = {}): Command {
  return configureCommand(
    new Command('review').description(
      'Review the spec changes of an envspec checkout: lint, bundle and type drift, breaking changes against a base, dependents.',
    ),
  )
    .addOption(new Option('--base <git-ref>', 'compare with the merge base of HEAD and this ref (default main)'))
    .addOption(new Option('--out <file>', 'where the report goes, relative to the checkout').default('spec-review.md'))
    .addOption(new Option('--root <dir>', 'the checkout to review (default: the one around the working directory)'))
    .action(async (values: { base?: string; out: string; root?: string }) => {
      const root = findCheckout(values.root ?? cwd, values.root !== undefined);
      const out = resolve(root, values.out);
      // The review's tools (TypeScript, Redocly) load only to review.
      const [{ runReview }, { renderMarkdown }] = await Promise.all([import('./review.ts'), import('./markdown.ts')]);
      let review: Awaited<ReturnType<typeof runReview>>;
      try {
        review = await runReview({ root, ...(values.base ? { base: values.base } : {}) });
      } catch (error) {
        console.error(`spec review could not run: ${(error as Error).message}`);
        process.exitCode = 2;
        return;
      }
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
    });
}
