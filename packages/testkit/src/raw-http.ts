import http, { Agent, type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { connect } from 'node:net';

/** One answer, read whole. */
export interface RawReply<Body = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON), typed as the caller expects it. */
  body: Body;
  /** Milliseconds from sending until the answer was read. */
  ms: number;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given: `..`, `%2e%2e`, `%00` and malformed percent-encoding are not touched. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A keep-alive agent to share connections; default a fresh connection per request. */
  agent?: Agent | false;
  /**
   * Rejects when no answer has come within this long. Default none: a test waits for the answer as
   * long as the test itself may take, so a slow machine never fails it.
   */
  timeoutMs?: number;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Kept-alive connections for the requests of one test file (destroy it in `afterAll`). */
export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 16 });
}

/**
 * One HTTP/1.1 exchange through node:http (node:https for an https base URL), which (unlike fetch)
 * sends the path exactly as given and adds no Content-Type of its own. `Content-Length` is set for
 * a body unless given.
 */
export function send<Body = unknown>(
  baseUrl: string,
  { method = 'GET', path, headers = {}, body, agent = false, timeoutMs }: RawRequest,
): Promise<RawReply<Body>> {
  const { hostname, port, protocol } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // Called through the module objects, not named imports, so an in-process interceptor that
    // patches them (msw/node's) sees the request.
    const outgoing = (protocol === 'https:' ? https : http).request(
      {
        host: hostname,
        port,
        method,
        path,
        agent,
        ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
        headers: { ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            body: parseJson(text) as Body,
            ms: Date.now() - started,
          });
        });
      },
    );
    if (timeoutMs !== undefined) {
      outgoing.once('timeout', () =>
        outgoing.destroy(new Error(`no answer to ${method} ${path.slice(0, 80)} within ${timeoutMs} ms`)),
      );
    }
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

export interface SocketExchange {
  /** Everything the server sent before closing. */
  raw: string;
  /** The first response in `raw`, when there is one. */
  reply?: RawReply;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/** Parses the first HTTP/1.1 response of a raw byte stream (Content-Length bodies only). */
export function parseRawResponse(raw: string, ms = 0): RawReply | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const text = Buffer.from(raw.slice(end + 4), 'utf8')
    .subarray(0, length)
    .toString('utf8');
  return { status, headers, text, body: parseJson(text), ms };
}

/**
 * Opens a raw TCP connection, lets `drive` write whatever it likes (or nothing, or slowly), and
 * collects what the server sends until it closes the connection or `timeoutMs` passes (then the
 * promise rejects: the server hung).
 */
export function socketExchange(
  url: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a driver may return nothing or a stop function
  drive: (write: (bytes: string | Buffer) => boolean, end: () => void) => void | (() => void),
  timeoutMs = 10_000,
): Promise<SocketExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    // biome-ignore lint/suspicious/noConfusingVoidType: holds what drive returned
    let stop: void | (() => void);
    const timer = setTimeout(() => {
      stop?.();
      socket.destroy();
      reject(new Error(`the server neither answered nor closed the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      stop = drive(
        (bytes) => !socket.destroyed && socket.write(bytes),
        () => socket.end(),
      );
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset after the answer (the server closing while we still send) still ends the exchange.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      stop?.();
      const raw = Buffer.concat(chunks).toString('utf8');
      const closedAfterMs = Date.now() - started;
      const reply = parseRawResponse(raw, closedAfterMs);
      resolve({ raw, closedAfterMs, ...(reply ? { reply } : {}) });
    });
  });
}
