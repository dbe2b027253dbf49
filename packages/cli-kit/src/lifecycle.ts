/**
 * How a long-running envspec command ends: SIGINT (Ctrl-C), SIGTERM (what scripts, IDEs and CI
 * send) and SIGHUP (a closed terminal) stop everything it started — servers, mocks and the Prism
 * engine — and the process exits; a stop that hangs is cut short so every port is free within
 * seconds, and a second signal exits at once.
 *
 * With ENVSPEC_EXIT_WITH_PARENT=1 (the repo's `pnpm start` sets it) the command also stops when the
 * process that started it dies: a wrapper such as `pnpm` or `sh -c` killed without passing the
 * signal on must not leave envspec holding the ports. It is off by default because a CI step that
 * runs `envspec mock &` wants the mock to outlive the step's shell.
 */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface StopOnSignalsOptions {
  /** Where "SIGTERM: stopping…" goes; default stderr. */
  log?: (line: string) => void;
  /** Longest wait for a graceful stop before exiting anyway (children are killed on exit). */
  graceMs?: number;
  exit?: (code: number) => void;
  /** Also stop when the parent process is gone; default from ENVSPEC_EXIT_WITH_PARENT. */
  exitWithParent?: boolean;
}

/** How often the parent is looked for: a stopped wrapper frees the ports within about a second. */
const parentCheckMs = 250;

/** Installs the signal handlers (and the parent watch); returns a function that removes them. */
export function stopOnSignals(
  stop: () => Promise<void>,
  {
    log = (line) => process.stderr.write(`${line}\n`),
    graceMs = 4_000,
    exit = (code) => process.exit(code),
    exitWithParent = process.env.ENVSPEC_EXIT_WITH_PARENT === '1',
  }: StopOnSignalsOptions = {},
): () => void {
  let stopping = false;
  const shutdown = (reason: string) => {
    stopping = true;
    log(`${reason}: stopping…`);
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
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return shutdown(signal);
    log(`${signal} again: exiting now`);
    exit(1);
  };
  for (const signal of stopSignals) process.on(signal, onSignal);
  const parent = process.ppid;
  const watch = exitWithParent
    ? setInterval(() => {
        if (stopping || process.ppid === parent) return;
        clearInterval(watch);
        shutdown(`the process that started envspec (pid ${parent}) is gone`);
      }, parentCheckMs).unref()
    : undefined;
  return () => {
    clearInterval(watch);
    for (const signal of stopSignals) process.off(signal, onSignal);
  };
}
