/**
 * The flags several envspec commands share, declared once so they read, parse and fail the same way
 * everywhere: `--vendor`, `--port vendor=N` (and `start`'s `--mock-port` / `--server-port`),
 * `--host`, `--cors-origin`, and the number parsers behind the rest.
 */
import { Option } from 'commander';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs';
import { originPattern } from '@envspec/vendors';
import { repeatable, UsageError } from './usage.ts';

export function parseVendor(text: string): Vendor {
  if (!isVendor(text)) throw new Error(`unknown vendor '${text}'; expected one of ${allVendors.join(', ')}`);
  return text;
}

/** `qoder=5010` → `['qoder', 5010]`; 0 (a free port) only where `allowFreePort`. */
export function parseVendorPort(text: string, { allowFreePort = false } = {}): [Vendor, number] {
  const [vendor = '', port = '', ...rest] = text.split('=');
  const number = Number(port);
  const lowest = allowFreePort ? 0 : 1;
  if (rest.length > 0 || !/^\d+$/.test(port) || number < lowest || number > 65_535)
    throw new Error(`expected VENDOR=PORT with a port from ${lowest} to 65535 (e.g. qoder=5010), got '${text}'`);
  return [parseVendor(vendor), number];
}

/** `qoder=http://127.0.0.1:3010` → `['qoder', 'http://127.0.0.1:3010']`. */
export function parseVendorUrl(text: string): [Vendor, string] {
  const at = text.indexOf('=');
  const url = text.slice(at + 1);
  if (at < 1 || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new Error(`expected VENDOR=URL with an http(s) URL (e.g. qoder=http://127.0.0.1:3010), got '${text}'`);
  return [parseVendor(text.slice(0, at)), url];
}

/** An origin pattern as the mock and the server take it, `*`, or `none`. */
export function parseOrigin(text: string): string {
  if (text !== 'none') originPattern(text);
  return text;
}

export function parseWholeNumber(text: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < min || number > max)
    throw new Error(`expected a whole number from ${min} to ${max}, got '${text}'`);
  return number;
}

/** A share from 0 to 1, such as `0.25`. */
export function parseShare(text: string): number {
  const number = Number(text);
  if (text.trim() === '' || !(number >= 0 && number <= 1))
    throw new Error(`expected a share from 0 to 1, got '${text}'`);
  return number;
}

const vendorList = allVendors.join(', ');

export function vendorsOption(what: string): Option {
  return new Option(
    '--vendor <vendor>',
    `only ${what} these vendors (repeatable or comma-separated; default all: ${vendorList})`,
  ).argParser(repeatable(parseVendor));
}

/** `--port vendor=N` (repeatable), naming the default ports in its help. */
export function vendorPortsOption(
  flag: string,
  what: string,
  defaults: Readonly<Record<Vendor, number>>,
  { allowFreePort = false, example = 5010 } = {},
): Option {
  const ports = Object.values(defaults);
  return new Option(
    `${flag} <vendor=N>`,
    `move a vendor's ${what}, e.g. ${flag} qoder=${example} (repeatable${allowFreePort ? '; 0 picks a free port' : ''}; default ${Math.min(...ports)}–${Math.max(...ports)})`,
  ).argParser(repeatable((text) => parseVendorPort(text, { allowFreePort })));
}

export function hostOption(): Option {
  return new Option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)').default('127.0.0.1');
}

export function corsOriginsOption(defaults: readonly string[]): Option {
  return new Option(
    '--cors-origin <origin>',
    `origin browser pages may call from (repeatable; '*' any, 'none' turns CORS off; default ${defaults.join(' ')})`,
  ).argParser(repeatable(parseOrigin));
}

/** The vendors `--vendor` selected (each once, in order), or every vendor. */
export function selectedVendors(selected: readonly Vendor[] | undefined): Vendor[] {
  return selected?.length ? [...new Set(selected)] : [...allVendors];
}

/**
 * The port overrides of one `--port`-style flag (the last one for a vendor wins). A port for a
 * vendor that is not selected is a mistake worth saying, not a flag to ignore.
 */
export function portOverrides(
  flag: string,
  entries: ReadonlyArray<[Vendor, number]> | undefined,
  vendors: readonly Vendor[],
): Partial<Record<Vendor, number>> {
  const ports: Partial<Record<Vendor, number>> = {};
  for (const [vendor, port] of entries ?? []) {
    if (!vendors.includes(vendor))
      throw new UsageError(`${flag} ${vendor}=${port}: ${vendor} is not selected (--vendor ${vendors.join(',')})`);
    ports[vendor] = port;
  }
  return ports;
}

/** `--cors-origin` values as the mock and the server take them: undefined keeps the defaults, `false` is off. */
export function corsFrom(origins: readonly string[] | undefined): { origins: string[] } | false | undefined {
  if (!origins?.length) return undefined;
  if (origins.includes('none')) {
    if (origins.length > 1)
      throw new UsageError('--cors-origin none turns CORS off and cannot be combined with origins');
    return false;
  }
  return { origins: [...origins] };
}
