/**
 * The stored form of an environment id. The spec accepts any `format: uuid` text, which (like
 * Datadog's own parser) includes upper case and a `urn:uuid:` prefix; all spellings of one UUID
 * name the same environment, so lookups use the lower-case bare form.
 */
export function canonicalEnvironmentId(id: string): string {
  return id.toLowerCase().replace(/^urn:uuid:/, '');
}
