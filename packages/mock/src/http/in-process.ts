import type { IncomingMessage } from 'node:http';
import type { FetchHandler } from '../stateful/index.ts';
import type { UpstreamReply } from './prism-errors.ts';
import { upstreamHeaders } from './proxy.ts';

/**
 * Hands a request the front has read and checked to an in-process fetch handler (the stateful
 * engine) as a WHATWG Request, and reads its Response back in the shape forwarded answers have.
 * A declared body is passed even when empty, as a server would see it; GET and HEAD carry none.
 */
export async function answerInProcess(
  handler: FetchHandler,
  request: IncomingMessage,
  target: string,
  body: Buffer,
  overrides: Record<string, string | undefined>,
): Promise<UpstreamReply> {
  const method = request.method ?? 'GET';
  const headers = new Headers();
  for (const [name, value] of Object.entries(upstreamHeaders(request.headers, body, overrides))) {
    if (value === undefined || name === 'content-length') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  const declaresBody = body.length > 0 || request.headers['content-length'] !== undefined;
  const response = await handler(
    // A fixed origin: the engine reads only the path and query, and a Host header may be anything.
    new Request(`http://mock.invalid${target}`, {
      method,
      headers,
      ...(declaresBody && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
    }),
  );
  const replyHeaders: Record<string, string> = {};
  const rawHeaders: string[] = [];
  for (const [name, value] of response.headers) {
    replyHeaders[name] = value;
    rawHeaders.push(name, value);
  }
  return {
    status: response.status,
    headers: replyHeaders,
    rawHeaders,
    body: Buffer.from(await response.arrayBuffer()),
  };
}
