import { readFileSync } from 'node:fs';

export interface BrowserBundle {
  /** Every file the bundle read, relative to the working directory. */
  inputs: string[];
  /** envspec's own TypeScript sources among them (not a dependency's). */
  sources: string[];
  /** Those of `sources` that use a Node global or import a Node module. */
  nodeUsers: string[];
}

const nodeUse = /\bBuffer\.|\bprocess\.|\brequire\(|\b__dirname\b|from 'node:/;
const comments = /\/\*[\s\S]*?\*\/|\/\/.*$/gm;

/**
 * Bundles `entry` for the browser platform with esbuild, which refuses a Node built-in anywhere in
 * the import graph (the promise rejects naming it), and reports which of envspec's own sources in
 * the bundle still use Node's globals. What "runs in a browser" means for a package's tests.
 */
export async function bundleForBrowser(entry: string): Promise<BrowserBundle> {
  // esbuild is an optional peer: the contract suites, which ship, use this package but never bundle.
  const { build } = await import('esbuild');
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(metafile.inputs);
  const sources = inputs.filter((input) => !input.includes('node_modules') && input.endsWith('.ts'));
  const nodeUsers = sources.filter((input) => nodeUse.test(readFileSync(input, 'utf8').replace(comments, '')));
  return { inputs, sources, nodeUsers };
}
