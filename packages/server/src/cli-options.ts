import { parseArgs } from 'node:util';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import type { RateLimitRule } from './auth/credentials.ts';
import { defaultCorsOrigins, originPattern, type CorsSettings } from './http/cors.ts';
import { defaultMaxPatchOperations } from './http/create-vendor-app.ts';
import { defaultJsonBodyOptions, type JsonBodyOptions } from './http/json-body.ts';
import { defaultServerLimits, resolveServerLimits, type ServerLimits } from './http/listen.ts';
import { parseStoreSelection, type StoreSelection } from './store/store-selection.ts';

export interface ServerCliOptions {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  dataDir?: string;
  store?: StoreSelection;
  rateLimit?: RateLimitRule;
  logLevel: string;
  limits: Partial<ServerLimits>;
  body: Partial<JsonBodyOptions>;
  maxPatchOperations?: number;
  cors?: CorsSettings | false;
}

export const serverCliUsage = `Usage: envspec-server [--vendor V]... [--port V=N]... [--host H] [--store S | --data-dir DIR]
                      [--rate-limit N/SECONDS]
                      [--cors-origin ORIGIN]... [limits] [--log-level L]

  --vendor      only serve these vendors (repeatable; default all: ${allVendors.join(', ')})
  --port        override a port, e.g. --port fabro=5011 (repeatable; 0 picks a free port)
  --host        interface to listen on (default 127.0.0.1)
  --store       where state lives: memory (the default), file:DIR (files under DIR, survive restarts
                and crashes) or postgres://USER:PASSWORD@HOST:PORT/DB (one database shared by replicas)
  --data-dir    the same as --store file:DIR
  --rate-limit  per-credential limit for every credential, e.g. 100/60 (100 requests per 60 s); default off
  --cors-origin origin browser pages may call from (repeatable); '*' for any, 'none' turns CORS off;
                default ${defaultCorsOrigins.join(' ')}
  --log-level   pino level for the JSON request log (default info; silent turns it off)

Limits (defaults in brackets):
  --headers-timeout MS        time to receive the request headers [${defaultServerLimits.headersTimeoutMs}]
  --request-timeout MS        time to receive the whole request [${defaultServerLimits.requestTimeoutMs}]
  --keep-alive-timeout MS     idle time before a kept-alive connection closes [${defaultServerLimits.keepAliveTimeoutMs}]
  --max-header-size BYTES     largest request line plus headers (431 above) [${defaultServerLimits.maxHeaderBytes}]
  --body-limit BYTES          largest request body (413 above) [${defaultJsonBodyOptions.limitBytes}]
  --max-json-depth N          deepest JSON nesting in a body (400 above) [${defaultJsonBodyOptions.maxDepth}]
  --max-patch-operations N    most operations in one JSON Patch (LaunchDarkly; 400 above) [${defaultMaxPatchOperations}]`;

const integerFlags = {
  'headers-timeout': ['limits', 'headersTimeoutMs'],
  'request-timeout': ['limits', 'requestTimeoutMs'],
  'keep-alive-timeout': ['limits', 'keepAliveTimeoutMs'],
  'max-header-size': ['limits', 'maxHeaderBytes'],
  'body-limit': ['body', 'limitBytes'],
  'max-json-depth': ['body', 'maxDepth'],
  'max-patch-operations': ['patch', 'maxPatchOperations'],
} as const;
type IntegerFlag = keyof typeof integerFlags;

function positiveInteger(flag: string, text: string): number {
  const number = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < 1)
    throw new Error(`--${flag} expects a positive whole number, got '${text}'`);
  return number;
}

function parseCors(values: readonly string[] | undefined): CorsSettings | false | undefined {
  if (values === undefined) return undefined;
  if (values.includes('none')) {
    if (values.length > 1) throw new Error('--cors-origin none turns CORS off and cannot be combined with origins');
    return false;
  }
  for (const origin of values) originPattern(origin);
  return { origins: values };
}

/**
 * `--vendor V` (repeatable, default all) and `--port V=N` (repeatable) as the server and mock CLIs
 * share them; throws an Error whose message says what was wrong.
 */
export function parseVendorSelection(
  vendorFlags: readonly string[] | undefined,
  portFlags: readonly string[] | undefined,
  { allowFreePort }: { allowFreePort: boolean },
): { vendors: Vendor[]; ports: Partial<Record<Vendor, number>> } {
  const vendors = [...(vendorFlags ?? allVendors)];
  for (const vendor of vendors) {
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'; expected one of ${allVendors.join(', ')}`);
  }
  const ports: Partial<Record<Vendor, number>> = {};
  const lowest = allowFreePort ? 0 : 1;
  for (const entry of portFlags ?? []) {
    const [vendor = '', port = ''] = entry.split('=');
    const number = Number(port);
    if (!isVendor(vendor) || port === '' || !Number.isInteger(number) || number < lowest || number > 65_535) {
      throw new Error(
        `--port expects VENDOR=PORT (e.g. qoder=5010${allowFreePort ? '; 0 picks a free port' : ''}), got '${entry}'`,
      );
    }
    ports[vendor] = number;
  }
  return { vendors: vendors as Vendor[], ports };
}

/** Parses server CLI arguments; throws an Error whose message says what was wrong. */
export function parseServerCliOptions(argv: readonly string[]): ServerCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      vendor: { type: 'string', multiple: true },
      port: { type: 'string', multiple: true },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      store: { type: 'string' },
      'rate-limit': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'cors-origin': { type: 'string', multiple: true },
      ...(Object.fromEntries(Object.keys(integerFlags).map((flag) => [flag, { type: 'string' }])) as Record<
        IntegerFlag,
        { type: 'string' }
      >),
    },
    strict: true,
  });
  const { vendors: selected, ports } = parseVendorSelection(values.vendor, values.port, { allowFreePort: true });
  let rateLimit: RateLimitRule | undefined;
  if (values['rate-limit'] !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values['rate-limit']);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new Error(`--rate-limit expects REQUESTS/SECONDS (e.g. 100/60), got '${values['rate-limit']}'`);
    }
    rateLimit = { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
  }
  const limits: Partial<ServerLimits> = {};
  const body: Partial<JsonBodyOptions> = {};
  let maxPatchOperations: number | undefined;
  for (const [flag, [group, name]] of Object.entries(integerFlags) as Array<
    [IntegerFlag, (typeof integerFlags)[IntegerFlag]]
  >) {
    const text = values[flag];
    if (text === undefined) continue;
    const number = positiveInteger(flag, text);
    if (group === 'limits') limits[name] = number;
    else if (group === 'body') body[name] = number;
    else maxPatchOperations = number;
  }
  // Fails here, with the flag names, rather than when the servers start.
  resolveServerLimits(limits);
  const cors = parseCors(values['cors-origin']);
  if (values.store !== undefined && values['data-dir'] !== undefined)
    throw new Error('--store and --data-dir both say where state lives: give one (--data-dir DIR is --store file:DIR)');
  const store = values.store === undefined ? undefined : parseStoreSelection(values.store);
  return {
    vendors: selected,
    ports,
    host: values.host,
    logLevel: values['log-level'],
    limits,
    body,
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(store ? { store } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(maxPatchOperations === undefined ? {} : { maxPatchOperations }),
    ...(cors === undefined ? {} : { cors }),
  };
}
