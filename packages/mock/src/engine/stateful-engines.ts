import type { Vendor } from '@envspec/specs';
import type { Store } from '@envspec/vendors';
import { createStatefulEngine, type FetchHandler } from '../stateful/index.ts';
import type { Engine } from './engine.ts';

/**
 * Stateful mode: one in-process engine per vendor (the vendor core's semantics over a store,
 * `src/stateful/`), answered by the mock fronts in this process, with no server behind them.
 */
export function startStatefulEngines(
  vendors: readonly Vendor[],
  stores: Partial<Record<Vendor, Store<unknown>>> = {},
  onError: (vendor: Vendor, error: unknown) => void = () => undefined,
): { handlers: Map<Vendor, FetchHandler>; engines: Map<Vendor, Engine>; stop(): Promise<void> } {
  const running = vendors.map((vendor) =>
    createStatefulEngine(vendor, {
      ...(stores[vendor] ? { store: stores[vendor] } : {}),
      onError: (error) => onError(vendor, error),
    }),
  );
  const engines = new Map<Vendor, Engine>();
  for (const engine of running) {
    engines.set(engine.vendor, {
      kind: 'stateful',
      // In process: there is no engine URL to forward to, and no child process.
      url: '',
      pid: undefined,
      ready: async () => '',
      recycle: () => undefined,
      stop: () => engine.close(),
    });
  }
  return {
    handlers: new Map(running.map((engine) => [engine.vendor, engine.handle])),
    engines,
    stop: async () => {
      await Promise.all(running.map((engine) => engine.close()));
    },
  };
}
