import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { loadBundle } from '@envspec/specs';
import type { Vendor } from '@envspec/specs/vendors';
import { MemoryStore, vendorModules, type VendorModule } from '@envspec/server';

/**
 * The floor: a bare `node:http` handler doing the same store update as the reference server for the
 * benchmark's request (same fixtures, same `MemoryStore` get + compare-and-set, same kind of change),
 * with a fixed credential check and none of Express, validation, logging or security headers.
 * It understands only what the benchmark sends; anything else is a 400 or 404.
 */

type Json = Record<string, unknown>;

interface BareRoute {
  method: string;
  pattern: RegExp;
  key(match: RegExpExecArray): string;
  authorized(req: IncomingMessage): boolean;
  /** The stored value after the update, or an error status and message. */
  apply(current: Json, body: unknown, req: IncomingMessage): Json | [number, string];
  render?(value: Json): unknown;
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Json =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Json) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Json)[key])]),
  );
}

const routes: Record<Vendor, BareRoute> = {
  qoder: {
    method: 'PUT',
    pattern: /^\/api\/v1\/cloud\/environments\/([^/?]+)$/,
    key: (match) => match[1]!,
    authorized: (req) => req.headers.authorization === 'Bearer qoder_pat_demo_write',
    apply: (current, body) => ({
      ...(mergePatch(current, body) as Json),
      id: current.id,
      updated_at: new Date().toISOString(),
    }),
  },
  fabro: {
    method: 'PUT',
    pattern: /^\/api\/v1\/environments\/([^/?]+)$/,
    key: (match) => match[1]!,
    authorized: (req) => req.headers.authorization === 'Bearer fabro_dev_demo_write',
    apply: (current, body, req) => {
      const sent = String(req.headers['if-match'] ?? '').replace(/^"(.*)"$/, '$1');
      if (sent !== current.revision) return [409, 'stale revision'];
      const definition = { id: current.id, ...(body as Json) };
      const revision = createHash('sha256')
        .update(JSON.stringify(canonical(definition)), 'utf8')
        .digest('hex');
      return { id: current.id, revision, ...(body as Json) };
    },
  },
  datadog: {
    method: 'PUT',
    pattern: /^\/api\/v2\/feature-flags\/environments\/([^/?]+)$/,
    key: (match) => match[1]!.toLowerCase(),
    authorized: (req) =>
      req.headers['dd-api-key'] === 'dd_demo_api_key' && req.headers['dd-application-key'] === 'dd_demo_app_key_write',
    apply: (current, body) => {
      const attributes = (body as { data: { attributes: Json } }).data.attributes;
      return {
        ...current,
        attributes: { ...(current.attributes as Json), ...attributes, updated_at: new Date().toISOString() },
      };
    },
    render: (value) => ({ data: value }),
  },
  launchdarkly: {
    method: 'PATCH',
    pattern: /^\/api\/v2\/projects\/([^/?]+)\/environments\/([^/?]+)$/,
    key: (match) => `${match[1]}/${match[2]}`,
    authorized: (req) => req.headers.authorization === 'api-0000demo-write',
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
  const module = vendorModules[vendor] as VendorModule<Json>;
  const store = new MemoryStore<Json>(module.seed(loadBundle(vendor)));
  const route = routes[vendor];
  return createServer((req, res) => {
    const match = req.method === route.method ? route.pattern.exec(req.url ?? '') : null;
    if (!match) return send(res, 404, { message: 'no such route' });
    if (!route.authorized(req)) return send(res, 401, { message: 'unauthorized' });
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
