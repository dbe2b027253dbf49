import type { Middleware } from 'openapi-fetch';

/** A credential, or a function returning the current one (for rotating tokens); read on every request. */
export type Secret = string | (() => string | Promise<string>);

/** Throws `message` unless `secret` is a non-empty string or a function. */
export function requireSecret(secret: Secret | undefined, message: string): Secret {
  if (typeof secret === 'function' || (typeof secret === 'string' && secret.trim() !== '')) return secret;
  throw new TypeError(message);
}

async function resolveSecret(secret: Secret): Promise<string> {
  return typeof secret === 'function' ? await secret() : secret;
}

/**
 * Middleware that sets the vendor's authentication headers on every request. `headers` maps a
 * header name to its value built from the resolved secret.
 */
export function authMiddleware(
  headers: Record<string, { secret: Secret; format?: (secret: string) => string }>,
): Middleware {
  return {
    async onRequest({ request }) {
      for (const [name, { secret, format }] of Object.entries(headers)) {
        const value = await resolveSecret(secret);
        request.headers.set(name, format ? format(value) : value);
      }
      return undefined;
    },
  };
}
