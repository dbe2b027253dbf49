import type { Vendor } from '@envspec/specs';
import { createApp, type AppOptions } from '../../src/create-app.ts';
import { serve } from './serve.ts';

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

/** Starts a vendor's reference server on a free loopback port and speaks HTTP to it. */
export async function startHarness(vendor: Vendor, options: AppOptions = {}): Promise<Harness> {
  const served = await serve(await createApp(vendor, options));
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
