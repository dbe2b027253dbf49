import { pino, type Logger } from 'pino';
import { credentialHeaderNames } from '@envspec/vendors';

/** The request log's redactions: every header any vendor carries a credential in. */
export const redactedLogPaths: readonly string[] = credentialHeaderNames.map((name) => `req.headers["${name}"]`);

/** The JSON request log of `envspec-server`: pino, on stderr so stdout stays a readable summary, credentials redacted. */
export function createServerLogger(level: string): Logger {
  return pino({ level, redact: [...redactedLogPaths] }, pino.destination(2));
}
