import type { Credential } from '../credentials/credential.ts';
import { bearerScheme } from '../credentials/schemes.ts';
import type { VendorCredentials } from '../vendor-core.ts';

/**
 * The demo dev token documented in the README; configure other credentials to replace it. There is
 * deliberately no read-only token: Fabro documents no 403, so a read-only credential refused on PUT
 * would answer an undocumented status. Nor a throttled one: Fabro does not rate-limit.
 */
export const fabroDemoCredentials: readonly Credential[] = [
  { id: 'fabro-demo-write', secret: 'fabro_dev_demo_write', access: 'write' },
];

/** Fabro takes a dev token as a Bearer token. */
export const fabroCredentials: VendorCredentials = {
  demo: fabroDemoCredentials,
  ...bearerScheme,
  hint: "send a dev token as 'Authorization: Bearer fabro_dev_...'",
};
