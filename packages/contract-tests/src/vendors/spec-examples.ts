import { bundleOf, requestExample, type Vendor } from '@envspec/specs';

/** The value of a named example (the first when unnamed) of an operation's request body, from the bundled spec. */
export function requestBodyExample(vendor: Vendor, operationId: string, name?: string): unknown {
  return requestExample(bundleOf(vendor), operationId, name);
}
