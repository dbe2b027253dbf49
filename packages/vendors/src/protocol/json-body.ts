import { ApiError } from '../errors/api-error.ts';
import type { BodyLimits } from './limits.ts';
import { jsonNestingDepth } from './json-depth.ts';
import { bodyTooDeep, malformedJson, notInCharset, notUtf8 } from './protocol-errors.ts';

/** The charset parameter of a Content-Type, lower case; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

function unsupportedCharset(charset: string): ApiError {
  return new ApiError(415, `unsupported charset "${charset.toUpperCase()}"`, { code: 'unsupported_media_type' });
}

/**
 * The text of a body in its declared charset (UTF-8 when none is declared), decoded strictly: a
 * byte sequence the charset does not allow is refused (400), never replaced by U+FFFD, so what is
 * stored is what the client meant. A leading byte-order mark is dropped. Only the UTF-… charsets a
 * browser's TextDecoder knows are accepted (415 otherwise), as the JSON media types allow.
 */
export function decodeBodyText(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = charsetOf(contentType) ?? 'utf-8';
  if (!charset.startsWith('utf-')) throw unsupportedCharset(charset);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw unsupportedCharset(charset);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw decoder.encoding === 'utf-8' ? notUtf8() : notInCharset(decoder.encoding);
  }
}

/** JSON's whitespace, which is all that may come before the document (`String.trimStart` trims more). */
const firstSignificant = /^[ \t\n\r]*([^ \t\n\r])/;

/**
 * What JSON.parse says of a body that is JSON but not an object or array, pointing at the first
 * character: the text from that character on is replaced by `#`s, parsed, and the `#`s in the
 * message put back (the wording Express's JSON parser, body-parser, gives).
 */
function strictViolation(text: string, char: string | undefined): string {
  // No character at all (a blank body): nothing to point at, so JSON.parse of nothing.
  const index = char === undefined ? -1 : text.indexOf(char);
  const partial = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return 'strict violation';
  } catch (error) {
    return (error as Error).message.replace(/#+/g, (placeholder) => text.substring(index, index + placeholder.length));
  }
}

/**
 * A JSON request body as every server of a vendor takes it (the reference server, the mock's
 * stateful engine, a browser): the bytes after any Content-Encoding is undone, with the request's
 * Content-Type. An empty body is `{}` (as Express's JSON parser has it); otherwise the text is
 * decoded strictly (`decodeBodyText`), its nesting depth checked by an iterative scan before any
 * recursive code walks it (400), and it must be an object or an array (400). Throws raw ApiErrors.
 */
export function parseJsonBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  { maxDepth }: Pick<BodyLimits, 'maxDepth'>,
): unknown {
  if (bytes.length === 0) return {};
  const text = decodeBodyText(bytes, contentType);
  const depth = jsonNestingDepth(text);
  if (depth > maxDepth) throw bodyTooDeep(depth, maxDepth);
  const first = firstSignificant.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformedJson(strictViolation(text, first));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformedJson((error as Error).message);
  }
}
