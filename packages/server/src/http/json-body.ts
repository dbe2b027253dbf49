import express, { type RequestHandler } from 'express';
import { jsonNestingDepth, protocolErrors, type BodyLimits } from '@envspec/vendors';

/**
 * Parses JSON bodies (`application/json` and `application/*+json`) with a size and depth limit.
 * The limit counts decoded bytes, so a compressed body cannot inflate past it. A body declaring
 * more than `drainBytes` is refused before any of it is read; one that is not declared (chunked)
 * is counted as it streams in and read to its end, which the request timeout bounds. The depth is
 * checked by an iterative scan before `JSON.parse`, so no recursive code ever walks a deep body.
 */
export function jsonBody({ limitBytes, maxDepth, drainBytes }: BodyLimits): RequestHandler[] {
  const declaredLength: RequestHandler = (req, _res, next) => {
    const declared = Number(req.get('content-length'));
    if (!Number.isFinite(declared) || declared <= Math.max(limitBytes, drainBytes)) return next();
    // The body is never read, so the connection cannot be reused: it closes after the answer.
    next(protocolErrors.payloadTooLarge(limitBytes, { declaredBytes: declared, close: true }));
  };
  const parse = express.json({
    limit: limitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: (_req, _res, buffer) => {
      const depth = jsonNestingDepth(buffer.toString('utf8'));
      if (depth > maxDepth) throw protocolErrors.bodyTooDeep(depth, maxDepth);
    },
  });
  return [declaredLength, parse];
}
