/**
 * Generates `src/generated/<vendor>.ts` from each committed spec bundle with openapi-typescript,
 * followed by friendly, vendor-prefixed aliases for every named schema (see `render.ts`).
 * `--check` writes nothing and fails, naming the fix, when a committed file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { bundlePath } from '@envspec/specs/files';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import { generatedFile, renderIndex, renderVendor } from './render.ts';

const check = process.argv.includes('--check');

function generatedPath(name: Vendor | 'index'): URL {
  return new URL(`../${generatedFile(name)}`, import.meta.url);
}

const outputs: Array<[Vendor | 'index', string]> = [
  ...(await Promise.all(
    vendors.map(async (vendor) => [vendor, await renderVendor(vendor, bundlePath(vendor))] as [Vendor, string]),
  )),
  ['index', await renderIndex(bundlePath)],
];
const stale: string[] = [];
for (const [name, text] of outputs) {
  if (!check) {
    await writeFile(generatedPath(name), text);
    console.log(`generated packages/types/src/generated/${name}.ts`);
    continue;
  }
  const committed = await readFile(generatedPath(name), 'utf8').catch(() => '');
  if (committed !== text) stale.push(name);
}

if (stale.length > 0) {
  console.error(
    `Generated types are out of date for: ${stale.join(', ')}.\n` +
      'The spec bundles changed without regenerating the types. Fix with:\n\n    pnpm generate\n',
  );
  process.exitCode = 1;
} else if (check) {
  console.log('generated types are up to date');
}
