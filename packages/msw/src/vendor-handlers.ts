import { delay as wait, http, type HttpHandler } from 'msw';
import type { Vendor } from '@envspec/specs';
import type { Store } from '@envspec/vendors';
import { createExamplesEngine, type ExamplesEngine } from '@envspec/mock/examples';
import { createStatefulEngine, type StatefulEngine, type StatefulEngineOptions } from '@envspec/mock/stateful';
import { defaultBaseUrl, normalizeBaseUrl } from './base-url.ts';
import { injectedResponse, type InjectionHook } from './injection.ts';

/**
 * `stateful`: the vendor core's semantics over an in-memory store seeded with the reference
 * server's fixtures (Qoder's merge, Fabro's replace with If-Match/ETag, Datadog's JSON:API,
 * LaunchDarkly's atomic JSON Patch), credentials checked against the demo credentials.
 * `examples`: the spec's examples, a documented status chosen with `Prefer: code=…, example=…`.
 */
export type HandlerMode = 'stateful' | 'examples';

export const handlerModes = ['stateful', 'examples'] as const satisfies readonly HandlerMode[];

/** Milliseconds to wait before answering: a fixed number, or decided per request. */
export type DelayOption = number | ((request: Request) => number | Promise<number>);

export interface VendorHandlersOptions {
  /** Default `stateful`. */
  mode?: HandlerMode;
  /** Where the vendor's API is intercepted; default the vendor's own host (`defaultBaseUrl`). May carry a path prefix. */
  baseUrl?: string;
  /** Latency before each answer (loading states); default none. */
  delay?: DelayOption;
  /** Fails chosen requests before the mock answers them (error states). */
  inject?: InjectionHook;
  /** Stateful mode: accepted credentials, rate limit, clock, body limits, the vendor's own options. */
  engine?: Omit<StatefulEngineOptions, 'store' | 'onError'>;
  /** Anything that made the mock answer 500 (a bug); default `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

/** One vendor's handlers and the state behind them. */
export interface VendorHandlers {
  vendor: Vendor;
  mode: HandlerMode;
  /** The normalized base URL the handlers answer under. */
  baseUrl: string;
  /** Pass to `setupWorker(...)` / `setupServer(...)`, or spread among your own. */
  handlers: HttpHandler[];
  /** Back to the fixtures with fresh rate-limit windows (stateful); a no-op for examples. Call between tests. */
  reset(): void;
  /** The stateful engine's store, to inspect or seed state in a test; undefined in examples mode. */
  readonly store: Store<unknown> | undefined;
}

function checkDelay(vendor: Vendor, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`${vendor} delay must be a number of milliseconds ≥ 0, got ${ms}`);
  return ms;
}

/** The request as the engine must see it: under a base URL with a path prefix, the path without it. */
async function underBase(request: Request, prefix: string): Promise<Request> {
  if (prefix === '') return request;
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(prefix.length) || '/';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
  });
}

/**
 * MSW request handlers for one vendor's API: every request under `baseUrl` (any path, any method,
 * so a path outside the spec still gets the vendor's 404 rather than reaching the network) is
 * answered in process by the mock's browser-safe engines, exactly as the reference server answers
 * it: request validation against the bundled spec, credentials in the vendor's scheme, every
 * failure in the vendor's envelope with the server's status and headers.
 */
export function vendorHandlers(vendor: Vendor, options: VendorHandlersOptions = {}): VendorHandlers {
  const mode = options.mode ?? 'stateful';
  if (!(handlerModes as readonly string[]).includes(mode))
    throw new TypeError(`${vendor} mode must be one of ${handlerModes.join(', ')}, got '${mode}'`);
  const base = normalizeBaseUrl(vendor, options.baseUrl ?? defaultBaseUrl(vendor));
  const baseUrl = `${base.origin}${base.prefix}`;
  if (typeof options.delay === 'number') checkDelay(vendor, options.delay);
  const onError =
    options.onError ??
    ((error: unknown, request: Request) =>
      console.error(`@envspec/msw ${vendor}: ${request.method} ${request.url} failed with a 500:`, error));

  let examples: ExamplesEngine | undefined;
  const examplesEngine = () => {
    examples ??= createExamplesEngine(vendor, { onError });
    return examples;
  };
  const newStateful = () => createStatefulEngine(vendor, { ...options.engine, onError });
  let stateful: StatefulEngine | undefined = mode === 'stateful' ? newStateful() : undefined;

  const answer = async (request: Request): Promise<Response> => {
    const incoming = await underBase(request, base.prefix);
    const ms = typeof options.delay === 'function' ? checkDelay(vendor, await options.delay(incoming)) : options.delay;
    if (ms) await wait(ms);
    if (options.inject) {
      const engine = examplesEngine();
      const described = engine.describe(incoming);
      const injected = await options.inject(incoming, {
        vendor,
        operationId: described?.operationId,
        documentedStatuses: described?.statuses ?? [],
      });
      if (injected !== undefined)
        return injectedResponse(vendor, injected, incoming, (status) => engine.documented(incoming, status));
    }
    return stateful ? stateful.handle(incoming) : examplesEngine().handle(incoming);
  };

  return {
    vendor,
    mode,
    baseUrl,
    handlers: [http.all(`${baseUrl}/*`, ({ request }) => answer(request))],
    reset() {
      if (!stateful) return;
      void stateful.close();
      stateful = newStateful();
    },
    get store() {
      return stateful?.store;
    },
  };
}
