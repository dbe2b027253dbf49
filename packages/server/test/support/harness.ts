import { afterAll, beforeAll } from 'vitest';
import type { Vendor } from '@envspec/specs';
import { vendorCore, type Store, type Versioned } from '@envspec/vendors';
import { createApp, createSeededStore, type AppOptions } from '../../src/create-app.ts';
import { serve, type Served } from './serve.ts';

export interface Reply<Body = unknown> {
  status: number;
  headers: Headers;
  /** The body parsed as JSON (undefined when it is not JSON), typed as the test expects it. */
  body: Body;
  text: string;
}

export interface Harness {
  url: string;
  request<Body = unknown>(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown; rawBody?: string },
  ): Promise<Reply<Body>>;
  close(): Promise<void>;
}

/** Speaks HTTP to a served app. */
function harnessOf(served: Served): Harness {
  return {
    url: served.url,
    close: served.close,
    async request<Body>(
      method: string,
      path: string,
      init: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
    ) {
      const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      const headers = {
        ...(body !== undefined && init.rawBody === undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      };
      const response = await fetch(`${served.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed as Body, text };
    },
  };
}

/** Starts a vendor's reference server on a free loopback port and speaks HTTP to it. */
export async function startHarness(vendor: Vendor, options: AppOptions = {}): Promise<Harness> {
  return harnessOf(await serve(await createApp(vendor, options)));
}

/** A store whose contents can be replaced whole: what the shared server's routes hold on to. */
class ReplaceableStore implements Store<unknown> {
  constructor(public current: Store<unknown>) {}
  get(key: string): Promise<Versioned<unknown> | undefined> {
    return this.current.get(key);
  }
  compareAndSet(key: string, expectedVersion: number, value: unknown): Promise<Versioned<unknown> | undefined> {
    return this.current.compareAndSet(key, expectedVersion, value);
  }
  close(): Promise<void> {
    return this.current.close();
  }
}

export interface SharedHarness {
  /** The file's server with a freshly seeded store: every test starts from the spec's fixtures. */
  fresh(): Promise<Harness>;
}

/**
 * One reference server for a whole test file, its state reset for each test. Building an app costs
 * ~70 ms (the validator compiles the spec's schemas on the first request); reseeding a store from the
 * fixtures next to nothing. The store is the app's state; the rate limiter's counts are the only state
 * the app keeps itself, so the shared app accepts no rate-limited credential (the demo's throttled one
 * is refused as unknown): a test of throttling starts its own server with `startHarness`. `close()` on
 * the harness `fresh()` gives is a no-op, so a file's `afterEach(() => server.close())` stays as it is;
 * the server stops after the file.
 */
export function sharedHarness(
  vendor: Vendor,
  options: Omit<AppOptions, 'store' | 'credentials' | 'rateLimit'> = {},
): SharedHarness {
  const core = vendorCore(vendor);
  let store: ReplaceableStore | undefined;
  let served: Served | undefined;
  let harness: Harness | undefined;
  beforeAll(async () => {
    store = new ReplaceableStore(await createSeededStore(core));
    const credentials = core.credentials.demo.filter((credential) => !credential.rateLimit);
    served = await serve(await createApp(vendor, { ...options, credentials, store }));
    harness = { ...harnessOf(served), close: async () => undefined };
  });
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });
  return {
    async fresh() {
      if (!store || !harness) throw new Error('sharedHarness: fresh() runs in a beforeEach or a test');
      const previous = store.current;
      store.current = await createSeededStore(core);
      await previous.close();
      return harness;
    },
  };
}
