import type { RequestHandler } from 'express';
import type { AnyVendorCore } from '@envspec/vendors';

/** The request's id as the vendor gives it (a well-formed incoming `X-Request-Id`, or a fresh one), echoed on every response. */
export function requestId(core: AnyVendorCore): RequestHandler {
  return (req, res, next) => {
    const id = core.requestId(req.get('x-request-id'));
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
