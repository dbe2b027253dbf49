import { type Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { UpstreamReply } from './prism-errors.ts';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the front recomputes. */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
  'content-length',
  'host',
  'expect',
]);

export interface ForwardRequest {
  method: string;
  /** Path and query, exactly as the client sent them. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Headers to send upstream: the client's, minus hop-by-hop ones, the mock's own, and compression; an override of undefined removes a header. */
export function upstreamHeaders(
  headers: IncomingHttpHeaders,
  body: Buffer,
  overrides: Record<string, string | undefined> = {},
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || name.startsWith('x-mock-') || name === 'accept-encoding') continue;
    out[name] = value;
  }
  if (body.length > 0 || headers['content-length'] !== undefined) out['content-length'] = String(body.length);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

/** Response headers to pass to the client, spelled as the engine spelled them, minus hop-by-hop, CORS and Prism's debugging headers. */
export function clientHeaders(reply: UpstreamReply): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const raw =
    reply.rawHeaders ??
    Object.entries(reply.headers).flatMap(([name, value]) =>
      Array.isArray(value) ? value.flatMap((item) => [name, item]) : value === undefined ? [] : [name, value],
    );
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!;
    const value = raw[index + 1]!;
    const lower = name.toLowerCase();
    if (hopByHop.has(lower) || lower.startsWith('access-control-') || lower === 'sl-violations' || lower === 'date')
      continue;
    const spelled = Object.keys(out).find((key) => key.toLowerCase() === lower) ?? name;
    const previous = out[spelled];
    out[spelled] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [String(previous)]), value];
  }
  return out;
}

/** Sends one request to the engine and reads its whole answer (mock answers are small; `maxBytes` caps them). */
export function forward(
  baseUrl: string,
  input: ForwardRequest,
  {
    agent,
    timeoutMs,
    maxBytes,
    overrides,
  }: { agent: Agent; timeoutMs: number; maxBytes: number; overrides?: Record<string, string | undefined> },
): Promise<UpstreamReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.target,
        headers: upstreamHeaders(input.headers, input.body, overrides),
        agent,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy(new Error(`engine answer exceeds ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
        response.once('error', reject);
      },
    );
    outgoing.once('timeout', () =>
      outgoing.destroy(Object.assign(new Error(`engine did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    outgoing.once('error', reject);
    outgoing.end(input.body.length > 0 ? input.body : undefined);
  });
}
