import { ApiError } from '@envspec/vendors';
import type { IndexedOperation } from './spec-index.ts';

/** Prism's `Prefer` preferences: `code=404`, `example=notFound`, `dynamic=true`. */
export interface Preferences {
  code?: string;
  example?: string;
  dynamic?: string;
}

/** Reads `Prefer: code=404, example=notFound` (Prism's syntax); other preferences are ignored. */
export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Preferences = {};
  for (const token of (header ?? '').split(/[,;]/)) {
    const [rawKey = '', ...rest] = token.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key === 'code' || key === 'example' || key === 'dynamic') preferences[key] = value;
  }
  return preferences;
}

/** The status a `Prefer` choice picks: its `code`, or (for an `example` alone) the operation's first success status. */
export function preferredStatus(preferences: Preferences, operation: IndexedOperation): string | undefined {
  return preferences.code ?? [...operation.responses.keys()].filter((status) => status.startsWith('2')).sort()[0];
}

/**
 * Checks a `Prefer` choice against the operation's documented responses, so a typo gets a 400
 * naming what exists (instead of Prism's 404/422/500 problem documents, or a silently ignored
 * header). Returns the raw failure; whoever answers adapts it to the vendor.
 */
export function checkPreferences(preferences: Preferences, operation: IndexedOperation): ApiError | undefined {
  const where = `${operation.method} ${operation.template}`;
  const fail = (message: string) => new ApiError(400, message, { code: 'invalid_prefer' });
  const statuses = [...operation.responses.keys()];
  const { code, example, dynamic } = preferences;
  if (code !== undefined && !operation.responses.has(code)) {
    return fail(`Prefer: code=${code} is not a documented response of ${where}; documented: ${statuses.join(', ')}`);
  }
  if (dynamic !== undefined && dynamic !== 'true' && dynamic !== 'false') {
    return fail(`Prefer: dynamic=${dynamic} must be true or false`);
  }
  if (example === undefined) return undefined;
  const status = preferredStatus(preferences, operation);
  const examples = status === undefined ? [] : (operation.responses.get(status) ?? []);
  if (!examples.includes(example)) {
    const listed = examples.length ? `its examples: ${examples.join(', ')}` : 'it has no named examples';
    return fail(
      `Prefer: example=${example} is not an example of the ${status ?? 'success'} response of ${where}; ${listed}`,
    );
  }
  return undefined;
}
