import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs';

/**
 * `--vendor V` (repeatable, default all) and `--port V=N` (repeatable) as the server and mock CLIs
 * take them; throws an Error whose message says what was wrong.
 */
export function parseVendorSelection(
  vendorFlags: readonly string[] | undefined,
  portFlags: readonly string[] | undefined,
  { allowFreePort }: { allowFreePort: boolean },
): { vendors: Vendor[]; ports: Partial<Record<Vendor, number>> } {
  const selected: Vendor[] = [];
  for (const vendor of vendorFlags ?? allVendors) {
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'; expected one of ${allVendors.join(', ')}`);
    selected.push(vendor);
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
  return { vendors: selected, ports };
}
