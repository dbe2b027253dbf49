/**
 * The vendor core runs in a browser: bundled for the browser platform, nothing it reaches (our
 * code or a dependency) may import a Node built-in, and none of our own code may use Node's
 * globals. esbuild refuses a `node:` or built-in import for the browser platform, so the bundle
 * failing is the check; the sources it read are then searched for `Buffer`, `process`, Express.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundleForBrowser(entryPoint: string) {
  return build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

describe('@envspec/vendors in a browser', () => {
  it('bundles for the browser platform without a Node built-in anywhere in its import graph', async () => {
    const result = await bundleForBrowser(entry);
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/fast-json-patch'))).toBe(true);
    expect(inputs.filter((input) => /(^|\/)node_modules\/(express|body-parser|helmet|pino)\//.test(input))).toEqual([]);
  });

  it("uses no Node global in envspec's own sources (vendors and the specs entry it imports)", async () => {
    const { metafile } = await bundleForBrowser(entry);
    const ours = Object.keys(metafile.inputs).filter(
      (input) => !input.includes('node_modules') && input.endsWith('.ts'),
    );
    expect(ours.length).toBeGreaterThan(30);
    const offenders = ours.filter((input) =>
      /\bBuffer\.|\bprocess\.|\brequire\(|\b__dirname\b|from 'node:/.test(
        readFileSync(input, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('would notice a Node import: the check is not vacuous', async () => {
    const probe = fileURLToPath(new URL('./fixtures/uses-node.ts', import.meta.url));
    await expect(bundleForBrowser(probe)).rejects.toThrow(/node:crypto/);
  });
});
