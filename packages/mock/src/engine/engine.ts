/** What answers behind a mock's front: a supervised Prism, or the in-process stateful engine. */
export interface Engine {
  kind: 'prism' | 'stateful';
  /** Resolves with the engine's base URL once it answers, waiting through a restart; rejects after `timeoutMs`. */
  ready(timeoutMs: number): Promise<string>;
  /** The engine's base URL now (it changes when Prism is restarted on another port). */
  readonly url: string;
  /** The Prism child's process id; undefined for the in-process stateful engine. */
  readonly pid: number | undefined;
  /** Replaces a wedged engine (one that stopped answering); a no-op where there is nothing to replace. */
  recycle(reason: string): void;
  stop(): Promise<void>;
}

/** Rejects after `timeoutMs` with `message`, unless `promise` settles first. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An engine handle that exists before its engine does, so the fronts can listen (and fail fast on a
 * port clash) while the engines start; requests that arrive meanwhile wait in `ready()`.
 */
export function engineSlot(kind: Engine['kind']): { engine: Engine; attach(delegate: Engine): void } {
  let delegate: Engine | undefined;
  let attached!: (engine: Engine) => void;
  const started = new Promise<Engine>((resolve) => (attached = resolve));
  return {
    attach(engine) {
      delegate = engine;
      attached(engine);
    },
    engine: {
      kind,
      get url() {
        return delegate?.url ?? '';
      },
      get pid() {
        return delegate?.pid;
      },
      async ready(timeoutMs) {
        const begun = Date.now();
        const engine =
          delegate ?? (await withTimeout(started, timeoutMs, `the engine did not start within ${timeoutMs} ms`));
        return engine.ready(Math.max(1, timeoutMs - (Date.now() - begun)));
      },
      recycle: (reason) => delegate?.recycle(reason),
      stop: async () => delegate?.stop(),
    },
  };
}
