import { randomBytes } from 'node:crypto';

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id the reference server would use: a well-formed incoming `X-Request-Id`, or a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && acceptable.test(value) ? value : `req_${randomBytes(16).toString('hex')}`;
}
