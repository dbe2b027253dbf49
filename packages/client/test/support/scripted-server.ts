import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer: a status, headers and a JSON body; `stall` sends the head and `stall` as the
 * start of the body, then nothing more; `hang` never answers; `drop` closes the socket.
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: unknown; stall?: string }
  | { hang: true }
  | { drop: true };

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ScriptedServer {
  url: string;
  /** Every request received, in order. */
  received: Received[];
  /** Sets the replies for the next requests, in order; the last one repeats. */
  script(...replies: Reply[]): void;
  /** Resolves when the server has received `count` requests in total. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A local HTTP server that answers from a script, for retry tests. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  let replies: Reply[] = [{ status: 200, body: {} }];
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
      const reply = (replies.length > 1 ? replies.shift() : replies[0])!;
      if ('hang' in reply) {
        hanging.push(res);
        return;
      }
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if (reply.stall !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.write(reply.stall);
        hanging.push(res);
        return;
      }
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script(...next) {
      replies = next;
      received.length = 0;
    },
    waitForRequests(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
