import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { bundleOf, type Vendor } from '@envspec/specs';
import type { DatadogEnvironment, DatadogUpdateEnvironmentRequest } from '@envspec/types/datadog';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import type { QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import {
  MemoryStore,
  applyDatadogUpdate,
  applyQoderUpdate,
  fabroEnvironment,
  revisionFromIfMatch,
  vendorCore,
} from '@envspec/vendors';

/**
 * The floor: a bare `node:http` handler doing the same store update as the reference server for the
 * benchmark's request (same fixtures, same `MemoryStore` get + compare-and-set, the vendor core's
 * own update functions), with a fixed credential check and none of Express, validation, logging or
 * security headers. It understands only what the benchmark sends; anything else is a 400 or 404.
 */

type Json = Record<string, unknown>;

interface BareRoute {
  method: string;
  pattern: RegExp;
  key(match: RegExpExecArray): string;
  /** The stored value after the update, or an error status and message. */
  apply(current: Json, body: unknown, req: IncomingMessage): Json | [number, string];
  render?(value: Json): unknown;
}

const routes: Record<Vendor, BareRoute> = {
  qoder: {
    method: 'PUT',
    pattern: /^\/api\/v1\/cloud\/environments\/([^/?]+)$/,
    key: (match) => match[1]!,
    apply: (current, body) =>
      applyQoderUpdate(current as QoderEnvironment, body as QoderUpdateEnvironmentRequest, new Date()) as Json,
  },
  fabro: {
    method: 'PUT',
    pattern: /^\/api\/v1\/environments\/([^/?]+)$/,
    key: (match) => match[1]!,
    apply: (current, body, req) => {
      const stored = current as FabroEnvironment;
      if (revisionFromIfMatch(String(req.headers['if-match'] ?? '')) !== stored.revision)
        return [409, 'stale revision'];
      return fabroEnvironment(stored.id, body as FabroReplaceEnvironmentRequest) as Json;
    },
  },
  datadog: {
    method: 'PUT',
    pattern: /^\/api\/v2\/feature-flags\/environments\/([^/?]+)$/,
    key: (match) => match[1]!.toLowerCase(),
    apply: (current, body) =>
      applyDatadogUpdate(current as DatadogEnvironment, body as DatadogUpdateEnvironmentRequest, new Date()) as Json,
    render: (value) => ({ data: value }),
  },
  launchdarkly: {
    method: 'PATCH',
    pattern: /^\/api\/v2\/projects\/([^/?]+)\/environments\/([^/?]+)$/,
    key: (match) => `${match[1]}/${match[2]}`,
    apply: (current, body) => {
      const next: Json = { ...current };
      for (const operation of body as Array<{ op: string; path: string; value: unknown }>) {
        const field = /^\/([^/]+)$/.exec(operation.path)?.[1];
        if (operation.op !== 'replace' || field === undefined || !(field in next))
          return [400, 'only replace of a top-level field is supported'];
        next[field] = operation.value;
      }
      return next;
    },
  },
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A bare server for `vendor`, seeded like the reference server. Not listening yet. */
export function createBareServer(vendor: Vendor): Server {
  const core = vendorCore(vendor);
  const store = new MemoryStore(core.fixtures(bundleOf(vendor)) as Array<readonly [string, Json]>);
  const route = routes[vendor];
  // The demo write credential, compared as it is presented: no digest, no constant time.
  const secret = core.credentials.demo.find(
    (credential) => credential.access === 'write' && !credential.rateLimit,
  )?.secret;
  const authorized = (req: IncomingMessage) =>
    core.credentials.presented((name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    }) === secret;
  return createServer((req, res) => {
    const match = req.method === route.method ? route.pattern.exec(req.url ?? '') : null;
    if (!match) return send(res, 404, { message: 'no such route' });
    if (!authorized(req)) return send(res, 401, { message: 'unauthorized' });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(res, 400, { message: 'malformed JSON' });
        }
        const key = route.key(match);
        for (;;) {
          const current = await store.get(key);
          if (!current) return send(res, 404, { message: `no ${key}` });
          const next = route.apply(current.value, body, req);
          if (Array.isArray(next)) return send(res, next[0], { message: next[1] });
          const written = await store.compareAndSet(key, current.version, next);
          if (written) return send(res, 200, route.render ? route.render(written.value) : written.value);
        }
      })();
    });
  });
}
