/**
 * The external tools the review drives, each pointed at an explicit repository root so the same
 * code reviews this checkout or a scratch copy: the Redocly CLI (lint, bundle) and git.
 */
import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Vendor } from '@envspec/specs/vendors';

const require = createRequire(import.meta.url);
const redoclyBin = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const quietEnv = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; never throws for a non-zero exit. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

export function redocly(args: string[], cwd: string): Promise<RunResult> {
  return run(process.execPath, [redoclyBin, ...args], cwd, quietEnv);
}

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** `specs/qoder/components/schemas/Environment.yaml:12 #/properties/name`, relative to the root. */
  location: string;
}

export interface LintResult {
  problems: LintProblem[];
  /** Set when the linter itself could not run or its output could not be read. */
  failure?: string;
}

interface RedoclyProblem {
  ruleId: string;
  severity: string;
  message: string;
  location?: Array<{ source?: { ref?: string }; pointer?: string; start?: { line?: number } }>;
}

function toLintResult(report: { problems: RedoclyProblem[] }): LintResult {
  return {
    problems: report.problems.map((problem) => {
      const where = problem.location?.[0];
      const file = where?.source?.ref ?? '?';
      const line = where?.start?.line ? `:${where.start.line}` : '';
      return {
        ruleId: problem.ruleId,
        severity: problem.severity === 'error' ? 'error' : 'warn',
        message: problem.message,
        location: `${file}${line}${where?.pointer ? ` ${where.pointer}` : ''}`,
      };
    }),
  };
}

/** Splits `{…}{…}` (what `redocly lint --format=json` prints for several APIs) into its documents. */
export function splitJsonDocuments(text: string): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) documents.push(JSON.parse(text.slice(start, index + 1)));
    }
  }
  return documents;
}

async function lintOne(root: string, vendor: Vendor): Promise<LintResult> {
  const result = await redocly(
    ['lint', vendor, '--config', join(root, 'redocly.yaml'), '--format=json', '--max-problems=200'],
    root,
  );
  try {
    const [report] = splitJsonDocuments(result.stdout) as Array<{ problems: RedoclyProblem[] }>;
    if (!report) throw new Error('no report');
    return toLintResult(report);
  } catch {
    return {
      problems: [],
      failure: `redocly lint ${vendor} exited ${result.code}:\n${result.stdout}${result.stderr}`.trim(),
    };
  }
}

/**
 * `redocly lint` of every vendor with the root's `redocly.yaml`: one process for all (it prints one
 * report per API, in order); when a spec cannot even be parsed that run stops early, and each vendor
 * is then linted on its own so the others still get their results.
 */
export async function lint(root: string, vendors: readonly Vendor[]): Promise<Map<Vendor, LintResult>> {
  const result = await redocly(
    ['lint', ...vendors, '--config', join(root, 'redocly.yaml'), '--format=json', '--max-problems=200'],
    root,
  );
  try {
    const reports = splitJsonDocuments(result.stdout) as Array<{ problems: RedoclyProblem[] }>;
    if (reports.length === vendors.length)
      return new Map(vendors.map((vendor, index) => [vendor, toLintResult(reports[index]!)]));
  } catch {
    // fall through to one run per vendor
  }
  return new Map(await Promise.all(vendors.map(async (vendor) => [vendor, await lintOne(root, vendor)] as const)));
}

/** `redocly bundle <vendor>` from the sources under `root`, to `output` (JSON), exactly as `pnpm generate` does. */
export async function bundle(root: string, vendor: Vendor, output: string): Promise<void> {
  const result = await redocly(
    ['bundle', vendor, '--config', join(root, 'redocly.yaml'), '--ext', 'json', '-o', output],
    root,
  );
  if (result.code !== 0) throw new Error(`redocly bundle ${vendor} failed:\n${result.stdout}${result.stderr}`.trim());
}

export async function git(root: string, args: string[]): Promise<string> {
  const result = await run('git', args, root);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

async function commitOf(root: string, ref: string): Promise<string | undefined> {
  const result = await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

export interface Base {
  /** What the user asked for (or the default). */
  ref: string;
  /** The merge base of HEAD and `ref`: what the review compares against. */
  commit: string;
}

/**
 * The commit to compare against: the merge base of HEAD and `ref` — what a pull request's diff
 * shows. Without `ref`: `main`, else `origin/main`.
 */
export async function resolveBase(root: string, ref: string | undefined): Promise<Base> {
  const candidates = ref ? [ref] : ['main', 'origin/main'];
  for (const candidate of candidates) {
    const commit = await commitOf(root, candidate);
    if (!commit) continue;
    const mergeBase = await run('git', ['merge-base', 'HEAD', commit], root);
    if (mergeBase.code !== 0) {
      throw new Error(`'${candidate}' and HEAD have no common ancestor: pass --base with a ref this branch grew from.`);
    }
    return { ref: candidate, commit: mergeBase.stdout.trim() };
  }
  throw new Error(
    ref
      ? `--base '${ref}' is not a commit in ${root}. Fetch it first (git fetch origin ${ref}) or pass another ref.`
      : `Neither 'main' nor 'origin/main' exists in ${root}: pass --base <git-ref>.`,
  );
}

/** A file's content at `commit`, or undefined when it does not exist there. */
export async function showFile(root: string, commit: string, path: string): Promise<string | undefined> {
  const result = await run('git', ['show', `${commit}:${path}`], root);
  return result.code === 0 ? result.stdout : undefined;
}

/** Writes the base commit's `specs/` and `redocly.yaml` into `dir`; returns false when the base has no specs. */
export async function extractBase(root: string, commit: string, dir: string): Promise<boolean> {
  const present = (await git(root, ['ls-tree', '--name-only', commit, '--', 'specs', 'redocly.yaml']))
    .split('\n')
    .filter(Boolean);
  if (!present.includes('specs') || !present.includes('redocly.yaml')) return false;
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit, '--', 'specs', 'redocly.yaml'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    archive.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    archive.stdout.pipe(tar.stdin);
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`extracting ${commit}'s specs failed: ${stderr.trim()}`)),
    );
  });
  return true;
}
