import { findFreePort } from '../free-port.ts';
import { startPrism, type PrismMode, type PrismProcess } from '../prism-process.ts';
import { withTimeout, type Engine } from './engine.ts';

export interface PrismEngineOptions {
  specPath: string;
  mode: PrismMode;
  seed?: string;
  /** Prism's output lines. */
  onLog?: (line: string) => void;
  /** Supervisor events: an unexpected exit, a restart, a failed restart. */
  onEvent?: (line: string) => void;
  /** Longest pause between restarts of a Prism that keeps dying. */
  maxBackoffMs?: number;
}

/** A Prism that lived less than this is "crash-looping": its restarts back off. */
const stableAfterMs = 10_000;

/**
 * Runs Prism on a free loopback port and keeps it running: when the child dies (a crash, an OOM kill,
 * SIGKILL) it is started again and the event logged; `ready()` waits through the restart, so requests
 * that arrive meanwhile are answered once it is back.
 */
export async function startPrismEngine({
  specPath,
  mode,
  seed,
  onLog,
  onEvent,
  maxBackoffMs = 5_000,
}: PrismEngineOptions): Promise<Engine> {
  let stopping = false;
  let restarts = 0;
  let backoffMs = 0;
  /** The live Prism, or the restart that will produce it. */
  let current: Promise<PrismProcess>;
  let latest: PrismProcess | undefined;

  const launch = async (): Promise<PrismProcess> => {
    const prism = await startPrism({
      specPath,
      port: await findFreePort(),
      host: '127.0.0.1',
      mode,
      cors: false,
      ...(seed === undefined ? {} : { seed }),
      ...(onLog ? { onLog } : {}),
    });
    const startedAt = Date.now();
    latest = prism;
    prism.child.once('exit', (code, signal) => {
      if (stopping) return;
      const lived = Date.now() - startedAt;
      backoffMs = lived < stableAfterMs ? Math.min(maxBackoffMs, Math.max(100, backoffMs * 2)) : 0;
      onEvent?.(
        `Prism (pid ${prism.child.pid}) exited unexpectedly with ${signal ?? `code ${code}`} after ${Math.round(lived / 1000)} s; restarting${backoffMs ? ` in ${backoffMs} ms` : ''}`,
      );
      current = relaunch();
      current.catch(() => undefined); // rejects only when stopping; ready() callers see it themselves
    });
    return prism;
  };

  const relaunch = async (): Promise<PrismProcess> => {
    for (;;) {
      if (backoffMs) await new Promise((resolve) => setTimeout(resolve, backoffMs));
      if (stopping) throw new Error('the mock is stopping');
      const started = Date.now();
      try {
        const prism = await launch();
        restarts += 1;
        onEvent?.(
          `Prism restarted (pid ${prism.child.pid}, ${prism.url}) in ${Date.now() - started} ms; restart #${restarts}`,
        );
        if (stopping) await prism.stop();
        return prism;
      } catch (error) {
        backoffMs = Math.min(maxBackoffMs, Math.max(200, backoffMs * 2));
        onEvent?.(`Prism restart failed: ${(error as Error).message.split('\n')[0]}; retrying in ${backoffMs} ms`);
      }
    }
  };

  current = Promise.resolve(await launch());

  return {
    kind: 'prism',
    get url() {
      return latest?.url ?? '';
    },
    get pid() {
      return latest?.child.pid;
    },
    async ready(timeoutMs) {
      // `current` is replaced when the child exits; follow it until a live one answers.
      for (;;) {
        const watched = current;
        const prism = await withTimeout(watched, timeoutMs, `Prism did not come back within ${timeoutMs} ms`);
        if (watched === current) return prism.url;
      }
    },
    recycle(reason) {
      const child = latest?.child;
      if (stopping || !child || child.exitCode !== null || child.signalCode !== null) return;
      onEvent?.(`Prism (pid ${child.pid}) ${reason}; killing it so it is restarted`);
      child.kill('SIGKILL');
    },
    async stop() {
      stopping = true;
      const prism = await current.catch(() => undefined);
      await prism?.stop();
    },
  };
}
