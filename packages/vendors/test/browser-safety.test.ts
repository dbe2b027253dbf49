/**
 * The vendor core runs in a browser: bundled for the browser platform, nothing it reaches (our
 * code or a dependency) may import a Node built-in, and none of our own code may use Node's
 * globals, Express or Node-only libraries.
 */
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '@envspec/testkit';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('@envspec/vendors in a browser', () => {
  it('bundles for the browser platform with no Node built-in, Express or Node global in its import graph', async () => {
    const bundle = await bundleForBrowser(entry);
    expect(bundle.inputs.some((input) => input.includes('node_modules/fast-json-patch'))).toBe(true);
    expect(bundle.inputs.filter((input) => /node_modules\/(express|body-parser|helmet|pino)\//.test(input))).toEqual(
      [],
    );
    expect(bundle.sources.length).toBeGreaterThan(30);
    expect(bundle.nodeUsers).toEqual([]);
  });

  it('would notice a Node import: the check is not vacuous', async () => {
    const probe = fileURLToPath(new URL('./fixtures/uses-node.ts', import.meta.url));
    await expect(bundleForBrowser(probe)).rejects.toThrow(/node:crypto/);
  });
});
