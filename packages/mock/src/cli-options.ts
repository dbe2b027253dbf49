import { parseArgs } from 'node:util';
import { vendors as allVendors, type Vendor } from '@envspec/specs';
import { parseVendorSelection } from '@envspec/vendors';
import { defaultCorsOrigins } from './http/cors.ts';
import { mockModes, type MockMode } from './mock-fleet.ts';

export interface MockCliOptions {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  mode: MockMode;
  seed?: string;
  delayMs?: number;
  errorRate?: number;
  errorStatus?: number;
  /** Undefined keeps the default local dev origins; `false` turns CORS off. */
  cors?: { origins: string[] } | false;
}

export const mockCliUsage = `Usage: envspec-mock [--mode static|dynamic|stateful] [--seed S] [--host H] [--vendor V]... [--port V=N]...
                    [--delay MS] [--error-rate R] [--error-status S] [--cors-origin O]...

  --mode          static (default): answer with the spec's examples
                  dynamic: generate data from the schemas (add --seed to make it repeatable)
                  stateful: the reference server's semantics in process, so an update is read back
  --seed          seed for dynamic data and for which requests get an injected error
  --host          interface to listen on (default 127.0.0.1)
  --vendor        only start these vendors (repeatable; default all: ${allVendors.join(', ')})
  --port          override a port, e.g. --port qoder=5010 (repeatable)
  --delay         wait this many ms before every answer (per request: X-Mock-Delay)
  --error-rate    answer this share (0-1) of requests with an error (per request: X-Mock-Error-Rate)
  --error-status  status of injected errors (default 500; per request: X-Mock-Error-Status)
  --cors-origin   browser origin allowed to call the mocks (repeatable; '*' any; 'none' turns CORS off;
                  default ${defaultCorsOrigins.join(' ')})`;

function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`--${name} expects a number, got '${raw}'`);
  return value;
}

/** Parses mock CLI arguments; throws an Error whose message says what was wrong. */
export function parseMockCliOptions(argv: readonly string[]): MockCliOptions {
  const { values } = parseArgs({
    // `pnpm start -- --mode stateful` passes the `--` through.
    args: argv[0] === '--' ? argv.slice(1) : [...argv],
    options: {
      mode: { type: 'string', default: 'static' },
      seed: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      vendor: { type: 'string', multiple: true },
      port: { type: 'string', multiple: true },
      delay: { type: 'string' },
      'error-rate': { type: 'string' },
      'error-status': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const mode = values.mode as MockMode;
  if (!mockModes.includes(mode)) throw new Error(`--mode must be static, dynamic or stateful, got '${values.mode}'`);
  const { vendors: selected, ports } = parseVendorSelection(values.vendor, values.port, { allowFreePort: false });
  const delayMs = numberFlag('delay', values.delay);
  const errorRate = numberFlag('error-rate', values['error-rate']);
  const errorStatus = numberFlag('error-status', values['error-status']);
  const origins = values['cors-origin'];
  return {
    vendors: selected,
    ports,
    host: values.host,
    mode,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(errorRate === undefined ? {} : { errorRate }),
    ...(errorStatus === undefined ? {} : { errorStatus }),
    ...(origins === undefined ? {} : { cors: origins.includes('none') ? false : { origins } }),
  };
}
