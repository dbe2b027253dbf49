import type { RequestHandler } from 'express';
import { requestIdFor } from '@envspec/vendors';

/** Reuses a well-formed incoming `X-Request-Id` or mints one, and echoes it on every response. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = requestIdFor(req.get('x-request-id'));
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
