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

/**
 * A random UUID, version 4, lowercase and hyphenated (what Fabro mints for every request). Built
 * from `getRandomValues`: `crypto.randomUUID` exists only in a browser's secure contexts.
 */
export function newUuidV4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
