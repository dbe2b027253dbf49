import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One JSON line per finished request. Credentials are never logged: only the credential's id. */
export function accessLog(logger: Logger, vendor: string): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      logger.info(
        {
          vendor,
          requestId: res.locals.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          credential: (res.locals.credential as { id?: string } | undefined)?.id,
        },
        'request',
      );
    });
    next();
  };
}
