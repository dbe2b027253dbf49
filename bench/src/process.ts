import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildServer {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export interface ChildOptions {
  /** Write a V8 CPU profile of the child's main thread into this folder as `<name>.cpuprofile` (`--cpu-prof`). */
  cpuProfDir?: string;
  /** A name for the profile and the stderr log. */
  name: string;
}

/**
 * Runs a TypeScript entry that serves on a free loopback port and reports `{ port }` (or `{ error }`)
 * over IPC, in its own Node process (with tsx), so the load generator never shares its event loop.
 * Its stderr goes to a log file in the temp folder, quoted if it fails to start.
 */
export async function startChildServer(entry: string, args: string[], options: ChildOptions): Promise<ChildServer> {
  const logPath = join(tmpdir(), `envspec-bench-${options.name}.log`);
  const stderr = openSync(logPath, 'w');
  const execArgv = ['--import', 'tsx'];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfDir);
  const child: ChildProcess = fork(entry, args, { execArgv, stdio: ['ignore', 'ignore', stderr, 'ipc'] });
  closeSync(stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('did not report a port within 30 s')), 30_000);
      child.once('message', (message: { port?: number; error?: string }) => {
        clearTimeout(timer);
        if (message.port) resolve(message.port);
        else reject(new Error(message.error ?? 'sent no port'));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}`));
      });
    });
    return {
      pid: child.pid!,
      url: `http://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        process.off('exit', killOnExit);
        if (options.cpuProfDir) keepMainThreadProfile(options.cpuProfDir, child.pid!, options.name);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    const log = readFileSync(logPath, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`${options.name}: ${(error as Error).message}\n${log}`);
  }
}

/**
 * Node writes one profile per thread (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`), and tsx's
 * loader runs on a second thread: keep the main thread's (thread 0) under a readable name.
 */
function keepMainThreadProfile(directory: string, pid: number, name: string): void {
  for (const file of readdirSync(directory)) {
    if (!file.startsWith('CPU.') || !file.includes(`.${pid}.`)) continue;
    if (file.includes(`.${pid}.0.`)) renameSync(join(directory, file), join(directory, `${name}.cpuprofile`));
    else rmSync(join(directory, file));
  }
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (Linux); undefined elsewhere or once it exited. */
export function readRssMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `sample` every `intervalMs` until stopped; `stop()` gives the largest value read. */
function samplePeak(sample: () => number | undefined, intervalMs: number): { stop(): number | undefined } {
  let peak: number | undefined;
  const take = () => {
    const value = sample();
    if (value !== undefined) peak = Math.max(peak ?? 0, value);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

/** Samples a process's RSS every `intervalMs` until stopped; resolves to the largest sample. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number | undefined } {
  return samplePeak(() => readRssMiB(pid), intervalMs);
}

/** One process of a tree, with what it is running. */
export interface TreeProcess {
  pid: number;
  /** Its command line, arguments separated by spaces. */
  command: string;
  rssMiB: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** `rootPid` and every process descending from it, with its RSS (Linux; empty elsewhere or once it exited). */
export function processTree(rootPid: number): TreeProcess[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: TreeProcess[] = [];
  const visit = (pid: number) => {
    const rssMiB = readRssMiB(pid);
    if (rssMiB !== undefined) {
      let command = '';
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      } catch {
        // exited meanwhile
      }
      tree.push({ pid, command, rssMiB });
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

/** Samples the total RSS of a process tree every `intervalMs` until stopped; resolves to the largest total. */
export function sampleTreeRss(
  rootPid: number,
  { intervalMs = 250 }: { intervalMs?: number } = {},
): {
  stop(): number | undefined;
} {
  return samplePeak(() => {
    const tree = processTree(rootPid);
    return tree.length > 0 ? tree.reduce((sum, process) => sum + process.rssMiB, 0) : undefined;
  }, intervalMs);
}
