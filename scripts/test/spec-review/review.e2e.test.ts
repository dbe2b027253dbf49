/**
 * `pnpm spec:review` end to end, the way a reviewer meets it: a scratch git repository holding a
 * copy of this repo's specs and generated types, a branch that removes a response field, and the
 * real CLI run against `main` — first failing and naming the field and the operations, then
 * passing once the break is acknowledged in `specs/breaking-changes.yaml`. A second scratch also
 * holds packages/client, for the rules that need the consumers: round-trip and dependents.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { generatedFile, renderVendor } from '@envspec/types/render';
import { bundle, renderMarkdown, runReview } from '../../src/spec-review/index.ts';

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const scriptsDir = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../src/spec-review/cli.ts', import.meta.url));

const operations = ['GET', 'PUT', 'POST'].map((method) => `${method} /api/v1/cloud/environments/{environment_id}`);
const qoderPaths = 'specs/qoder/paths/api_v1_cloud_environments_{environment_id}.yaml';
const removedChange = 'response-required-property-removed: response 200 application/json body.status';

let scratch: string;

/** Runs the CLI as `pnpm spec:review` does; returns its exit code, console output and the report. */
async function review(...args: string[]): Promise<{ code: number; output: string; markdown: string }> {
  return reviewIn(scratch, ...args);
}

async function reviewIn(
  scratch: string,
  ...args: string[]
): Promise<{ code: number; output: string; markdown: string }> {
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

/** `pnpm spec:review …` as the README gives it, from the repository root. */
async function pnpmSpecReview(...args: string[]): Promise<{ code: number; output: string }> {
  return exec('pnpm', ['--silent', 'spec:review', ...args], { cwd: repoRoot }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

/** The same review in-process (no CLI start-up, no type-check): for the scenarios whose exit code is not the point. */
async function reviewInProcess(root = scratch) {
  const result = await runReview({ root, base: 'main', dependents: false });
  return { failures: result.failures, markdown: renderMarkdown(result), result };
}

/** Deletes `key` at `path` in a YAML file of a scratch repo, keeping its comments and layout. */
async function deleteIn(file: string, path: Array<string | number>, root = scratch): Promise<void> {
  const full = join(root, file);
  const document = parseDocument(await readFile(full, 'utf8'));
  expect(document.hasIn(path), `${file} has ${path.join('.')}`).toBe(true);
  document.deleteIn(path);
  await writeFile(full, document.toString());
}

/** Removes property `name` from a schema file: from `properties` and from `required`. */
async function removeProperty(file: string, name: string, root = scratch): Promise<void> {
  const full = join(root, file);
  const document = parseDocument(await readFile(full, 'utf8'));
  const required = (document.toJS() as { required?: string[] }).required ?? [];
  if (required.includes(name)) document.deleteIn(['required', required.indexOf(name)]);
  await writeFile(full, document.toString());
  await deleteIn(file, ['properties', name], root);
}

/** Sets `value` at `path` in a YAML file of a scratch repo. */
async function setIn(file: string, path: string[], value: unknown, root = scratch): Promise<void> {
  const full = join(root, file);
  const document = parseDocument(await readFile(full, 'utf8'));
  document.setIn(path, document.createNode(value));
  await writeFile(full, document.toString());
}

/** What `pnpm generate` does for one vendor, inside a scratch repo. */
async function regenerate(vendor: 'qoder' | 'fabro', root = scratch): Promise<void> {
  const bundled = join(root, 'specs', 'bundled', `${vendor}.json`);
  await bundle(root, vendor, bundled);
  await writeFile(join(root, 'packages', 'types', generatedFile(vendor)), await renderVendor(vendor, bundled));
}

const author = ['-c', 'user.name=envspec', '-c', 'user.email=envspec@example.invalid'];

async function commitAll(root: string, message: string): Promise<void> {
  await exec('git', [...author, 'add', '--all'], { cwd: root });
  await exec('git', [...author, 'commit', '--quiet', '--message', message], { cwd: root });
}

/**
 * A scratch repository with the specs and generated types committed on `main` and a `scratch`
 * branch checked out. `withClient` adds packages/client (and the types package it imports), its
 * dependencies linked from this checkout, so the dependents check can compile it.
 */
async function createScratch(withClient: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'envspec-review-e2e-'));
  const skip = (source: string) => !source.includes(`${join('specs', 'node_modules')}`);
  await cp(join(repoRoot, 'redocly.yaml'), join(root, 'redocly.yaml'));
  await cp(join(repoRoot, 'specs'), join(root, 'specs'), { recursive: true, filter: skip });
  await cp(join(repoRoot, 'packages', 'types', 'src'), join(root, 'packages', 'types', 'src'), { recursive: true });
  if (withClient) {
    await writeFile(join(root, '.gitignore'), 'node_modules\n');
    await cp(join(repoRoot, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
    await cp(join(repoRoot, 'packages', 'types', 'package.json'), join(root, 'packages', 'types', 'package.json'));
    for (const part of ['package.json', 'tsconfig.json', 'src', 'examples', 'test']) {
      await cp(join(repoRoot, 'packages', 'client', part), join(root, 'packages', 'client', part), { recursive: true });
    }
    await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    await symlink(join(repoRoot, 'packages', 'types', 'node_modules'), join(root, 'packages', 'types', 'node_modules'));
    const modules = join(root, 'packages', 'client', 'node_modules');
    await mkdir(join(modules, '@envspec'), { recursive: true });
    await symlink(
      await realpath(join(repoRoot, 'packages', 'client', 'node_modules', 'openapi-fetch')),
      join(modules, 'openapi-fetch'),
    );
    await symlink(join(root, 'packages', 'types'), join(modules, '@envspec', 'types'));
    for (const name of ['mock', 'server'])
      await symlink(join(repoRoot, 'packages', name), join(modules, '@envspec', name));
  }
  await exec('git', ['init', '--quiet', '--initial-branch=main'], { cwd: root });
  await commitAll(root, 'base');
  await exec('git', ['checkout', '--quiet', '-b', 'scratch'], { cwd: root });
  return root;
}

beforeAll(async () => {
  scratch = await createScratch(false);
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// Each review runs Redocly a few times; under a full `pnpm test` the machine is shared with every
// other package's tests, hence the generous per-test limit.
describe('pnpm spec:review in a scratch branch', { timeout: 240_000 }, () => {
  it('fails on lint errors alone, and writes the report where --out says', async () => {
    onTestFinished(() => exec('git', ['reset', '--quiet', '--hard'], { cwd: scratch }).then(() => undefined));
    // operation-summary is an error in redocly.yaml; a summary is no part of the contract, so nothing else fails.
    await deleteIn(qoderPaths, ['get', 'summary']);
    await regenerate('qoder');
    const { code, output } = await pnpmSpecReview('--root', scratch, '--base', 'main', '--out', 'reports/review.md');
    expect(code, output).toBe(1);
    expect(output).toContain('Spec review failed:\n  - qoder: 1 lint error(s)\nDetails');
    expect(existsSync(join(scratch, 'spec-review.md')), 'the default report is not written').toBe(false);
    const markdown = await readFile(join(scratch, 'reports', 'review.md'), 'utf8');
    expect(markdown).toMatch(/\| qoder \| ❌ 1 errors, 0 warnings \|/);
    expect(markdown).toContain('| error | `operation-summary` |');
  });

  it('passes with nothing changed', async () => {
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(0);
    expect(markdown).toContain('✅ **Passes**');
  });

  it('fails on a removed response field, naming the field and the operations', async () => {
    await removeProperty('specs/qoder/components/schemas/Environment.yaml', 'status');
    await deleteIn('specs/qoder/components/examples/Environment.yaml', ['value', 'status']);
    await deleteIn('specs/qoder/components/examples/UpdatedEnvironment.yaml', ['value', 'status']);

    // Not regenerated yet: drift, with the fix named.
    const stale = await reviewInProcess();
    expect(stale.failures).toContain(
      'qoder: stale specs/bundled/qoder.json, packages/types/src/generated/qoder.ts (run pnpm generate)',
    );
    expect(stale.markdown).toContain(
      'Stale: `specs/bundled/qoder.json`, `packages/types/src/generated/qoder.ts`. Run `pnpm generate`',
    );

    await regenerate('qoder');
    await commitAll(scratch, 'remove status');
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(1);
    expect(output).toContain('qoder: 3 unacknowledged breaking change(s)');
    for (const operation of operations) expect(markdown).toContain(`#### \`${operation}\``);
    expect(markdown).toContain(
      '❌ `response 200 application/json body.status`: required property `status` removed from the response: clients that read it get nothing.',
    );
    expect(markdown).toContain(`change: "${removedChange}"`);
    // Not a new major version: the review says which bump is missing (a warning, not a failure).
    expect(markdown).toMatch(/`info.version`: breaking changes need a (major|minor \(0.x\)) version bump/);
    // The other vendors are untouched.
    expect(markdown).toMatch(/## fabro — [^\n]+\n\nNo changes against the base/);
  });

  it('passes once the break is acknowledged with a reason', async () => {
    const acknowledged = operations.map((operation) => ({
      vendor: 'qoder',
      operation,
      change: removedChange,
      reason: 'Qoder no longer returns the status; clients were told in the changelog.',
    }));
    await writeFile(join(scratch, 'specs', 'breaking-changes.yaml'), stringify({ acknowledged }));
    const { code, output, markdown } = await review('--base', 'main');
    expect(code, output).toBe(0);
    expect(markdown).toContain('✅ **Passes**');
    expect(markdown).toContain('✅ acknowledged `response 200 application/json body.status`');
    expect(markdown).toContain('Reason: Qoder no longer returns the status');
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
      // Neither bundled nor linted: both fail the review, each said once.
      expect(failures.filter((failure) => failure.startsWith('fabro:'))).toEqual([
        expect.stringMatching(/^fabro: cannot bundle the spec: redocly bundle fabro failed/),
        'fabro: lint could not run',
      ]);
      expect(markdown).toContain('| fabro | ❌ did not run | ❌ not checked | ❌ not diffed | – | – |');
      expect(markdown).toMatch(/\| datadog \| ✅ 0 errors, 0 warnings \| ✅ none \| ✅ 0 \| 0 \| 0 \|/);
    } finally {
      await writeFile(file, original);
    }
  });
});

describe('pnpm spec:review with the client that consumes the types', { timeout: 240_000 }, () => {
  let root: string;
  const environment = 'specs/fabro/components/schemas/Environment.yaml';
  const replaceRequest = 'specs/fabro/components/schemas/ReplaceEnvironmentRequest.yaml';
  const put = 'PUT /api/v1/environments/{id}';

  beforeAll(async () => {
    root = await createScratch(true);
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('round-trip: an optional read-only field in the Fabro resource breaks the closed replace request', async () => {
    await setIn(
      environment,
      ['properties', 'created_at'],
      { type: 'string', readOnly: true, description: 'Creation time.' },
      root,
    );
    await regenerate('fabro', root);
    await commitAll(root, 'add created_at');
    const { failures, markdown, result } = await reviewInProcess(root);
    const fabro = result.vendors.find((vendor) => vendor.vendor === 'fabro')!;
    expect(fabro.breaking.map((change) => `${change.operation} ${change.key}`)).toEqual([
      `${put} round-trip-property-rejected: request application/json body.created_at (created_at)`,
    ]);
    expect(fabro.info.map((change) => change.id)).toContain('response-property-added');
    expect(failures).toContain('fabro: 1 unacknowledged breaking change(s)');
    expect(markdown).toContain('read-modify-write clients that send back what they read get 400');
    await exec('git', ['reset', '--quiet', '--hard', 'main'], { cwd: root });
  });

  it('dependents: code in packages/client that no longer compiles fails the review even when acknowledged', async () => {
    await removeProperty(environment, 'labels', root);
    await removeProperty(replaceRequest, 'labels', root);
    for (const example of [
      'Environment',
      'ReplacedEnvironment',
      'ReplaceWithDockerImageRequest',
      'ReplaceWithInlineDockerfileRequest',
      'ReplaceWithDefaultsRequest',
    ]) {
      await deleteIn(`specs/fabro/components/examples/${example}.yaml`, ['value', 'labels'], root);
    }
    await regenerate('fabro', root);
    await commitAll(root, 'remove labels');
    const before = await reviewInProcess(root);
    const breaking = before.result.vendors.find((vendor) => vendor.vendor === 'fabro')!.breaking;
    expect(breaking.length).toBeGreaterThan(0);
    const acknowledged = breaking.map((change) => ({
      vendor: 'fabro',
      operation: change.operation,
      change: change.key,
      reason: 'Fabro dropped labels.',
    }));
    await writeFile(join(root, 'specs', 'breaking-changes.yaml'), stringify({ acknowledged }));

    const { code, output, markdown } = await reviewIn(root, '--base', 'main');
    expect(code, output).toBe(1);
    expect(output).not.toContain('unacknowledged breaking');
    expect(output).toMatch(/dependents: \d+ type error\(s\) in packages\/client against the new generated types/);
    expect(markdown).toContain('no longer compile against the new generated types');
    expect(markdown).toMatch(/\| `packages\/client\/examples\/fabro.ts:\d+` \| Property 'labels' does not exist/);
    expect(markdown).toContain('✅ acknowledged');
  });
});

describe('pnpm spec:review, called wrong', () => {
  it.each([
    ['an unknown flag', ['--bsae', 'main'], "error: unknown option '--bsae'\n(Did you mean --base?)"],
    ['--base without a ref', ['--base'], "error: option '--base <git-ref>' argument missing"],
    ['an argument that is not a flag', ['main'], "error: too many arguments for 'review'"],
  ])('exits 2 pointing at the usage on %s', async (_name, args, says) => {
    const { code, output } = await pnpmSpecReview(...args);
    expect(code, output).toBe(2);
    expect(output).toContain(says);
    expect(output).toContain('(run with --help for usage)');
    expect(output).not.toMatch(/\n\s+at\s/);
  });

  it('exits 2 naming a base that is not a commit', async () => {
    const { code, output } = await pnpmSpecReview('--root', scratch, '--base', 'no-such-branch');
    expect(code, output).toBe(2);
    expect(output).toContain(`spec review could not run: --base 'no-such-branch' is not a commit in ${scratch}`);
  });
});
