/** `createDiffCommand()` mounted in another program, in-process: what `envspec diff` will be. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiffCommand, runProgram } from '../src/index.ts';
import { query } from '../src/rules/fixtures.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envspec-diff-command-'));
  await writeFile(join(dir, 'a.json'), JSON.stringify(query({ type: 'string' })));
  await writeFile(join(dir, 'b.json'), JSON.stringify(query({ type: 'string' }, { required: true })));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const codes: number[] = [];
  const exit = (code: number) => codes.push(code);
  const program = new Command('envspec').addCommand(
    createDiffCommand({ cwd: dir, write: (text) => (out += text), writeError: (text) => (err += text), exit }),
  );
  program.configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  await runProgram(program, argv, exit);
  return { out, err, codes };
}

describe('envspec diff (the command mounted in a parent program)', () => {
  it('diffs and sets the exit status from --fail-on', async () => {
    const breaking = await run('diff', 'a.json', 'b.json', '--format', 'json');
    expect(JSON.parse(breaking.out).changes.map((change: { id: string }) => change.id)).toContain(
      'request-parameter-became-required',
    );
    expect(breaking.codes).toEqual([1]);
    expect((await run('diff', 'a.json', 'a.json')).codes).toEqual([0]);
  });

  it('prints its help with exit 0', async () => {
    const { out, codes } = await run('diff', '--help');
    expect(out).toContain('Usage: envspec diff [options] <base> <head>');
    expect(out).toContain('--fail-on <level>');
    expect(codes).toEqual([0]);
  });

  it('answers a bad value with one line, a usage hint and exit 2', async () => {
    const { err, codes } = await run('diff', 'a.json', 'b.json', '--fail-on', 'info');
    expect(err).toBe(
      "error: option '--fail-on <level>' argument 'info' is invalid. Allowed choices are breaking, warning.\n(run with --help for usage)\n",
    );
    expect(codes).toEqual([2]);
  });
});
