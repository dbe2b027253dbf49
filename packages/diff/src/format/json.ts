/** `--format json`: `{"changes": [{"id", "level", "operation", "location", "message"}]}`. */
import type { Change } from '../change.ts';

export function formatJson(changes: readonly Change[]): string {
  const shaped = changes.map(({ id, level, operation, location, message }) => ({
    id,
    level,
    operation,
    location,
    message,
  }));
  return `${JSON.stringify({ changes: shaped }, null, 2)}\n`;
}
