import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleOf, vendors as allVendors, type Vendor } from '@envspec/specs';
import { defaultMockPorts, type Store } from '@envspec/vendors';
import { dynamicCoherence } from './dynamic/coherence.ts';
import { prismDocument } from './dynamic/prism-document.ts';
import { engineSlot, type Engine } from './engine/engine.ts';
import { startPrismEngines, type PrismHostLaunch, type PrismLogLevel } from './engine/prism-engine.ts';
import { startStatefulEngines } from './engine/stateful-engines.ts';
import { corsPolicy, defaultCorsOrigins, type CorsOptions } from './http/cors.ts';
import { refusedOriginReporter } from './http/refused-origins.ts';
import { createFront, resolveMockLimits, type MockLimits } from './http/front-server.ts';
import { checkInjectionOptions, randomSource, type InjectionOptions } from './http/injection.ts';
import { indexSpec } from './spec/spec-index.ts';
import { demoCredentialCheck } from './vendor/demo-credentials.ts';
import { vendorErrors } from './vendor/vendor-errors.ts';

/**
 * - `static`: Prism answers with the spec's examples (default).
 * - `dynamic`: Prism generates data from the schemas; pass `seed` to make it repeatable.
 * - `stateful`: the vendor core's semantics answer in process, so an update is visible to the next read.
 */
export type MockMode = 'static' | 'dynamic' | 'stateful';

export const mockModes: readonly MockMode[] = ['static', 'dynamic', 'stateful'];

export interface MockFleetOptions extends InjectionOptions {
  vendors?: readonly Vendor[];
  ports?: Partial<Record<Vendor, number>>;
  host?: string;
  mode?: MockMode;
  /** Seed for dynamic mode (and for which requests get an injected error), so runs repeat. */
  seed?: string;
  /** Prism's output and the mock's own events (restarts, 5xx it produced), per vendor. */
  onLog?: (vendor: Vendor, line: string) => void;
  /** How much of Prism's own log reaches `onLog` (default `warn`; `info` logs every request). */
  prismLogLevel?: PrismLogLevel;
  /** Browser access; default: local dev origins on any port. `false` turns CORS off. */
  cors?: CorsOptions | false;
  limits?: Partial<MockLimits>;
  /** Stateful mode: where each vendor's resources live; default in memory, seeded from the spec's fixtures. */
  stores?: Partial<Record<Vendor, Store<unknown>>>;
  /**
   * The engine process, forked earlier with `prelaunchPrismEngine()` so Prism loaded meanwhile;
   * adopted in static and dynamic mode, ended in stateful mode (which needs no Prism).
   */
  prismEngine?: PrismHostLaunch;
}

export interface RunningMock {
  vendor: Vendor;
  url: string;
  port: number;
  /** What answers behind the mock's front: the supervised Prism engine (one process shared by every mock), or the in-process stateful engine. */
  engine: Pick<Engine, 'kind' | 'url' | 'pid' | 'ready'>;
}

export interface MockFleet {
  mocks: RunningMock[];
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string, vendor: Vendor): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} for the ${vendor} mock is already in use: stop what listens there, or choose another port (--port ${vendor}=N)`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts one mock per vendor and resolves when every one answers. Each mock is a guarding front on
 * the public port (4010–4013 by default) in front of its engine: Prism (static, dynamic), every
 * vendor's spec in one supervised engine process (restarted if it dies or hangs), or the
 * in-process stateful engine.
 */
export async function startMocks(options: MockFleetOptions = {}): Promise<MockFleet> {
  const { vendors = allVendors, host = '127.0.0.1', mode = 'static', seed, onLog } = options;
  if (!mockModes.includes(mode)) throw new Error(`mode must be one of ${mockModes.join(', ')}, got '${String(mode)}'`);
  const injection = checkInjectionOptions(options);
  const limits = resolveMockLimits(options.limits);
  const random = randomSource(seed);
  const log = (vendor: Vendor) => (line: string) => onLog?.(vendor, line);

  const fronts: Array<{ vendor: Vendor; server: Server; port: number }> = [];
  const engines = new Map<Vendor, Engine>();
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    await Promise.all(fronts.map(({ server }) => close(server)));
    await Promise.all(stoppers.map((stop) => stop()));
  };

  try {
    const stateful =
      mode === 'stateful'
        ? startStatefulEngines(vendors, options.stores, (vendor, error) =>
            log(vendor)(`mock: the stateful engine failed: ${(error as Error).stack ?? String(error)}`),
          )
        : undefined;
    if (stateful) stoppers.push(stateful.stop);
    // The public ports first, so a port clash fails before any Prism starts.
    const slots = new Map<Vendor, ReturnType<typeof engineSlot>>();
    const bundles = new Map(vendors.map((vendor) => [vendor, bundleOf(vendor)]));
    for (const vendor of vendors) {
      const index = indexSpec(bundles.get(vendor)!);
      const slot = engineSlot(mode === 'stateful' ? 'stateful' : 'prism');
      slots.set(vendor, slot);
      const { engine } = slot;
      engines.set(vendor, engine);
      const errors = vendorErrors(vendor);
      const server = createFront({
        errors,
        index,
        engine,
        stateful: stateful?.handlers.get(vendor),
        cors: options.cors === false ? undefined : corsPolicy(index, options.cors),
        injection,
        limits,
        random,
        log: log(vendor),
        ...(mode === 'stateful'
          ? {}
          : {
              coherence: dynamicCoherence(vendor, { dynamic: mode === 'dynamic' }),
              credentials: demoCredentialCheck(vendor, bundles.get(vendor)!, errors),
            }),
        onRefusedOrigin: refusedOriginReporter(
          log(vendor),
          options.cors === false ? false : (options.cors?.origins ?? defaultCorsOrigins),
        ),
      });
      const port = await listen(server, options.ports?.[vendor] ?? defaultMockPorts[vendor], host, vendor);
      fronts.push({ vendor, server, port });
    }

    if (mode === 'stateful') {
      for (const [vendor, engine] of stateful?.engines ?? []) slots.get(vendor)!.attach(engine);
    } else {
      const prism = await startPrismEngines({
        ...(options.prismEngine ? { prelaunched: options.prismEngine } : {}),
        documents: new Map(vendors.map((vendor) => [vendor, prismDocument(bundles.get(vendor)!)])),
        mode,
        ...(seed === undefined ? {} : { seed }),
        ...(options.prismLogLevel ? { logLevel: options.prismLogLevel } : {}),
        onLog: (vendor, line) => log(vendor)(line),
        // One engine serves every mock: each mock's log tells of its restarts.
        onEvent: (line) => {
          for (const vendor of vendors) log(vendor)(`mock: ${line}`);
        },
      });
      stoppers.push(prism.stop);
      for (const [vendor, engine] of prism.engines) slots.get(vendor)!.attach(engine);
    }
  } catch (error) {
    await stopAll();
    options.prismEngine?.dispose();
    throw error;
  }
  // Unused (stateful mode): nothing else will end it.
  if (mode === 'stateful') options.prismEngine?.dispose();

  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    mocks: fronts.map(({ vendor, port }) => ({
      vendor,
      port,
      url: `http://${displayHost}:${port}`,
      engine: engines.get(vendor)!,
    })),
    stop: stopAll,
  };
}
