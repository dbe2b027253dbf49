/**
 * The stateful and examples engines (`@envspec/mock/stateful`, `./examples`) run in a browser page, where MSW serves them:
 * bundled for the browser platform, nothing it reaches may import a Node built-in, and none of
 * envspec's sources in the bundle may use Node's globals or the mock's node:http front.
 */
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '@envspec/testkit';
import { expect, it } from 'vitest';

it.each(['stateful', 'examples'])(
  '%s bundles for the browser with no Node built-in and no Node global in its import graph',
  async (engine) => {
    const bundle = await bundleForBrowser(fileURLToPath(new URL(`../../src/${engine}/index.ts`, import.meta.url)));
    expect(bundle.inputs.some((input) => input.includes('vendors/src/'))).toBe(true);
    expect(bundle.inputs.filter((input) => /^src\/(http|engine)\//.test(input))).toEqual([]);
    expect(bundle.nodeUsers).toEqual([]);
  },
);
