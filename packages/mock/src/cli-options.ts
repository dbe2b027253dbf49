import { parseArgs } from 'node:util';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import type { MockMode } from './prism-process.ts';

export interface MockCliOptions {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  mode: MockMode;
  seed?: string;
}

export const mockCliUsage = `Usage: envspec-mock [--mode static|dynamic] [--seed S] [--host H] [--vendor V]... [--port V=N]...

  --mode     static (default): answer with the spec's examples; dynamic: generate data from the schemas
  --seed     seed for dynamic mode, so generated responses repeat run to run
  --host     interface to listen on (default 127.0.0.1)
  --vendor   only start these vendors (repeatable; default all: ${allVendors.join(', ')})
  --port     override a port, e.g. --port qoder=5010 (repeatable)`;

/** Parses mock CLI arguments; throws an Error whose message says what was wrong. */
export function parseMockCliOptions(argv: readonly string[]): MockCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      mode: { type: 'string', default: 'static' },
      seed: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      vendor: { type: 'string', multiple: true },
      port: { type: 'string', multiple: true },
    },
    strict: true,
  });
  if (values.mode !== 'static' && values.mode !== 'dynamic') {
    throw new Error(`--mode must be static or dynamic, got '${values.mode}'`);
  }
  const selected = values.vendor ?? [...allVendors];
  for (const vendor of selected) {
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'; expected one of ${allVendors.join(', ')}`);
  }
  const ports: Partial<Record<Vendor, number>> = {};
  for (const entry of values.port ?? []) {
    const [vendor = '', port = ''] = entry.split('=');
    const number = Number(port);
    if (!isVendor(vendor) || !Number.isInteger(number) || number < 1 || number > 65_535) {
      throw new Error(`--port expects VENDOR=PORT (e.g. qoder=5010), got '${entry}'`);
    }
    ports[vendor] = number;
  }
  return {
    vendors: selected as Vendor[],
    ports,
    host: values.host,
    mode: values.mode,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
  };
}
