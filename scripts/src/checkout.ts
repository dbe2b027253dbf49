import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '@envspec/cli-kit';

const isCheckout = (dir: string) => existsSync(join(dir, 'redocly.yaml')) && existsSync(join(dir, 'specs'));

/**
 * The envspec checkout the review and the docs work on: `dir` itself when given as `--root`,
 * else the nearest folder at or above `dir` holding `redocly.yaml` and `specs/`.
 */
export function findCheckout(dir: string, exact: boolean): string {
  const start = resolve(dir);
  if (exact) {
    if (!isCheckout(start))
      throw new UsageError(`--root ${dir} is not an envspec checkout (no redocly.yaml and specs/ there)`);
    return start;
  }
  for (let current = start; ; current = dirname(current)) {
    if (isCheckout(current)) return current;
    if (dirname(current) === current)
      throw new UsageError(
        `${start} is not inside an envspec checkout (no redocly.yaml and specs/ above it): run this in a clone of the envspec repository, or pass --root`,
      );
  }
}
