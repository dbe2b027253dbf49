/**
 * The flags of a command that runs one fleet, one process per vendor kind (`envspec mock`,
 * `envspec serve`): which vendors, where each listens, on which interface, and which browser
 * origins may call it. Declared and read once, so the two commands cannot drift apart.
 */
import type { Command } from 'commander';
import type { Vendor } from '@envspec/specs';
import { defaultCorsOrigins } from '@envspec/vendors';
import {
  corsFrom,
  corsOriginsOption,
  hostOption,
  portOverrides,
  selectedVendors,
  vendorPortsOption,
  vendorsOption,
} from './options.ts';

export interface FleetOptionsSpec {
  /** The verb of `--vendor`'s help: "only mock these vendors". */
  verb: string;
  /** What `--port` moves: "mock port". */
  what: string;
  defaultPorts: Readonly<Record<Vendor, number>>;
  /** The port `--port`'s help shows in its example. */
  example?: number;
}

/** Adds `--vendor`, `--port vendor=N` (0 picks a free port), `--host` and `--cors-origin` to `command`. */
export function addFleetOptions<C extends Command>(
  command: C,
  { verb, what, defaultPorts, example }: FleetOptionsSpec,
): C {
  command
    .addOption(vendorsOption(verb))
    .addOption(
      vendorPortsOption('--port', what, defaultPorts, { allowFreePort: true, ...(example ? { example } : {}) }),
    )
    .addOption(hostOption())
    .addOption(corsOriginsOption(defaultCorsOrigins));
  return command;
}

export interface FleetSettings {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
  host: string;
  cors?: { origins: string[] } | false;
}

/** What the flags `addFleetOptions` added say, checked (a port for a vendor not selected is a usage error). */
export function fleetSettings(values: Record<string, unknown>): FleetSettings {
  const vendors = selectedVendors(values.vendor as Vendor[] | undefined);
  const cors = corsFrom(values.corsOrigin as string[] | undefined);
  return {
    vendors,
    ports: portOverrides('--port', values.port as Array<[Vendor, number]> | undefined, vendors),
    host: values.host as string,
    ...(cors === undefined ? {} : { cors }),
  };
}
