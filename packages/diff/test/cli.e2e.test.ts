/**
 * The `diff` command as a user runs it (`tsx src/cli.ts diff …`, a child process): on OAS 3.0 and
 * 3.1 files outside the repository, on a git ref, on Fabro's real history, and on bad input.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { property, requestBody, responseBody, v30 } from '../src/rules/fixtures.ts';

const exec = promisify(execFile);
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// tsx's loader by its own path, so the CLI starts from any working directory.
const tsx = import.meta.resolve('tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function diff(cwd: string, ...args: string[]): Promise<Run> {
  return exec(process.execPath, ['--import', tsx, cli, 'diff', ...args], {
    cwd,
    env: { ...process.env, INIT_CWD: cwd },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

const git = (cwd: string, ...args: string[]) =>
  exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd });

let outside: string;

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'envspec-diff-cli-'));
  // OAS 3.0 in YAML: a nullable response field made non-nullable (info) and a new required query parameter (breaking).
  await writeFile(
    join(outside, 'v30-base.yaml'),
    stringify(v30(responseBody(property({ type: 'string', nullable: true })))),
  );
  const v30Head = v30(responseBody(property({ type: 'string' })));
  (v30Head.paths as { '/things': { get: Record<string, unknown> } })['/things'].get.parameters = [
    { name: 'page', in: 'query', required: true, schema: { type: 'integer' } },
  ];
  await writeFile(join(outside, 'v30-head.yaml'), stringify(v30Head));
  // OAS 3.1 in JSON: only an optional request property added (info) and a request pattern changed (warning).
  await writeFile(
    join(outside, 'v31-base.json'),
    JSON.stringify(requestBody(property({ type: 'string', pattern: '^[a-z]+$' }))),
  );
  const v31Head = requestBody(
    property(
      { type: 'string', pattern: '^[a-z0-9]+$' },
      { extra: { properties: { value: { type: 'string', pattern: '^[a-z0-9]+$' }, note: { type: 'string' } } } },
    ),
  );
  await writeFile(join(outside, 'v31-head.json'), JSON.stringify(v31Head));
  await writeFile(join(outside, 'broken.yaml'), 'openapi: 3.1.0\npaths: [\n');
});

afterAll(async () => {
  if (outside) await rm(outside, { recursive: true, force: true });
});

describe('diff on files outside the repository', () => {
  it('OAS 3.0 YAML: JSON output in the documented shape, exit 1 on a breaking change', async () => {
    const { code, stdout, stderr } = await diff(outside, 'v30-base.yaml', 'v30-head.yaml', '--format', 'json');
    expect(code, stderr).toBe(1);
    const output = JSON.parse(stdout) as { changes: Array<Record<string, string>> };
    expect(Object.keys(output)).toEqual(['changes']);
    for (const change of output.changes)
      expect(Object.keys(change)).toEqual(['id', 'level', 'operation', 'location', 'message']);
    expect(output.changes).toContainEqual({
      id: 'request-required-parameter-added',
      level: 'breaking',
      operation: 'GET /things',
      location: 'request query parameter page',
      message: 'required query parameter `page` added',
    });
    expect(output.changes.map((change) => change.id)).toContain('response-became-not-nullable');
  });

  it('OAS 3.1 JSON: exit status follows --fail-on', async () => {
    const lenient = await diff(outside, 'v31-base.json', 'v31-head.json', '--format', 'json');
    expect(lenient.code, lenient.stderr).toBe(0);
    const levels = (JSON.parse(lenient.stdout) as { changes: Array<{ id: string; level: string }> }).changes.map(
      (change) => `${change.id}:${change.level}`,
    );
    expect(levels).toEqual(expect.arrayContaining(['request-pattern-changed:warning', 'request-property-added:info']));
    expect(levels.some((entry) => entry.endsWith(':breaking'))).toBe(false);
    const strict = await diff(outside, 'v31-base.json', 'v31-head.json', '--fail-on', 'warning');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('0 breaking, 2 warnings');
  });

  it('reads git-ref:path with external $refs from the same commit, and annotates lines for GitHub', async () => {
    const repo = join(outside, 'repo');
    await exec('mkdir', ['-p', join(repo, 'spec')]);
    await git(outside, 'init', '--quiet', '--initial-branch=main', repo);
    const main = requestBody({ $ref: 'schemas.yaml#/Thing' });
    await writeFile(join(repo, 'spec', 'openapi.yaml'), stringify(main));
    await writeFile(
      join(repo, 'spec', 'schemas.yaml'),
      stringify({ Thing: { type: 'object', properties: { name: { type: 'string', maxLength: 64 } } } }),
    );
    await git(repo, 'add', '--all');
    await git(repo, 'commit', '--quiet', '--message', 'base');
    await writeFile(
      join(repo, 'spec', 'schemas.yaml'),
      stringify({ Thing: { type: 'object', properties: { name: { type: 'string', maxLength: 32 } } } }),
    );
    const { code, stdout, stderr } = await diff(
      repo,
      'main:spec/openapi.yaml',
      'spec/openapi.yaml',
      '--format',
      'github',
    );
    expect(code, stderr).toBe(1);
    // Line 6 of schemas.yaml is `maxLength: 32`; line 4 of openapi.yaml is `version: 1.0.0`.
    expect(stdout.split('\n')).toEqual([
      '::error file=spec/schemas.yaml,line=6,title=request-bound-narrowed POST /things::request application/json body.name: maxLength of `name` changed from maxLength 64 to maxLength 32',
      '::warning file=spec/openapi.yaml,line=4,title=version-major-bump-missing::info.version: breaking changes need a major version bump: info.version 2.0.0 or later, not 1.0.0',
      '',
    ]);
  });
});

describe("Fabro's own history (vendor-definitions/)", () => {
  it('reports volumes removed as breaking on both sides and cwd added as non-breaking', async () => {
    const { code, stdout } = await diff(
      repoRoot,
      'vendor-definitions/fabro-2026-05-29.yaml',
      'vendor-definitions/fabro-2026-07-30.yaml',
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const changes = (
      JSON.parse(stdout) as { changes: Array<{ id: string; level: string; operation: string; location: string }> }
    ).changes;
    const at = (location: string, operation: string) =>
      changes.filter((change) => change.location === location && change.operation === operation);
    const get = 'GET /api/v1/environments/{id}';
    const put = 'PUT /api/v1/environments/{id}';
    expect(at('request application/json body.volumes', put)).toMatchObject([
      { id: 'request-closed-property-removed', level: 'breaking' },
    ]);
    for (const operation of [get, put]) {
      expect(at('response 200 application/json body.volumes', operation)).toMatchObject([
        { id: 'response-required-property-removed', level: 'breaking' },
      ]);
      expect(at('response 200 application/json body.cwd', operation)).toMatchObject([
        { id: 'response-property-added', level: 'info' },
      ]);
    }
    expect(at('request application/json body.cwd', put)).toMatchObject([
      { id: 'request-property-added', level: 'info' },
    ]);
    expect(changes.filter((change) => change.level === 'breaking')).toHaveLength(3);
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  it.each([
    ['an unknown flag', ['a.yaml', 'b.yaml', '--colour'], /unknown option '--colour'/],
    ['a bad --format', ['a.yaml', 'b.yaml', '--format', 'xml'], /argument 'xml' is invalid/],
    ['a missing argument', ['a.yaml'], /missing required argument 'head'/],
    ['a missing file', ['nope.yaml', 'v30-head.yaml'], /^diff: cannot read nope.yaml: no such file$/m],
    ['a file that does not parse', ['broken.yaml', 'v30-head.yaml'], /^diff: cannot parse broken.yaml: /m],
  ])('%s', async (_name, args, message) => {
    const { code, stderr, stdout } = await diff(outside, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });
});
