/**
 * How a long-running envspec command ends: SIGINT (Ctrl-C), SIGTERM (what scripts, IDEs and CI
 * send) and SIGHUP (a closed terminal) stop everything it started — servers, mocks and the Prism
 * engine — and the process exits; a stop that hangs is cut short so every port is free within
 * seconds, and a second signal exits at once.
 */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface StopOnSignalsOptions {
  /** Where "SIGTERM: stopping…" goes; default stderr. */
  log?: (line: string) => void;
  /** Longest wait for a graceful stop before exiting anyway (children are killed on exit). */
  graceMs?: number;
  exit?: (code: number) => void;
}

/** Installs the signal handlers; returns a function that removes them. */
export function stopOnSignals(
  stop: () => Promise<void>,
  {
    log = (line) => process.stderr.write(`${line}\n`),
    graceMs = 4_000,
    exit = (code) => process.exit(code),
  }: StopOnSignalsOptions = {},
): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    log(`${signal}: stopping…`);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    Promise.race([stop().then(() => 'stopped' as const), deadline]).then(
      (outcome) => {
        clearTimeout(timer);
        if (outcome === 'late') log(`did not stop within ${graceMs} ms; exiting anyway`);
        exit(outcome === 'stopped' ? 0 : 1);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of stopSignals) process.on(signal, onSignal);
  return () => {
    for (const signal of stopSignals) process.off(signal, onSignal);
  };
}
