const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** A fresh id, `req_` and 32 hex digits. `getRandomValues` works in Node and in any browser page, secure or not. */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `req_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The id of a request: a well-formed incoming `X-Request-Id` is reused, anything else replaced by a new one. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming !== undefined && acceptable.test(incoming) ? incoming : newRequestId();
}
