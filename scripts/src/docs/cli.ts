/**
 * `pnpm docs [--out <dir>]`: the HTML reference of every spec plus an index page, into
 * `build/docs/` by default. Open `build/docs/index.html` in a browser.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDocs } from './build.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { out: { type: 'string' }, root: { type: 'string' } },
});
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
