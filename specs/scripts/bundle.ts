/**
 * Bundles each vendor's split spec into `bundled/<vendor>.json` with the Redocly CLI.
 * `--check` bundles into a temporary folder and fails when a committed bundle is stale.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundlePath } from '../src/files.ts';
import { vendors, type Vendor } from '../src/vendors.ts';

const run = promisify(execFile);
const specsDir = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const outDir = check ? await mkdtemp(join(tmpdir(), 'envspec-bundle-')) : join(specsDir, 'bundled');

async function bundleOne(vendor: Vendor): Promise<string> {
  const output = join(outDir, `${vendor}.json`);
  try {
    await run('redocly', ['bundle', vendor, '--config', '../redocly.yaml', '--ext', 'json', '-o', output], {
      cwd: specsDir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    throw new Error(`redocly bundle ${vendor} failed:\n${stdout}${stderr}`);
  }
  return output;
}

try {
  const outputs = await Promise.all(vendors.map(bundleOne));
  if (!check) {
    for (const vendor of vendors) console.log(`bundled ${vendor} -> specs/bundled/${vendor}.json`);
  } else {
    const stale: Vendor[] = [];
    for (const [index, vendor] of vendors.entries()) {
      const fresh = await readFile(outputs[index]!, 'utf8');
      const committed = await readFile(bundlePath(vendor), 'utf8').catch(() => '');
      if (fresh !== committed) stale.push(vendor);
    }
    if (stale.length > 0) {
      console.error(
        `Spec bundles are out of date for: ${stale.join(', ')}.\n` +
          'Files under specs/<vendor>/ changed without regenerating. Fix with:\n\n    pnpm generate\n',
      );
      process.exitCode = 1;
    } else {
      console.log('spec bundles are up to date');
    }
  }
} finally {
  if (check) await rm(outDir, { recursive: true, force: true });
}
