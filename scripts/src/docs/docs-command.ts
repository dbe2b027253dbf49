/**
 * `envspec docs [--out <dir>] [--root <checkout>]` (`pnpm run docs`): the HTML reference of every
 * spec plus an index page, into `build/docs/` of the checkout by default.
 */
import { relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { configureCommand } from '@envspec/cli-kit';
import { findCheckout } from '../checkout.ts';

export function createDocsCommand({ cwd = process.cwd() }: { cwd?: string } = {}): Command {
  return configureCommand(
    new Command('docs').description(
      'Build the HTML API reference of every spec (one self-contained page per vendor and an index).',
    ),
  )
    .addOption(new Option('--out <dir>', 'output folder, relative to the checkout').default('build/docs'))
    .addOption(
      new Option('--root <dir>', 'the checkout whose specs to render (default: the one around the working directory)'),
    )
    .action(async (values: { out: string; root?: string }) => {
      const root = findCheckout(values.root ?? cwd, values.root !== undefined);
      const outDir = resolve(root, values.out);
      const { buildDocs } = await import('./build.ts');
      const result = await buildDocs({ root, outDir });
      for (const page of result.pages)
        console.log(
          `${page.vendor.padEnd(13)} ${relative(root, resolve(outDir, page.file))}  (${page.operations.length} operations)`,
        );
      console.log(`\nOpen ${relative(root, result.index)} in a browser.`);
    });
}
