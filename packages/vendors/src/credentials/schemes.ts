import type { VendorCredentials } from '../vendor-core.ts';
import type { HeaderLookup } from './credential.ts';

/** The token of an `Authorization: Bearer <token>` header (scheme in any case), or undefined. */
export function bearerToken(header: HeaderLookup): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header('authorization') ?? '')?.[1];
}

/** The headers presenting `token` as a Bearer token. */
export function bearerHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A credential sent as `Authorization: Bearer <token>`, refused with 401: all but the demo credentials and the hint. */
export const bearerScheme = {
  headerNames: ['authorization'],
  unauthenticatedStatus: 401,
  presented: bearerToken,
  present: bearerHeaders,
} as const satisfies Omit<VendorCredentials, 'demo' | 'hint'>;
