import {
  isJsonMediaType,
  jsonNestingDepth,
  mediaType,
  protocolErrors,
  ApiError,
  type BodyLimits,
} from '@envspec/vendors';

/** What the engine knows of a request body after reading it. */
export interface RequestBody {
  /** The parsed JSON, when the Content-Type is JSON and there was a body; undefined otherwise. */
  value: unknown;
  /** Whether a JSON body was parsed (false: no body, or a Content-Type the engine does not parse). */
  parsed: boolean;
}

const decoders: Record<string, CompressionFormat> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

/** Undoes a gzip or deflate Content-Encoding with the limit counted in decoded bytes (DecompressionStream, as browsers have it). */
async function decode(
  bytes: Uint8Array<ArrayBuffer>,
  encoding: string,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const format = decoders[encoding];
  if (!format) throw protocolErrors.unsupportedEncoding(encoding);
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limitBytes) throw protocolErrors.payloadTooLarge(limitBytes);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw protocolErrors.corruptEncoding((error as Error).message);
  }
  const decoded = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    decoded.set(chunk, offset);
    offset += chunk.length;
  }
  return decoded;
}

/** A charset parameter of the Content-Type, lower case. */
function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
}

function decodeText(bytes: Uint8Array, charset: string): string {
  const unsupported = () =>
    new ApiError(415, `unsupported charset "${charset.toUpperCase()}"`, { code: 'unsupported_media_type' });
  if (!charset.startsWith('utf-')) throw unsupported();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw unsupported();
  }
  return decoder.decode(bytes);
}

/**
 * What Express's JSON parser says of a body that is JSON but not an object or array: the engine's
 * own JSON.parse message for the text from the offending character on, as body-parser words it.
 */
function strictViolation(text: string, char: string): string {
  const index = text.indexOf(char);
  const partial = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return 'strict violation';
  } catch (error) {
    return (error as Error).message.replace(/#+/g, (placeholder) => text.substring(index, index + placeholder.length));
  }
}

/**
 * Reads a request body the way the reference server's JSON parser does, before anything else
 * looks at the request: only JSON media types (`application/json`, `application/*+json`) are read;
 * the decoded size is limited (413), a charset other than UTF-… is 415, then the nesting depth is
 * checked by an iterative scan before `JSON.parse` (400), and the text must be an object or array (400).
 */
export async function readRequestBody(request: Request, limits: BodyLimits): Promise<RequestBody> {
  const contentType = request.headers.get('content-type') ?? undefined;
  if (!isJsonMediaType(mediaType(contentType)) || request.body === null) return { value: undefined, parsed: false };
  let bytes = new Uint8Array(await request.arrayBuffer());
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && bytes.length > 0) bytes = await decode(bytes, encoding, limits.limitBytes);
  if (bytes.length > limits.limitBytes) throw protocolErrors.payloadTooLarge(limits.limitBytes);
  // A JSON request that declares an empty body parses as `{}`, as Express's JSON parser has it.
  if (bytes.length === 0) return { value: {}, parsed: true };
  const text = decodeText(bytes, charsetOf(contentType ?? '') ?? 'utf-8');
  const depth = jsonNestingDepth(text);
  if (depth > limits.maxDepth) throw protocolErrors.bodyTooDeep(depth, limits.maxDepth);
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw protocolErrors.malformedJson(strictViolation(text, first ?? ''));
  try {
    return { value: JSON.parse(text), parsed: true };
  } catch (error) {
    throw protocolErrors.malformedJson((error as Error).message);
  }
}
