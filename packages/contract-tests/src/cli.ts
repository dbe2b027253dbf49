/**
 * `pnpm test:contract --target=<kind>[,…] [--vendor=qoder[,…]] [vitest args]` (kinds: `targetKinds`, target.ts)
 * Runs the contract suites against the chosen targets (see the README for the url target's variables).
 * Every argument that is not `--target` or `--vendor` goes to vitest (pnpm drops a `--` before them).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Vendor } from '@envspec/specs/vendors';
import { parseVendors } from './targets/parse-vendors.ts';
import { parseTargetKinds, targetKinds, type TargetKind } from './targets/target.ts';
import { expectAnswering } from './targets/url-target.ts';

const usage = `Usage: pnpm test:contract --target=${targetKinds.join('|')}[,…] [--vendor=qoder[,…]] [vitest args, e.g. -t <name>]`;
const ownOptions = { target: { type: 'string' }, vendor: { type: 'string' } } as const;

function parseOrExit(args: string[]): {
  target: string;
  vendor?: string;
  kinds: TargetKind[];
  vendors: Vendor[];
  vitestArgs: string[];
} {
  try {
    // Not strict: options of vitest's are passed through; the tokens say which arguments are ours.
    const { values, tokens } = parseArgs({
      args,
      options: ownOptions,
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    const ours = new Set<number>();
    for (const token of tokens) {
      if (token.kind !== 'option' || !(token.name in ownOptions)) continue;
      if (typeof values[token.name] !== 'string') throw new Error(`--${token.name} needs a value`);
      ours.add(token.index);
      if (token.inlineValue === false) ours.add(token.index + 1);
    }
    const target = typeof values.target === 'string' ? values.target : 'mock,server';
    const vendor = typeof values.vendor === 'string' ? values.vendor : undefined;
    return {
      target,
      ...(vendor ? { vendor } : {}),
      kinds: parseTargetKinds(target),
      vendors: parseVendors(vendor),
      vitestArgs: args.filter((_, index) => !ours.has(index)),
    };
  } catch (error) {
    // A mistyped target or vendor is the user's mistake: say what is wrong and how to call it, no stack trace.
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

const { target, vendor, kinds, vendors, vitestArgs } = parseOrExit(process.argv.slice(2).filter((arg) => arg !== '--'));
// A url target is someone else's deployment: say so before vitest starts, in one line, if it is not there.
if (kinds.includes('url')) {
  try {
    await Promise.all(vendors.map(expectAnswering));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...vitestArgs], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: {
    ...process.env,
    CONTRACT_TARGET: target,
    ...(vendor ? { CONTRACT_VENDORS: vendor } : {}),
  },
});
process.exit(result.status ?? 1);
