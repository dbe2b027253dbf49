import type { Vendor } from '@envspec/specs/vendors';
import { createApp, type AppOptions } from '../../src/create-app.ts';
import { serve } from './serve.ts';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Harness {
  url: string;
  request(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown; rawBody?: string },
  ): Promise<Reply>;
  close(): Promise<void>;
}

/** Starts a vendor's reference server on a free loopback port and speaks HTTP to it. */
export async function startHarness(vendor: Vendor, options: AppOptions<unknown> = {}): Promise<Harness> {
  const served = await serve(await createApp(vendor, options));
  return {
    url: served.url,
    close: served.close,
    async request(method, path, init = {}) {
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
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
  };
}
