/** The `ETag` value of a revision: always quoted, as the spec's ETag header pattern requires. */
export function etagOf(revision: string): string {
  return `"${revision}"`;
}

/**
 * The revision an `If-Match` names. Request validation has already enforced the spec's pattern
 * (quoted or bare 64-hex), so only the optional quotes need removing.
 */
export function revisionFromIfMatch(ifMatch: string): string {
  return ifMatch.replace(/^"(.*)"$/, '$1');
}
