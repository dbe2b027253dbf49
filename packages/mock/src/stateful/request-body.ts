import { isJsonMediaType, mediaType, parseJsonBody, protocolErrors, ApiError, type BodyLimits } from '@envspec/vendors';

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

/**
 * Reads a request body the way the reference server does, before anything else looks at the
 * request: only JSON media types (`application/json`, `application/*+json`) are read; the decoded
 * size is limited (413), then the vendor core's `parseJsonBody` decodes it strictly (invalid
 * UTF-8 is 400, a charset other than UTF-… 415), checks the nesting depth and parses it.
 */
export async function readRequestBody(request: Request, limits: BodyLimits): Promise<RequestBody> {
  const contentType = request.headers.get('content-type') ?? undefined;
  if (!isJsonMediaType(mediaType(contentType)) || request.body === null) return { value: undefined, parsed: false };
  let bytes = new Uint8Array(await request.arrayBuffer());
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && bytes.length > 0) bytes = await decode(bytes, encoding, limits.limitBytes);
  if (bytes.length > limits.limitBytes) throw protocolErrors.payloadTooLarge(limits.limitBytes);
  return { value: parseJsonBody(bytes, contentType, limits), parsed: true };
}
