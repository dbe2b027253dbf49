/**
 * Where a document's text comes from: a file path, or `git-ref:path` (the file as committed at
 * that ref, read with `git show`). A file that exists is always read as a file, so a path with a
 * colon in it still works.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve } from 'node:path';
import { DiffInputError } from '../errors.ts';

export interface SourceFile {
  /** How messages and annotations name the file: the argument as given, or a path relative to it. */
  name: string;
  text: string;
  /** Reads a file a `$ref` names, relative to this one, from the same place (disk, or the same git ref). */
  sibling(reference: string): Promise<SourceFile>;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim().split('\n')[0] || error.message));
      else resolvePromise(stdout);
    });
  });
}

async function fromDisk(path: string, name: string, cwd: string): Promise<SourceFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new DiffInputError(`cannot read ${name}: ${why}`);
  }
  return {
    name,
    text,
    sibling: (reference) => {
      const target = resolve(dirname(path), reference);
      const shown = relative(cwd, target);
      return fromDisk(target, shown.startsWith('..') || isAbsolute(shown) ? target : shown, cwd);
    },
  };
}

async function fromGit(ref: string, path: string, name: string, cwd: string): Promise<SourceFile> {
  let text: string;
  try {
    text = await git(cwd, ['show', `${ref}:${path}`]);
  } catch (error) {
    throw new DiffInputError(`cannot read ${name} from git: ${(error as Error).message}`);
  }
  return {
    name,
    text,
    sibling: (reference) => {
      const target = posix.normalize(posix.join(posix.dirname(path), reference));
      return fromGit(ref, target, `${ref}:${target}`, cwd);
    },
  };
}

/** `ref:path` when `argument` is not an existing file and looks like one (`main:specs/a.yaml`, `HEAD~1:x.json`). */
function parseGitArgument(argument: string): { ref: string; path: string } | undefined {
  const match = /^([^:]+):(.+)$/.exec(argument);
  if (!match || /^[a-zA-Z]$/.test(match[1]!)) return undefined;
  return { ref: match[1]!, path: match[2]! };
}

/** Opens `argument` (a path or `git-ref:path`), relative to `cwd`. */
export async function openSource(argument: string, cwd: string = process.cwd()): Promise<SourceFile> {
  const path = resolve(cwd, argument);
  if (existsSync(path)) return fromDisk(path, argument, cwd);
  const fromRef = parseGitArgument(argument);
  if (!fromRef) throw new DiffInputError(`cannot read ${argument}: no such file`);
  // `git show ref:./x` is relative to the working directory; make the path repository-relative
  // so that `$ref`s to sibling files resolve the same way.
  let repoPath = fromRef.path;
  if (repoPath.startsWith('./') || repoPath.startsWith('../')) {
    const prefix = (await git(cwd, ['rev-parse', '--show-prefix']).catch(() => '')).trim();
    repoPath = posix.normalize(posix.join(prefix, repoPath));
  }
  return fromGit(fromRef.ref, repoPath, argument, cwd);
}
