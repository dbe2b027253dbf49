/**
 * What the mock's tests send besides the spec's own requests (`@envspec/testkit`): each vendor's
 * demo write credentials, and its update request with any body.
 */
import type { Vendor } from '@envspec/specs';
import { send, updateRequest, type RawReply } from '@envspec/testkit';
import { credentialHeaders, mapVendors } from '@envspec/vendors';

/** The demo write credentials, as each vendor takes them; Prism only checks that they are present. */
export const credentials: Readonly<Record<Vendor, Record<string, string>>> = mapVendors((vendor) =>
  credentialHeaders(vendor),
);

/** Sends a JSON body (already serialized when a string) with the vendor's credentials and the spec's header parameters. */
export function sendUpdate(
  baseUrl: string,
  vendor: Vendor,
  body: string | Buffer,
  extra: Record<string, string> = {},
): Promise<RawReply> {
  const update = updateRequest(vendor);
  return send(baseUrl, {
    method: update.method,
    path: update.path,
    headers: { ...update.headers, ...credentials[vendor], 'content-type': update.contentType, ...extra },
    body,
  });
}
