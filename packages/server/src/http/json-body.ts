import express, { type RequestHandler } from 'express';
import { ApiError } from './api-error.ts';
import { jsonNestingDepth } from './json-depth.ts';

export interface JsonBodyOptions {
  /** Largest accepted body in bytes (after any Content-Encoding is undone). */
  limitBytes: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
  /**
   * A body over the limit that declares at most this many bytes is still read (and thrown away)
   * before the 413, so a client that sends its whole body before reading can read the answer; one
   * that declares more is answered at once and its connection closed.
   */
  drainBytes: number;
}

export const defaultJsonBodyOptions: JsonBodyOptions = {
  limitBytes: 100 * 1024,
  maxDepth: 32,
  drainBytes: 10 * 1024 * 1024,
};

/**
 * Parses JSON bodies (`application/json` and `application/*+json`) with a size and depth limit.
 * The limit counts decoded bytes, so a compressed body cannot inflate past it. A body declaring
 * more than `drainBytes` is refused before any of it is read; one that is not declared (chunked)
 * is counted as it streams in and read to its end, which the request timeout bounds. The depth is
 * checked by an iterative scan before `JSON.parse`, so no recursive code ever walks a deep body.
 */
export function jsonBody({ limitBytes, maxDepth, drainBytes }: JsonBodyOptions): RequestHandler[] {
  const declaredLength: RequestHandler = (req, _res, next) => {
    const declared = Number(req.get('content-length'));
    if (!Number.isFinite(declared) || declared <= Math.max(limitBytes, drainBytes)) return next();
    // The body is never read, so the connection cannot be reused: it closes after the answer.
    next(
      new ApiError(413, `request body of ${declared} bytes exceeds the ${limitBytes}-byte limit`, {
        code: 'payload_too_large',
        headers: { Connection: 'close' },
      }),
    );
  };
  const parse = express.json({
    limit: limitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: (_req, _res, buffer) => {
      const depth = jsonNestingDepth(buffer.toString('utf8'));
      if (depth > maxDepth) {
        throw new ApiError(400, `request body nests ${depth} levels deep; at most ${maxDepth} are accepted`, {
          code: 'body_too_deep',
        });
      }
    },
  });
  return [declaredLength, parse];
}
