/**
 * The shared originals of the vendors' definitions, `../shared/vendor-definitions/`, which a clean
 * clone does not have: only compared with the repository's copy (see `@envspec/specs/vendor-definitions`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `<repo>/../shared/vendor-definitions/`. `ENVSPEC_SHARED_DIR` names the shared folder instead,
 * for a checkout that does not sit beside it (a git worktree).
 */
export const sharedDir = join(
  process.env.ENVSPEC_SHARED_DIR ?? join(repositoryRoot, '..', 'shared'),
  'vendor-definitions',
);

/** The definition files of a folder (its README is not one). */
export function definitionFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

export function hasSharedDefinitions(): boolean {
  return existsSync(sharedDir);
}
