import type { IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { decodeBodyText, isWellFormedMediaType, jsonNestingDepth, protocolErrors } from '@envspec/vendors';
import { ApiError, type VendorErrors } from '../vendor/vendor-errors.ts';

/** The path and query of a request target, both still percent-encoded. */
export interface RequestTarget {
  path: string;
  query: string;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a request target whose percent-encoding does not decode to UTF-8 text (`%ff%fe`, a lone
 * `%`): Prism decodes path parameters without catching the error and dies, and no vendor serves such
 * a path either.
 */
export function checkTarget(url: string | undefined, errors: VendorErrors): RequestTarget {
  if (!url?.startsWith('/')) {
    throw errors.adapt(
      new ApiError(
        400,
        `request target '${url ?? ''}' is not an absolute path: send the path from the host root, e.g. GET /api/...`,
        { code: 'malformed_path' },
      ),
    );
  }
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const badSegment = path.split('/').find((segment) => !decodes(segment));
  if (badSegment !== undefined) {
    throw errors.adapt(
      new ApiError(
        400,
        `path segment '${badSegment}' is not valid percent-encoding (each %XX must form UTF-8 text): encode path parameters with encodeURIComponent`,
        {
          code: 'malformed_path',
        },
      ),
    );
  }
  const badParameter = query.split('&').find((pair) => !decodes(pair.replaceAll('+', ' ')));
  if (badParameter !== undefined) {
    throw errors.adapt(
      new ApiError(
        400,
        `query parameter '${badParameter}' is not valid percent-encoding (each %XX must form UTF-8 text): encode query values with encodeURIComponent`,
        {
          code: 'malformed_query',
        },
      ),
    );
  }
  return { path, query };
}

/** Thrown when the client went away before its request was read; nothing can be answered. */
export class ClientGone extends Error {
  constructor() {
    super('client closed the connection before sending the whole request');
    this.name = 'ClientGone';
  }
}

/**
 * Reads the body, keeping at most `limitBytes`. A larger body is read to its end and thrown away
 * (so the client, still sending, can read the 413), up to `drainBytes`; past that the connection
 * is closed with the 413.
 */
export async function readBody(
  req: IncomingMessage,
  errors: VendorErrors,
  { limitBytes, drainBytes }: { limitBytes: number; drainBytes: number },
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => errors.adapt(protocolErrors.payloadTooLarge(limitBytes));
  const tooLargeAndClose = () =>
    errors.adapt(
      protocolErrors.payloadTooLarge(limitBytes, {
        ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
        close: true,
      }),
    );
  if (Number.isFinite(declared) && declared > drainBytes) throw tooLargeAndClose();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      action();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) chunks.push(chunk);
      else if (received > drainBytes) settle(() => reject(tooLargeAndClose()));
    };
    req.on('data', onData);
    req.once('end', () => settle(() => (received > limitBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks)))));
    req.once('aborted', () => settle(() => reject(new ClientGone())));
    req.once('error', () => settle(() => reject(new ClientGone())));
    req.once('close', () => settle(() => (req.complete ? resolve(Buffer.concat(chunks)) : reject(new ClientGone()))));
  });
}

/**
 * The Accept header with malformed entries dropped (undefined when none is left). Prism parses each
 * entry without catching the error when none matches, so `Accept: application/json, ` or `Accept: *`
 * would kill it; like most servers, the mock ignores what it cannot read.
 */
export function sanitizeAccept(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  const kept = accept
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && isWellFormedMediaType(entry));
  return kept.length ? kept.join(', ') : undefined;
}

/** Refuses a Content-Type that is not a media type (`a/b/c`, `application/json;`): Prism answers those with a 500. */
export function checkContentType(contentType: string | undefined, errors: VendorErrors): void {
  if (contentType === undefined || contentType.trim() === '' || isWellFormedMediaType(contentType)) return;
  throw errors.adapt(protocolErrors.unsupportedMediaType(contentType));
}

const decoders: Record<string, (body: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * Undoes a `Content-Encoding` (gzip, deflate, br) as the reference server does, counting the limit
 * in decoded bytes so a small compressed body cannot inflate past it.
 */
export function decodeBody(
  body: Buffer,
  contentEncoding: string | undefined,
  errors: VendorErrors,
  limitBytes: number,
): Buffer {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity' || body.length === 0) return body;
  const decode = decoders[encoding];
  if (!decode) throw errors.adapt(protocolErrors.unsupportedEncoding(encoding));
  try {
    return decode(body, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw errors.adapt(protocolErrors.payloadTooLarge(limitBytes));
    throw errors.adapt(protocolErrors.corruptEncoding((error as Error).message));
  }
}

/**
 * Checks a JSON body the way the reference server does before any recursive code walks it: UTF-8
 * (the vendor core's strict decoder), nesting depth, then syntax. Prism answers a very deep body
 * with a 500, or dies logging it.
 */
export function checkJsonBody(body: Buffer, errors: VendorErrors, maxDepth: number): void {
  let text: string;
  try {
    // Strictly as UTF-8 whatever the charset says (Prism reads bodies as UTF-8); the stateful engine decodes again by the charset.
    text = decodeBodyText(body, undefined);
  } catch (error) {
    throw errors.adapt(error as ApiError);
  }
  const depth = jsonNestingDepth(text);
  if (depth > maxDepth) throw errors.adapt(protocolErrors.bodyTooDeep(depth, maxDepth));
  try {
    JSON.parse(text);
  } catch (error) {
    throw errors.adapt(protocolErrors.malformedJson((error as Error).message));
  }
}
