import express, { type RequestHandler } from 'express';
import { parseJsonBody, protocolErrors, type BodyLimits } from '@envspec/vendors';

/** What is read as JSON: `application/json` and the `application/*+json` family (type-is patterns). */
const jsonTypes = ['application/json', 'application/*+json'];

/**
 * Reads JSON bodies (`application/json` and `application/*+json`) with a size limit, then hands the
 * bytes to the vendor core's `parseJsonBody`, the decoder the mock's stateful engine uses too:
 * strict UTF-8 (invalid bytes are a 400, never U+FFFD in the store), the depth checked by an
 * iterative scan before `JSON.parse`. Express only reads: `express.raw` undoes any
 * Content-Encoding and counts the limit in decoded bytes, so a compressed body cannot inflate past
 * it; its JSON parser, which decodes leniently, is not used. A body declaring more than
 * `drainBytes` is refused before any of it is read; one that is not declared (chunked) is counted
 * as it streams in and read to its end, which the request timeout bounds.
 */
export function jsonBody(limits: BodyLimits): RequestHandler[] {
  const { limitBytes, drainBytes } = limits;
  const declaredLength: RequestHandler = (req, _res, next) => {
    const declared = Number(req.get('content-length'));
    if (!Number.isFinite(declared) || declared <= Math.max(limitBytes, drainBytes)) return next();
    // The body is never read, so the connection cannot be reused: it closes after the answer.
    next(protocolErrors.payloadTooLarge(limitBytes, { declaredBytes: declared, close: true }));
  };
  const read = express.raw({ limit: limitBytes, type: jsonTypes });
  const parse: RequestHandler = (req, _res, next) => {
    // `express.raw` leaves `req.body` undefined when there is no body or it is not a JSON type.
    if (Buffer.isBuffer(req.body)) req.body = parseJsonBody(req.body, req.get('content-type'), limits);
    next();
  };
  return [declaredLength, read, parse];
}
