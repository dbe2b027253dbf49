/**
 * `pnpm spec:review` end to end, the way a reviewer meets it: a scratch git repository holding a
 * copy of this repo's specs and generated types, a branch that removes a response field, and the
 * real CLI run against `main` — first failing and naming the field and the operations, then
 * passing once the break is acknowledged in `specs/breaking-changes.yaml`.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { generatedFile, renderIndex, renderVendor } from '@envspec/types/render';
import { bundle, renderMarkdown, runReview } from '../../src/spec-review/index.ts';

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const scriptsDir = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../src/spec-review/cli.ts', import.meta.url));

const operations = ['GET', 'PUT', 'POST'].map((method) => `${method} /api/v1/cloud/environments/{environment_id}`);
const removedChange = 'property-removed: response 200 application/json body.scope';

let scratch: string;

async function git(...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd: scratch });
  return stdout.trim();
}

/** Runs the CLI as `pnpm spec:review` does; returns its exit code, console output and the report. */
async function review(...args: string[]): Promise<{ code: number; output: string; markdown: string }> {
  const result = await exec(process.execPath, ['--import', 'tsx', cli, '--root', scratch, ...args], {
    cwd: scriptsDir,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
  return { ...result, markdown: await readFile(join(scratch, 'spec-review.md'), 'utf8') };
}

/** The same review in-process (no CLI start-up): for the scenarios whose exit code is not the point. */
async function reviewInProcess(): Promise<{ failures: string[]; markdown: string }> {
  const result = await runReview({ root: scratch, base: 'main' });
  return { failures: result.failures, markdown: renderMarkdown(result) };
}

/** Deletes `key` at `path` in a YAML file of the scratch repo, keeping its comments and layout. */
async function deleteIn(file: string, path: string[]): Promise<void> {
  const full = join(scratch, file);
  const document = parseDocument(await readFile(full, 'utf8'));
  expect(document.hasIn(path), `${file} has ${path.join('.')}`).toBe(true);
  document.deleteIn(path);
  await writeFile(full, document.toString());
}

/** What `pnpm generate` does for one vendor, inside the scratch repo (the index lists every vendor's names). */
async function regenerate(vendor: 'qoder'): Promise<void> {
  const bundled = (name: string) => join(scratch, 'specs', 'bundled', `${name}.json`);
  await bundle(scratch, vendor, bundled(vendor));
  await writeFile(
    join(scratch, 'packages', 'types', generatedFile(vendor)),
    await renderVendor(vendor, bundled(vendor)),
  );
  await writeFile(join(scratch, 'packages', 'types', generatedFile('index')), await renderIndex(bundled));
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'envspec-review-e2e-'));
  const skip = (source: string) => !source.includes(`${join('specs', 'node_modules')}`);
  await cp(join(repoRoot, 'redocly.yaml'), join(scratch, 'redocly.yaml'));
  await cp(join(repoRoot, 'specs'), join(scratch, 'specs'), { recursive: true, filter: skip });
  await cp(
    join(repoRoot, 'packages', 'types', 'src', 'generated'),
    join(scratch, 'packages', 'types', 'src', 'generated'),
    { recursive: true },
  );
  await git('init', '--quiet', '--initial-branch=main');
  await git('-c', 'user.name=envspec', '-c', 'user.email=envspec@example.invalid', 'add', '--all');
  await git(
    '-c',
    'user.name=envspec',
    '-c',
    'user.email=envspec@example.invalid',
    'commit',
    '--quiet',
    '--message',
    'base',
  );
  await git('checkout', '--quiet', '-b', 'scratch');
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// Each review runs Redocly a few times; under a full `pnpm test` the machine is shared with every
// other package's tests, hence the generous per-test limit.
describe('pnpm spec:review in a scratch branch', { timeout: 240_000 }, () => {
  it('passes with nothing changed', async () => {
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(0);
    expect(markdown).toContain('✅ **Passes**');
  });

  it('fails on a removed response field, naming the field and the operations', async () => {
    await deleteIn('specs/qoder/components/schemas/Environment.yaml', ['properties', 'scope']);
    await deleteIn('specs/qoder/components/examples/Environment.yaml', ['value', 'scope']);
    await deleteIn('specs/qoder/components/examples/UpdatedEnvironment.yaml', ['value', 'scope']);

    // Not regenerated yet: drift, with the fix named.
    const stale = await reviewInProcess();
    expect(stale.failures).toContain(
      'qoder: stale specs/bundled/qoder.json, packages/types/src/generated/qoder.ts (run pnpm generate)',
    );
    expect(stale.markdown).toContain(
      'Stale: `specs/bundled/qoder.json`, `packages/types/src/generated/qoder.ts`. Run `pnpm generate`',
    );

    await regenerate('qoder');
    await git(
      '-c',
      'user.name=envspec',
      '-c',
      'user.email=envspec@example.invalid',
      'commit',
      '--quiet',
      '--all',
      '--message',
      'remove scope',
    );
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(1);
    expect(output).toContain('qoder: 3 unacknowledged breaking change(s)');
    for (const operation of operations) expect(markdown).toContain(`#### \`${operation}\``);
    expect(markdown).toContain('❌ `response 200 application/json body.scope`: property `scope` removed.');
    expect(markdown).toContain('What breaks for a client: Clients that read `scope` get undefined.');
    expect(markdown).toContain(`change: "${removedChange}"`);
    // The other vendors are untouched.
    expect(markdown).toMatch(/## fabro — [^\n]+\n\nNo changes against the base/);
  });

  it('passes once the break is acknowledged with a reason', async () => {
    const acknowledged = operations.map((operation) => ({
      vendor: 'qoder',
      operation,
      change: removedChange,
      reason: 'Qoder no longer returns scopes; clients were told in the changelog.',
    }));
    await writeFile(join(scratch, 'specs', 'breaking-changes.yaml'), stringify({ acknowledged }));
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(0);
    expect(markdown).toContain('✅ **Passes**');
    expect(markdown).toContain('✅ acknowledged `response 200 application/json body.scope`');
    expect(markdown).toContain('Reason: Qoder no longer returns scopes');
  });

  it('rejects an acknowledgement without a reason', async () => {
    await writeFile(
      join(scratch, 'specs', 'breaking-changes.yaml'),
      stringify({ acknowledged: [{ vendor: 'qoder', operation: operations[0], change: removedChange, reason: '' }] }),
    );
    const { failures, markdown } = await reviewInProcess();
    expect(failures).toHaveLength(2); // the bad entry, and the breaks it therefore does not acknowledge
    expect(markdown).toContain('entry 1: reason missing or empty');
  });

  it('reports a spec that does not parse without losing the other vendors', async () => {
    const file = join(scratch, 'specs', 'fabro', 'openapi.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\nbroken: [\n`);
    try {
      const { failures, markdown } = await reviewInProcess();
      expect(failures.join('\n')).toContain('fabro: cannot bundle the spec');
      expect(markdown).toContain('| fabro | ❌ did not run | ❌ not checked | ❌ not diffed | – |');
      expect(markdown).toMatch(/\| datadog \| ✅ 0 errors, 0 warnings \| ✅ none \| ✅ 0 \| 0 \|/);
    } finally {
      await writeFile(file, original);
    }
  });
});
