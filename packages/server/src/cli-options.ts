import { parseArgs } from 'node:util';
import { vendors as allVendors, type Vendor } from '@envspec/specs';
import {
  defaultBodyLimits,
  defaultConnectionLimits,
  defaultCorsOrigins,
  originPattern,
  parseVendorSelection,
  resolveConnectionLimits,
  vendorOptionEntries,
  type BodyLimits,
  type ConnectionLimits,
  type CorsSettings,
  type RateLimitRule,
  type VendorOptionName,
} from '@envspec/vendors';
import { parseStoreSelection, type StoreSelection } from './store/store-selection.ts';

export interface ServerCliOptions {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  dataDir?: string;
  store?: StoreSelection;
  rateLimit?: RateLimitRule;
  logLevel: string;
  limits: Partial<ConnectionLimits>;
  body: Partial<BodyLimits>;
  vendorOptions: Partial<Record<VendorOptionName, number>>;
  cors?: CorsSettings | false;
}

/** The whole-number flags: where each value goes, its default, and its `--help` line. */
type IntegerFlag = { argument: 'MS' | 'BYTES' | 'N'; default: number; description: string } & (
  | { group: 'limits'; name: keyof ConnectionLimits }
  | { group: 'body'; name: keyof BodyLimits }
  | { group: 'vendor'; name: VendorOptionName }
);

const integerFlags: Record<string, IntegerFlag> = {
  'headers-timeout': {
    group: 'limits',
    name: 'headersTimeoutMs',
    default: defaultConnectionLimits.headersTimeoutMs,
    argument: 'MS',
    description: 'time to receive the request headers',
  },
  'request-timeout': {
    group: 'limits',
    name: 'requestTimeoutMs',
    default: defaultConnectionLimits.requestTimeoutMs,
    argument: 'MS',
    description: 'time to receive the whole request',
  },
  'keep-alive-timeout': {
    group: 'limits',
    name: 'keepAliveTimeoutMs',
    default: defaultConnectionLimits.keepAliveTimeoutMs,
    argument: 'MS',
    description: 'idle time before a kept-alive connection closes',
  },
  'max-header-size': {
    group: 'limits',
    name: 'maxHeaderBytes',
    default: defaultConnectionLimits.maxHeaderBytes,
    argument: 'BYTES',
    description: 'largest request line plus headers (431 above)',
  },
  'body-limit': {
    group: 'body',
    name: 'limitBytes',
    default: defaultBodyLimits.limitBytes,
    argument: 'BYTES',
    description: 'largest request body (413 above)',
  },
  'max-json-depth': {
    group: 'body',
    name: 'maxDepth',
    default: defaultBodyLimits.maxDepth,
    argument: 'N',
    description: 'deepest JSON nesting in a body (400 above)',
  },
  // Each vendor's own settings, from its core.
  ...Object.fromEntries(
    vendorOptionEntries.map(({ name, option }): [string, IntegerFlag] => [
      option.flag,
      { group: 'vendor', name, default: option.default, argument: 'N', description: option.description },
    ]),
  ),
};

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
${Object.entries(integerFlags)
  .map(
    ([flag, { argument, description, default: fallback }]) =>
      `  ${`--${flag} ${argument}`.padEnd(28)}${description} [${fallback}]`,
  )
  .join('\n')}`;

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

function parseRateLimit(text: string | undefined): RateLimitRule | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`--rate-limit expects REQUESTS/SECONDS (e.g. 100/60), got '${text}'`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
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
      ...Object.fromEntries(Object.keys(integerFlags).map((flag) => [flag, { type: 'string' as const }])),
    },
    strict: true,
  });
  const { vendors: selected, ports } = parseVendorSelection(values.vendor, values.port, { allowFreePort: true });
  const rateLimit = parseRateLimit(values['rate-limit']);
  const limits: Partial<ConnectionLimits> = {};
  const body: Partial<BodyLimits> = {};
  const vendorOptions: Partial<Record<VendorOptionName, number>> = {};
  for (const [flag, text] of Object.entries(values)) {
    const target = integerFlags[flag];
    if (!target || typeof text !== 'string') continue;
    const number = positiveInteger(flag, text);
    if (target.group === 'limits') limits[target.name] = number;
    else if (target.group === 'body') body[target.name] = number;
    else vendorOptions[target.name] = number;
  }
  // Fails here, with the flag names, rather than when the servers start.
  resolveConnectionLimits(limits);
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
    vendorOptions,
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(store ? { store } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(cors === undefined ? {} : { cors }),
  };
}
