/**
 * `pnpm docs [--out <dir>]`: the HTML reference of every spec plus an index page, into
 * `build/docs/` by default. Open `build/docs/index.html` in a browser.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDocs } from './build.ts';

const usage = 'Usage: pnpm run docs [--out <dir>] [--root <repo>]';

function parseOrExit() {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { out: { type: 'string' }, root: { type: 'string' } },
    }).values;
  } catch (error) {
    // A mistyped flag is the user's mistake: say what is wrong and how to call it, no stack trace.
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

const values = parseOrExit();
const root = resolve(values.root ?? fileURLToPath(new URL('../../..', import.meta.url)));
const outDir = resolve(root, values.out ?? 'build/docs');

try {
  const result = await buildDocs({ root, outDir });
  for (const page of result.pages)
    console.log(
      `${page.vendor.padEnd(13)} ${relative(root, resolve(outDir, page.file))}  (${page.operations.length} operations)`,
    );
  console.log(`\nOpen ${relative(root, result.index)} in a browser.`);
} catch (error) {
  console.error(`pnpm docs failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
