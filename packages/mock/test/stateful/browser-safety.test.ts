/**
 * The stateful engine (`@envspec/mock/stateful`) runs in a browser page, where MSW will serve it:
 * bundled for the browser platform, nothing it reaches may import a Node built-in (esbuild refuses
 * one), and none of envspec's sources in the bundle may use Node's globals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('bundles for the browser with no Node built-in and no Node global in its import graph', async () => {
  const { errors, metafile } = await build({
    entryPoints: [fileURLToPath(new URL('../../src/stateful/index.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(errors).toEqual([]);
  const inputs = Object.keys(metafile.inputs);
  expect(inputs.some((input) => input.includes('vendors/src/'))).toBe(true);
  expect(inputs.filter((input) => /^src\/(http|engine)\//.test(input))).toEqual([]);
  const ours = inputs.filter((input) => !input.includes('node_modules') && input.endsWith('.ts'));
  const offenders = ours.filter((input) =>
    /\bBuffer\.|\bprocess\.|\brequire\(|\b__dirname\b|from 'node:/.test(
      readFileSync(input, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
    ),
  );
  expect(offenders).toEqual([]);
});
