/**
 * `envspec start` as a user runs it — the CLI's bin installed from the packed tarballs
 * (installed-cli.ts), what `npx envspec start` runs — with `--free-ports`, so it cannot collide with
 * another envspec, timed until all eight endpoints (four mocks, four reference servers) have
 * answered an authenticated GET of their fixture, against one bare `prism mock` of one spec until it
 * answers, and against `pnpm start -- --free-ports` as a contributor types it, the three side by
 * side round by round in rotating order; and the RSS of every process `envspec start` runs (the
 * process holding the fronts and the servers, the Prism engine) after start and after a load round
 * through all eight endpoints at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startBarePrism } from '../baseline/bare-prism.ts';
import { vendors, type Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { findFreePort } from '@envspec/testkit';
import { processTree, readRssMiB, sampleTreeRss, type TreeProcess } from '../process.ts';
import { runLoad } from '../server/load.ts';
import { installCli } from './installed-cli.ts';
import { fabroWorkload, fixtureGet, workloads, type Workload } from '../server/workloads.ts';
import { summarize, type Summary } from '../stats.ts';

export interface StartProcessRss {
  /** What the process is: `fronts + reference servers`, `Prism engine`, or its command for anything else. */
  role: string;
  afterStartMiB: number;
  afterLoadMiB: number;
}

export interface StartResults {
  /** From spawning `envspec start` (its installed bin) until all eight endpoints answered. */
  allEightMs: Summary;
  /** One bare `prism mock` child until it answers, in the same rounds. */
  barePrismMs: Summary;
  /** Per-round ratio all eight / bare Prism. */
  ratio: Summary;
  /** Total RSS of every process `envspec start` runs, right after all eight answered, per round. */
  totalRssAfterStartMiB: Summary;
  /**
   * `pnpm start -- --free-ports` in the same rounds (pnpm runs `packages/cli/scripts/launch.mjs`, the
   * same CLI compiled from its sources): its time, its ratio, and pnpm's own process's RSS.
   */
  viaPnpm: { allEightMs: Summary; ratio: Summary; pnpmRssMiB: Summary };
  /** The load round: the same total right after it and its peak during it, and each process's share. */
  load: {
    seconds: number;
    totalRssAfterLoadMiB: number;
    peakTotalRssMiB: number;
    requestsPerSecond: number;
    non2xx: number;
    processes: StartProcessRss[];
  };
}

/** The process `envspec start` runs in: the installed bin, or launch.mjs behind `pnpm start`. */
const envspecStart = /(cli\/dist\/bin\.js|scripts\/launch\.mjs) start/;

function roleOf(process: TreeProcess, rootPid: number): string {
  const { command, pid } = process;
  // pnpm start's own process (when it is the one spawned; the envspec bin spawned alone is the fronts' process).
  if (pid === rootPid && !envspecStart.test(command)) return 'pnpm';
  if (command.includes('prism-host-child')) return 'Prism engine';
  if (/^(\/bin\/)?sh /.test(command)) return 'shell';
  if (envspecStart.test(command)) return 'fronts + reference servers';
  return command.split(' ')[0] ?? 'other';
}

/** Each process's RSS by role (processes of one role added up). */
function byRole(rootPid: number): Map<string, number> {
  const roles = new Map<string, number>();
  for (const process of processTree(rootPid)) {
    const role = roleOf(process, rootPid);
    roles.set(role, (roles.get(role) ?? 0) + process.rssMiB);
  }
  return roles;
}

/** What the start runs: every role but pnpm's own process (when pnpm is in front). */
const total = (roles: Map<string, number>) =>
  [...roles].filter(([role]) => role !== 'pnpm').reduce((sum, [, value]) => sum + value, 0);

interface RunningStart {
  pid: number;
  spawnedToAnsweringMs: number;
  mocks: Record<Vendor, string>;
  servers: Record<Vendor, string>;
  stop(): Promise<void>;
}

/** The URLs of the two tables `envspec start` prints: each vendor's first URL is its mock's, the second its server's. */
export function parseStartUrls(stdout: string): { mocks: Record<Vendor, string>; servers: Record<Vendor, string> } {
  const found = new Map<Vendor, string[]>();
  for (const match of stdout.matchAll(/^\s*(\w+)\s+(http:\/\/\S+)/gm)) {
    const vendor = match[1] as Vendor;
    if (vendors.includes(vendor)) found.set(vendor, [...(found.get(vendor) ?? []), match[2]!]);
  }
  const pick = (index: number) =>
    Object.fromEntries(
      vendors.map((vendor) => {
        const url = found.get(vendor)?.[index];
        if (!url) throw new Error(`envspec start printed no ${index === 0 ? 'mock' : 'server'} URL for ${vendor}`);
        return [vendor, url];
      }),
    ) as Record<Vendor, string>;
  return { mocks: pick(0), servers: pick(1) };
}

/** GETs the vendor's fixture until it answers 200 (the endpoint may still be starting). */
async function answered(url: string, vendor: Vendor, deadline: number): Promise<void> {
  const { path, headers } = fixtureGet(vendor);
  for (;;) {
    try {
      const response = await fetch(`${url}${path}`, { headers });
      const text = await response.text();
      if (response.status === 200) return;
      if (Date.now() > deadline) throw new Error(`GET ${url}${path} answered ${response.status}: ${text}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How the start is spawned: the installed bin as `npx envspec start` runs it, or `pnpm start` in the repository. */
type Launcher = { kind: 'envspec'; bin: string } | { kind: 'pnpm' };

const commandOf = (launcher: Launcher): [string, string[]] =>
  launcher.kind === 'envspec'
    ? [process.execPath, [launcher.bin, 'start', '--free-ports']]
    : ['pnpm', ['start', '--', '--free-ports']];

/** `envspec start --free-ports` (or `pnpm start` in `root`), resolved once all eight endpoints answered. */
async function startEnvspec(root: string, launcher: Launcher): Promise<RunningStart> {
  const [command, args] = commandOf(launcher);
  const started = performance.now();
  // Its own process group, so stopping it is the Ctrl-C a terminal sends to the whole group.
  const child: ChildProcess = spawn(command, [...args], {
    cwd: root,
    detached: true,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // The servers' request log; only its tail is kept, for a failure.
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    group('SIGINT');
    const timer = setTimeout(() => group('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    // Anything of the group still alive (it exited before its children).
    group('SIGKILL');
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', () => stdout.includes('Press Ctrl-C to stop') && resolve());
      child.once('exit', (code) =>
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`)),
      );
    });
    const { mocks, servers } = parseStartUrls(stdout);
    const deadline = Date.now() + 30_000;
    await Promise.all(
      vendors.flatMap((vendor) => [
        answered(mocks[vendor], vendor, deadline),
        answered(servers[vendor], vendor, deadline),
      ]),
    );
    return { pid: child.pid!, spawnedToAnsweringMs: performance.now() - started, mocks, servers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function barePrism(vendor: Vendor): Promise<{ ms: number; rssMiB: number }> {
  const started = performance.now();
  const prism = await startBarePrism({ specPath: bundlePath(vendor), port: await findFreePort() });
  const ms = performance.now() - started;
  const rssMiB = readRssMiB(prism.child.pid!) ?? Number.NaN;
  await prism.stop();
  return { ms, rssMiB };
}

/** Each vendor's update workload against a mock or a server (Fabro's If-Match read from it). */
async function workloadAgainst(url: string, vendor: Vendor): Promise<Workload> {
  return vendor === 'fabro' ? fabroWorkload(url) : workloads[vendor];
}

const mib = (value: number) => `${Math.round(value)} MiB`;

export async function benchStart(
  root: string,
  rounds: number,
  loadSeconds: number,
  log: (line: string) => void,
): Promise<StartResults> {
  const eight: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  const rssAfterStart: number[] = [];
  const viaPnpm: number[] = [];
  const viaPnpmRatios: number[] = [];
  const pnpmRss: number[] = [];
  const installed = await installCli(root);
  const envspec: Launcher = { kind: 'envspec', bin: installed.bin };
  const pnpm: Launcher = { kind: 'pnpm' };
  // Untimed: the first `pnpm start` after a change compiles its sources (launch.mjs), and every side warms the file cache.
  await (await startEnvspec(root, pnpm)).stop();
  await (await startEnvspec(root, envspec)).stop();
  await barePrism(vendors[0]!);
  for (let round = 0; round < rounds; round += 1) {
    const vendor = vendors[round % vendors.length]!;
    let envspecMs = Number.NaN;
    let pnpmMs = Number.NaN;
    let prism = { ms: Number.NaN, rssMiB: Number.NaN };
    const sides = [
      async () => {
        const running = await startEnvspec(root, envspec);
        rssAfterStart.push(total(byRole(running.pid)));
        await running.stop();
        envspecMs = running.spawnedToAnsweringMs;
      },
      async () => {
        const running = await startEnvspec(root, pnpm);
        pnpmRss.push(byRole(running.pid).get('pnpm') ?? Number.NaN);
        await running.stop();
        pnpmMs = running.spawnedToAnsweringMs;
      },
      async () => {
        prism = await barePrism(vendor);
      },
    ];
    // Rotate which side goes first, so none always runs on the machine another just left.
    for (let index = 0; index < sides.length; index += 1) await sides[(round + index) % sides.length]!();
    eight.push(envspecMs);
    bare.push(prism.ms);
    ratios.push(envspecMs / prism.ms);
    viaPnpm.push(pnpmMs);
    viaPnpmRatios.push(pnpmMs / prism.ms);
    log(
      `  start round ${round + 1}: envspec start, all eight endpoints answering ${envspecMs.toFixed(0)} ms from spawn, one bare prism (${vendor}) ${prism.ms.toFixed(0)} ms: ${(envspecMs / prism.ms).toFixed(2)}× (pnpm start ${pnpmMs.toFixed(0)} ms: ${(pnpmMs / prism.ms).toFixed(2)}×); RSS of what it runs ${mib(rssAfterStart.at(-1)!)} (bare prism ${mib(prism.rssMiB)}; pnpm's own process ${mib(pnpmRss.at(-1)!)})`,
    );
  }

  // One load round through all eight endpoints at once, sampling the whole tree.
  const running = await startEnvspec(root, envspec);
  try {
    const afterStart = byRole(running.pid);
    const targets = await Promise.all(
      vendors.flatMap((vendor) => [
        workloadAgainst(running.mocks[vendor], vendor).then((workload) => [running.mocks[vendor], workload] as const),
        workloadAgainst(running.servers[vendor], vendor).then(
          (workload) => [running.servers[vendor], workload] as const,
        ),
      ]),
    );
    // The bin spawned alone is the root of the tree, and one of the processes it runs.
    const sampler = sampleTreeRss(running.pid);
    const loads = await Promise.all(
      targets.map(([url, workload]) => runLoad(url, workload, { connections: 2, seconds: loadSeconds })),
    );
    const peak = sampler.stop() ?? Number.NaN;
    const afterLoad = byRole(running.pid);
    const requestsPerSecond = loads.reduce((sum, load) => sum + load.requestsPerSecond, 0);
    const non2xx = loads.reduce((sum, load) => sum + load.non2xx + load.errors, 0);
    const processes = [...new Set([...afterStart.keys(), ...afterLoad.keys()])].map((role) => ({
      role,
      afterStartMiB: afterStart.get(role) ?? 0,
      afterLoadMiB: afterLoad.get(role) ?? 0,
    }));
    log(
      `  envspec start under load (${loadSeconds} s, all eight): ${requestsPerSecond.toFixed(0)} req/s, RSS of what it runs ${mib(total(afterStart))} after start → ${mib(total(afterLoad))} after the round (peak ${mib(peak)})${non2xx ? `, ${non2xx} non-2xx/errors` : ''}; ${processes.map((entry) => `${entry.role} ${mib(entry.afterStartMiB)} → ${mib(entry.afterLoadMiB)}`).join(', ')}`,
    );
    return {
      allEightMs: summarize(eight),
      barePrismMs: summarize(bare),
      ratio: summarize(ratios),
      totalRssAfterStartMiB: summarize(rssAfterStart),
      viaPnpm: { allEightMs: summarize(viaPnpm), ratio: summarize(viaPnpmRatios), pnpmRssMiB: summarize(pnpmRss) },
      load: {
        seconds: loadSeconds,
        totalRssAfterLoadMiB: total(afterLoad),
        peakTotalRssMiB: peak,
        requestsPerSecond,
        non2xx,
        processes,
      },
    };
  } finally {
    await running.stop();
    await installed.dispose();
  }
}
