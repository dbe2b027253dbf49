import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Vendor } from '@envspec/specs';
import { withTimeout, type Engine } from './engine.ts';

/** How Prism answers: with the spec's examples, or with data generated from the schemas. */
export type PrismMode = 'static' | 'dynamic';

const childPath = fileURLToPath(new URL('./prism-host-child.js', import.meta.url));

/** Prism's pino levels, from the most to the least talkative. */
export type PrismLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface PrismEnginesOptions {
  /** The document Prism serves for each vendor (see `prismDocument`). */
  documents: ReadonlyMap<Vendor, object>;
  mode: PrismMode;
  seed?: string;
  /** How much of Prism's own log to forward (default `warn`; `info` logs every request). */
  logLevel?: PrismLogLevel;
  /** Prism's log lines, per vendor. */
  onLog?: (vendor: Vendor, line: string) => void;
  /** Supervisor events: an unexpected exit, a hang, a restart, a failed restart. */
  onEvent?: (line: string) => void;
  /** Longest pause between restarts of an engine that keeps dying. */
  maxBackoffMs?: number;
  /** An engine that sends no heartbeat for this long is taken as hung, killed and restarted. */
  hangAfterMs?: number;
  /** Longest wait for a (re)started engine to serve every spec. */
  startTimeoutMs?: number;
  /** An engine process forked earlier (`prelaunchPrismEngine`), adopted as the first engine. */
  prelaunched?: PrismHostLaunch;
}

/** Every vendor's Prism, in one supervised child process. */
export interface PrismEngines {
  /** One engine handle per vendor; they share the process (and its restarts). */
  engines: Map<Vendor, Engine>;
  /** The engine process's id now (it changes on restart). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

interface HostProcess {
  child: ChildProcess;
  urls: Map<Vendor, string>;
  exited: Promise<void>;
}

/** An engine that lived less than this is crash-looping: its restarts back off. */
const stableAfterMs = 10_000;
const checkEveryMs = 250;

/** An engine process forked ahead of need: it loads Prism while its parent does other work. */
export interface PrismHostLaunch {
  readonly child: ChildProcess;
  /** Whether it has sent its first heartbeat, i.e. listens for the start message. */
  readonly alive: boolean;
  /** Ends it, unless an engine adopted it (then `startPrismEngines(...).stop()` does). */
  dispose(): void;
}

function forkHost(): PrismHostLaunch & { adopt(): void } {
  const child = fork(childPath, [], {
    // Bare node: no TypeScript loader or test runner hooks inherited from this process. A 1 MiB
    // young generation keeps the engine ≈ 17 MiB smaller; a mock's allocation rate does not need more.
    execArgv: ['--max-semi-space-size=1'],
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  // Never leave an engine behind when this process exits without stopping it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let alive = false;
  let adopted = false;
  const onMessage = (message: { type?: string }) => {
    if (message?.type !== 'alive') return;
    alive = true;
    child.off('message', onMessage);
  };
  child.on('message', onMessage);
  return {
    child,
    get alive() {
      return alive;
    },
    adopt: () => {
      adopted = true;
    },
    dispose: () => {
      if (!adopted && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Forks the mock engine process now, before anything else is loaded, so that Prism's modules load
 * in it while the caller loads its own (`pnpm start` loads the reference servers meanwhile). Hand
 * it to `startMocks({ prismEngine })`, which adopts it; `dispose()` it if it is not used.
 */
export function prelaunchPrismEngine(): PrismHostLaunch {
  return forkHost();
}

const usable = (launch: PrismHostLaunch | undefined): launch is ReturnType<typeof forkHost> =>
  launch !== undefined && 'adopt' in launch && launch.child.exitCode === null && launch.child.signalCode === null;

/** Adopts `launch` (or forks the engine process), hands it the documents, and resolves once every spec is served. */
function launchHost(
  options: PrismEnginesOptions,
  onHeartbeatLost: (child: ChildProcess, silentMs: number) => void,
  launch?: PrismHostLaunch,
) {
  const { documents, mode, seed, logLevel = 'warn', onLog, hangAfterMs = 2_000, startTimeoutMs = 60_000 } = options;
  if (launch && !usable(launch)) launch.dispose();
  const host = usable(launch) ? launch : forkHost();
  host.adopt();
  const { child } = host;
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      for (const vendor of documents.keys()) onLog?.(vendor, line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // A stopped (SIGSTOP) or wedged engine sends nothing: judge it by its heartbeat once it serves
  // (loading Prism blocks it for a while; `startTimeoutMs` covers that), and only on ticks where this
  // process itself ran on time (a starved supervisor must not kill a healthy engine).
  let serving = false;
  let lastAlive = Date.now();
  let lastCheck = Date.now();
  const watchdog = setInterval(() => {
    const now = Date.now();
    const late = now - lastCheck > checkEveryMs * 4;
    lastCheck = now;
    if (!serving || late) {
      lastAlive = Math.max(lastAlive, now - checkEveryMs);
      return;
    }
    if (now - lastAlive > hangAfterMs) onHeartbeatLost(child, now - lastAlive);
  }, checkEveryMs);
  child.once('exit', () => clearInterval(watchdog));

  let started = false;
  const start = () => {
    started = true;
    child.send({
      type: 'start',
      mode,
      ...(seed === undefined ? {} : { seed }),
      logLevel,
      specs: [...documents].map(([vendor, document]) => ({ vendor, document })),
    });
  };
  const ready = new Promise<HostProcess>((resolve, reject) => {
    child.on(
      'message',
      (message: { type?: string; urls?: Record<string, string>; message?: string; vendor?: Vendor; line?: string }) => {
        if (message.type === 'alive') {
          lastAlive = Date.now();
          // Its first heartbeat says it listens: a message sent earlier could arrive before its
          // handler exists (the module loads asynchronously) and be lost.
          if (!started) start();
        } else if (message.type === 'log' && message.vendor && message.line) onLog?.(message.vendor, message.line);
        else if (message.type === 'ready') {
          serving = true;
          lastAlive = Date.now();
          resolve({ child, urls: new Map(Object.entries(message.urls ?? {})) as Map<Vendor, string>, exited });
        } else if (message.type === 'failed') reject(new Error(`Prism could not serve the specs: ${message.message}`));
      },
    );
    child.once('exit', (code, signal) =>
      reject(
        new Error(`the Prism engine exited with ${signal ?? `code ${code}`} before serving:\n${output.join('\n')}`),
      ),
    );
    child.once('error', reject);
  });
  // A prelaunched engine may have sent its first heartbeat before this handler existed.
  if (host.alive) start();
  return withTimeout(
    ready,
    startTimeoutMs,
    `the Prism engine did not serve the specs within ${startTimeoutMs} ms`,
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
}

async function stopHost(host: HostProcess): Promise<void> {
  const { child } = host;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // A stopped (SIGSTOP) engine cannot act on SIGTERM.
  const timer = setTimeout(() => child.kill('SIGKILL'), 1_000);
  await host.exited;
  clearTimeout(timer);
}

/**
 * Serves every vendor's spec from one Prism engine process and keeps it serving: when the process
 * dies (a crash, an OOM kill, SIGKILL) or stops sending heartbeats (SIGSTOP, a busy loop), it is
 * killed if need be, started again and the event logged. While it is down, `ready()` rejects at
 * once, so the fronts answer 503 in the vendor's envelope instead of holding requests.
 */
export async function startPrismEngines(options: PrismEnginesOptions): Promise<PrismEngines> {
  const { onEvent, maxBackoffMs = 5_000 } = options;
  let stopping = false;
  let restarts = 0;
  let backoffMs = 0;
  /** Why the engine is down, while a restart is under way. */
  let down: string | undefined;
  /** The live engine, or the restart that will produce it. */
  let current: Promise<HostProcess>;
  let latest: HostProcess;

  const onHeartbeatLost = (child: ChildProcess, silentMs: number) => {
    if (stopping || child.exitCode !== null || child.signalCode !== null) return;
    onEvent?.(`Prism engine (pid ${child.pid}) sent no heartbeat for ${silentMs} ms; killing it so it is restarted`);
    child.kill('SIGKILL');
  };

  const supervise = (host: HostProcess) => {
    const startedAt = Date.now();
    latest = host;
    host.child.once('exit', (code, signal) => {
      if (stopping) return;
      const lived = Date.now() - startedAt;
      backoffMs = lived < stableAfterMs ? Math.min(maxBackoffMs, Math.max(100, backoffMs * 2)) : 0;
      down = `it exited with ${signal ?? `code ${code}`}`;
      onEvent?.(
        `Prism engine (pid ${host.child.pid}) exited unexpectedly with ${signal ?? `code ${code}`} after ${Math.round(lived / 1000)} s; restarting${backoffMs ? ` in ${backoffMs} ms` : ''}`,
      );
      current = relaunch();
      current.catch(() => undefined); // rejects only when stopping
    });
    return host;
  };

  const relaunch = async (): Promise<HostProcess> => {
    for (;;) {
      if (backoffMs) await new Promise((resolve) => setTimeout(resolve, backoffMs));
      if (stopping) throw new Error('the mock is stopping');
      const started = Date.now();
      try {
        const host = supervise(await launchHost(options, onHeartbeatLost));
        restarts += 1;
        down = undefined;
        onEvent?.(`Prism engine restarted (pid ${host.child.pid}) in ${Date.now() - started} ms; restart #${restarts}`);
        if (stopping) await stopHost(host);
        return host;
      } catch (error) {
        backoffMs = Math.min(maxBackoffMs, Math.max(200, backoffMs * 2));
        onEvent?.(
          `Prism engine restart failed: ${(error as Error).message.split('\n')[0]}; retrying in ${backoffMs} ms`,
        );
      }
    }
  };

  current = Promise.resolve(supervise(await launchHost(options, onHeartbeatLost, options.prelaunched)));

  const engineFor = (vendor: Vendor): Engine => ({
    kind: 'prism',
    get url() {
      return latest.urls.get(vendor) ?? '';
    },
    get pid() {
      return latest.child.pid;
    },
    async ready(timeoutMs) {
      if (down) throw new Error(`the Prism engine is restarting: ${down}`);
      const host = await withTimeout(current, timeoutMs, `the Prism engine did not start within ${timeoutMs} ms`);
      const url = host.urls.get(vendor);
      if (!url) throw new Error(`the Prism engine does not serve ${vendor}`);
      return url;
    },
    recycle(reason) {
      const { child } = latest;
      if (stopping || child.exitCode !== null || child.signalCode !== null) return;
      onEvent?.(`Prism engine (pid ${child.pid}) ${reason}; killing it so it is restarted`);
      child.kill('SIGKILL');
    },
    // The process is shared: PrismEngines.stop() ends it.
    stop: async () => undefined,
  });

  return {
    engines: new Map([...options.documents.keys()].map((vendor) => [vendor, engineFor(vendor)])),
    get pid() {
      return latest.child.pid;
    },
    async stop() {
      stopping = true;
      const host = await current.catch(() => undefined);
      if (host) await stopHost(host);
    },
  };
}
