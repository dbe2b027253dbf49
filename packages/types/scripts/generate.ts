/**
 * Generates `src/generated/<vendor>.ts` from each committed spec bundle with openapi-typescript,
 * followed by friendly, vendor-prefixed aliases for every named schema.
 * `--check` writes nothing and fails, naming the fix, when a committed file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundlePath, vendors, type Vendor } from '@envspec/specs/vendors';

const check = process.argv.includes('--check');
const vendorPrefix: Record<Vendor, string> = {
  qoder: 'Qoder',
  fabro: 'Fabro',
  datadog: 'Datadog',
  launchdarkly: 'LaunchDarkly',
};

function generatedPath(vendor: Vendor): URL {
  return new URL(`../src/generated/${vendor}.ts`, import.meta.url);
}

async function render(vendor: Vendor): Promise<string> {
  const source = pathToFileURL(bundlePath(vendor));
  const spec = JSON.parse(await readFile(source, 'utf8')) as { components?: { schemas?: Record<string, unknown> } };
  const body = astToString(await openapiTS(source, { alphabetize: false, exportType: true }));
  const aliases = Object.keys(spec.components?.schemas ?? {})
    .map((name) => `export type ${vendorPrefix[vendor]}${name} = components['schemas']['${name}'];`)
    .join('\n');
  return [
    `// Generated from specs/bundled/${vendor}.json by packages/types/scripts/generate.ts. Do not edit.`,
    '// Regenerate with: pnpm generate',
    '',
    body.trimEnd(),
    '',
    '// Friendly names for every schema in the spec.',
    aliases,
    '',
  ].join('\n');
}

const stale: Vendor[] = [];
for (const vendor of vendors) {
  const text = await render(vendor);
  if (!check) {
    await writeFile(generatedPath(vendor), text);
    console.log(`generated packages/types/src/generated/${vendor}.ts`);
    continue;
  }
  const committed = await readFile(generatedPath(vendor), 'utf8').catch(() => '');
  if (committed !== text) stale.push(vendor);
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
