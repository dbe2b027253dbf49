/**
 * The handlers run in a page's service worker setup: bundled for the browser platform (msw's
 * browser build included), nothing they reach may import a Node built-in, and none of envspec's
 * sources in the bundle may use Node's globals or the mock's node:http front and Prism engine.
 */
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '@envspec/testkit';
import { expect, it } from 'vitest';

it('bundles for the browser with no Node built-in and no Node global in its import graph', async () => {
  const bundle = await bundleForBrowser(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
  for (const reached of ['mock/src/stateful/', 'mock/src/examples/', 'vendors/src/', 'node_modules/msw/'])
    expect(
      bundle.inputs.some((input) => input.includes(reached)),
      reached,
    ).toBe(true);
  expect(bundle.inputs.filter((input) => /mock\/src\/(http|engine)\//.test(input))).toEqual([]);
  expect(bundle.inputs.filter((input) => input.includes('prism'))).toEqual([]);
  expect(bundle.nodeUsers).toEqual([]);
});
