/**
 * `pnpm test:contract --target=mock|stateful|server|proxy|url|msw|msw-examples[,…] [--vendor=qoder[,…]] [-- vitest args]`
 * Runs the contract suites against the chosen targets (see the README for the url target's variables).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseTargetKinds } from './targets/target.ts';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { target: { type: 'string', default: 'mock,server' }, vendor: { type: 'string' } },
  allowPositionals: true,
});
try {
  parseTargetKinds(values.target);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...positionals], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: {
    ...process.env,
    CONTRACT_TARGET: values.target,
    ...(values.vendor ? { CONTRACT_VENDORS: values.vendor } : {}),
  },
});
process.exit(result.status ?? 1);
