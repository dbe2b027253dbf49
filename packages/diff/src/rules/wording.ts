/** How rules name things in messages. */
import type { SchemaPair } from '../walk/pairs.ts';

export const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** The thing a schema pair describes, as a reader would name it: `body`, `` `data.name` ``, `` parameter `q` ``. */
export function subject(pair: SchemaPair): string {
  const { path, context } = pair;
  if (path === 'body') return 'the body';
  if (path.startsWith('body.') || path.startsWith('body[') || path.startsWith('body<') || path.startsWith('body{')) {
    return `\`${path.replace(/^body\.?/, '')}\``;
  }
  return context.parameter ? `\`${path}\`` : `\`${path}\``;
}

export function locationOf(pair: SchemaPair, suffix = ''): string {
  return `${pair.context.prefix} ${pair.path}${suffix}`;
}

/** `requests` or `responses`: who is affected, for messages. */
export function sideOf(pair: { context: { direction: 'request' | 'response' } }): string {
  return pair.context.direction === 'request' ? 'requests' : 'responses';
}
