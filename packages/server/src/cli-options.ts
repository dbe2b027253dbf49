import { parseArgs } from 'node:util';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import type { RateLimitRule } from './auth/credentials.ts';

export interface ServerCliOptions {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  dataDir?: string;
  rateLimit?: RateLimitRule;
  logLevel: string;
}

export const serverCliUsage = `Usage: envspec-server [--vendor V]... [--port V=N]... [--host H] [--data-dir DIR] [--rate-limit N/SECONDS] [--log-level L]

  --vendor      only serve these vendors (repeatable; default all: ${allVendors.join(', ')})
  --port        override a port, e.g. --port fabro=5011 (repeatable; 0 picks a free port)
  --host        interface to listen on (default 127.0.0.1)
  --data-dir    keep state in files under DIR (survives restarts and crashes); default in memory
  --rate-limit  per-credential limit for every credential, e.g. 100/60 (100 requests per 60 s); default off
  --log-level   pino level for the JSON request log (default info; silent turns it off)`;

/** Parses server CLI arguments; throws an Error whose message says what was wrong. */
export function parseServerCliOptions(argv: readonly string[]): ServerCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      vendor: { type: 'string', multiple: true },
      port: { type: 'string', multiple: true },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'rate-limit': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
    },
    strict: true,
  });
  const selected = values.vendor ?? [...allVendors];
  for (const vendor of selected) {
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'; expected one of ${allVendors.join(', ')}`);
  }
  const ports: Partial<Record<Vendor, number>> = {};
  for (const entry of values.port ?? []) {
    const [vendor = '', port = ''] = entry.split('=');
    const number = Number(port);
    if (!isVendor(vendor) || port === '' || !Number.isInteger(number) || number < 0 || number > 65_535) {
      throw new Error(`--port expects VENDOR=PORT (e.g. fabro=5011), got '${entry}'`);
    }
    ports[vendor] = number;
  }
  let rateLimit: RateLimitRule | undefined;
  if (values['rate-limit'] !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values['rate-limit']);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new Error(`--rate-limit expects REQUESTS/SECONDS (e.g. 100/60), got '${values['rate-limit']}'`);
    }
    rateLimit = { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
  }
  return {
    vendors: selected as Vendor[],
    ports,
    host: values.host,
    logLevel: values['log-level'],
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(rateLimit ? { rateLimit } : {}),
  };
}
