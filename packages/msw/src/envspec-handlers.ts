import type { HttpHandler } from 'msw';
import { vendors as allVendors, type Vendor } from '@envspec/specs';
import { vendorHandlers, type VendorHandlers, type VendorHandlersOptions } from './vendor-handlers.ts';

export interface EnvspecHandlersOptions extends Omit<VendorHandlersOptions, 'baseUrl'> {
  /** Which vendors to mock; default all four. */
  vendors?: readonly Vendor[];
  /** Base URL per vendor; a vendor left out is intercepted at its own host. */
  baseUrls?: Partial<Record<Vendor, string>>;
}

/** The handlers of several vendors at once. */
export interface EnvspecHandlers {
  handlers: HttpHandler[];
  /** Resets every vendor (see `VendorHandlers.reset`). */
  reset(): void;
  /** One vendor's handlers and state. */
  vendor(vendor: Vendor): VendorHandlers;
}

/** MSW handlers for every vendor (or `vendors`), sharing one mode, delay and injection hook. */
export function envspecHandlers(options: EnvspecHandlersOptions = {}): EnvspecHandlers {
  const { vendors = allVendors, baseUrls = {}, ...shared } = options;
  const byVendor = new Map(
    vendors.map((vendor) => {
      const baseUrl = baseUrls[vendor];
      return [vendor, vendorHandlers(vendor, { ...shared, ...(baseUrl === undefined ? {} : { baseUrl }) })] as const;
    }),
  );
  return {
    handlers: [...byVendor.values()].flatMap((mock) => mock.handlers),
    reset() {
      for (const mock of byVendor.values()) mock.reset();
    },
    vendor(vendor) {
      const mock = byVendor.get(vendor);
      if (!mock) throw new Error(`${vendor} is not mocked here; mocked: ${[...byVendor.keys()].join(', ')}`);
      return mock;
    },
  };
}
