/**
 * The reference server's own flags — storage, rate limit, request log, connection and body limits,
 * each vendor's settings — as commander options, and what they mean for `startServers`. `envspec
 * serve` adds the shared `--vendor`, `--port`, `--host` and `--cors-origin`; `envspec start` takes
 * these same options next to the mock's.
 */
import { Option } from 'commander';
import { argument, parseWholeNumber, UsageError } from '@envspec/cli-kit';
import {
  defaultBodyLimits,
  defaultConnectionLimits,
  resolveConnectionLimits,
  vendorOptionEntries,
  type BodyLimits,
  type ConnectionLimits,
  type RateLimitRule,
  type VendorOptionName,
} from '@envspec/vendors';
import type { StartServersOptions } from '../start-servers.ts';
import { parseStoreSelection, storeSelectionSyntax, type StoreSelection } from '../store/store-selection.ts';

/** What the server's flags configure; the logger is made from `logLevel` by whoever starts the servers. */
export type ServerSettings = Pick<StartServersOptions, 'rateLimit' | 'limits' | 'body' | 'vendorOptions'> & {
  logLevel: string;
  /** Where state lives; `--data-dir DIR` is `file:DIR`. Undefined: in memory, per process. */
  store?: StoreSelection;
};

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The whole-number flags: where each value goes, its default and its `--help` line. */
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

/** `100/60`: 100 requests per 60 seconds. */
export function parseRateLimit(text: string): RateLimitRule {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`expected REQUESTS/SECONDS (e.g. 100/60), got '${text}'`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

export function serverOptions(): Option[] {
  return [
    // Parsed in serverSettings, not by commander, whose message would repeat the value: a password.
    new Option(
      '--store <store>',
      `where state lives: ${storeSelectionSyntax} (one database shared by every replica); default in memory`,
    ),
    new Option('--data-dir <dir>', 'the same as --store file:DIR: state in files, surviving restarts and crashes'),
    new Option(
      '--rate-limit <requests/seconds>',
      'per-credential limit for every credential, e.g. 100/60; default off',
    ).argParser(argument(parseRateLimit)),
    new Option('--log-level <level>', 'JSON request log level, on stderr').choices(logLevels).default('info'),
    ...Object.entries(integerFlags).map(([flag, { argument: unit, description, default: fallback }]) =>
      new Option(`--${flag} <${unit.toLowerCase()}>`, `${description} (default ${fallback})`).argParser(
        argument((text) => parseWholeNumber(text, { min: 1 })),
      ),
    ),
  ];
}

/** `--store`'s value; its message (a UsageError) never shows a password. */
function storeFrom(text: string): StoreSelection {
  try {
    return parseStoreSelection(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The settings `serverOptions()` parsed into; throws `UsageError` for limits that cannot work together. */
export function serverSettings(values: Record<string, unknown>): ServerSettings {
  const limits: Partial<ConnectionLimits> = {};
  const body: Partial<BodyLimits> = {};
  const vendorOptions: Partial<Record<VendorOptionName, number>> = {};
  for (const [flag, target] of Object.entries(integerFlags)) {
    const value = values[camel(flag)];
    if (typeof value !== 'number') continue;
    if (target.group === 'limits') limits[target.name] = value;
    else if (target.group === 'body') body[target.name] = value;
    else vendorOptions[target.name] = value;
  }
  try {
    resolveConnectionLimits(limits);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.store !== undefined && values.dataDir !== undefined)
    throw new UsageError(
      '--store and --data-dir both say where state lives: give one (--data-dir DIR is --store file:DIR)',
    );
  const store =
    typeof values.store === 'string'
      ? storeFrom(values.store)
      : typeof values.dataDir === 'string'
        ? ({ kind: 'file', directory: values.dataDir } as const)
        : undefined;
  return {
    logLevel: String(values.logLevel ?? 'info'),
    limits,
    body,
    vendorOptions,
    ...(store ? { store } : {}),
    ...(values.rateLimit ? { rateLimit: values.rateLimit as RateLimitRule } : {}),
  };
}
