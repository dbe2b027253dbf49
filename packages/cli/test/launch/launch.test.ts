/**
 * `pnpm start` end to end, as `node scripts/launch.mjs start` (what the script runs): compiled on the
 * first start into its own cache, then all eight endpoints (four mocks, four reference servers)
 * answer their fixture with the demo credentials, no process it runs carries a TypeScript loader,
 * the banner says what the mode does, and Ctrl-C (SIGINT) stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeMode } from '@envspec/mock';
import { vendors, type Vendor } from '@envspec/specs';
import { readPath } from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** The processes descending from `pid` (Linux), with their command lines. */
function descendants(pid: number): Array<{ pid: number; command: string }> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: Array<{ pid: number; command: string }> = [];
  const visit = (parent: number) => {
    for (const [child, of] of parents) {
      if (of !== parent) continue;
      try {
        found.push({ pid: child, command: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ') });
      } catch {
        // exited meanwhile
      }
      visit(child);
    }
  };
  visit(pid);
  return found;
}

let cacheDir: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';
const exited = () => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'envspec-start-'));
  child = spawn(process.execPath, ['scripts/launch.mjs', 'start', '--free-ports', '--log-level', 'warn'], {
    cwd: packageDir,
    env: { ...process.env, ENVSPEC_START_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => stdout.includes('Press Ctrl-C to stop') && resolve());
    child.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${stdout}\n${stderr}`)));
  });
}, 120_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const done = exited();
    child.kill('SIGKILL');
    await done;
  }
  await rm(cacheDir, { recursive: true, force: true });
});

/** Each vendor's mock URL (the first table) and server URL (the second). */
function urls(): Record<Vendor, string[]> {
  const found = Object.fromEntries(vendors.map((vendor) => [vendor, [] as string[]])) as Record<Vendor, string[]>;
  for (const [, vendor, url] of stdout.matchAll(/^\s*(\w+)\s+(http:\/\/\S+)/gm))
    if (vendors.includes(vendor as Vendor)) found[vendor as Vendor].push(url!);
  return found;
}

describe('pnpm start', () => {
  it('compiled its sources into the cache on the first start', () => {
    expect(readdirSync(cacheDir)).toContain('current.json');
  });

  it('serves all eight endpoints: each vendor its mock and its reference server', async () => {
    for (const vendor of vendors) {
      const [mock, server] = urls()[vendor];
      for (const url of [mock, server]) {
        expect(url, `${vendor}: ${stdout}`).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const response = await fetch(`${url}${readPath(vendor)}`, { headers: credentialHeaders(vendor) });
        expect(response.status, `${vendor} ${url}`).toBe(200);
        await response.body?.cancel();
      }
    }
  });

  it('runs no TypeScript loader in any of its processes, and forks the one Prism engine', () => {
    const processes = [
      readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').join(' '),
      ...descendants(child.pid!).map((process) => process.command),
    ];
    expect(processes.filter((command) => /tsx|esbuild/.test(command))).toEqual([]);
    expect(processes.filter((command) => command.includes('prism-host-child.js'))).toHaveLength(1);
  });

  it("prints the mode's summary", () => {
    for (const line of describeMode('static')) expect(stdout).toContain(line);
  });

  it('stops everything on SIGINT', async () => {
    const started = descendants(child.pid!);
    expect(started.length).toBeGreaterThan(0);
    const done = exited();
    child.kill('SIGINT');
    expect(await done).toBe(0);
    expect(stderr).toContain('SIGINT: stopping');
    const alive = started.filter(({ pid }) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});
