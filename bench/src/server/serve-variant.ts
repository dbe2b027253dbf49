/**
 * Child-process entry: serves one variant of one vendor on a free loopback port, tells the parent
 * the port over IPC, and exits cleanly on SIGTERM or when the parent goes away (so `--cpu-prof`
 * writes its profile). Run as `node --import tsx serve-variant.ts <variant> <vendor> [log level]`.
 *
 * - `reference`: the reference server's app (`createApp`), request and response validation on.
 * - `unvalidated`: the same app with `validation: false` (the benchmark-only switch).
 * - `bare`: `createBareServer`, a bare `node:http` handler doing the same store update.
 *
 * Both Express variants log like `envspec-server` does (pino, JSON lines to stderr, same redaction).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createServerLogger } from '@envspec/server';
import { isVendor } from '@envspec/specs';
import { createBareServer } from './bare-server.ts';
import { isServerVariant } from './variants.ts';

const [variant = '', vendor = '', logLevel = 'info'] = process.argv.slice(2);

async function serve(): Promise<Server> {
  if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'`);
  if (!isServerVariant(variant) || variant === 'prism') throw new Error(`unknown server variant '${variant}'`);
  if (variant === 'bare') return createBareServer(vendor);
  // The same logger as `envspec-server`.
  const logger = createServerLogger(logLevel);
  const app = await createApp(vendor, { logger, validation: variant === 'reference' });
  return createServer(app);
}

try {
  const server = await serve();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send?.({ port: (server.address() as AddressInfo).port });
} catch (error) {
  process.send?.({ error: (error as Error).stack ?? String(error) });
  process.exit(1);
}
