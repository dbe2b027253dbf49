/**
 * Where the vendors' own definitions live and how they are read: the repository's byte-identical
 * copy in `vendor-definitions/` (what the fidelity test reads, so it runs in a clean clone), and the
 * shared originals in `../shared/vendor-definitions/` (only compared with the copy, when present).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OpenApiDocument, Vendor } from '../../src/index.ts';
import { isJsonObject } from './json.ts';
import { toJsonSchemaDialect } from './openapi-30.ts';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `<repo>/vendor-definitions/`. */
export const repositoryCopyDir = join(repositoryRoot, 'vendor-definitions');

/**
 * `<repo>/../shared/vendor-definitions/`, which a clean clone does not have. `ENVSPEC_SHARED_DIR`
 * names the shared folder instead, for a checkout that does not sit beside it (a git worktree).
 */
export const sharedDir = join(
  process.env.ENVSPEC_SHARED_DIR ?? join(repositoryRoot, '..', 'shared'),
  'vendor-definitions',
);

/**
 * The definition each vendor's spec is measured against. Fabro's is the version its documentation
 * page renders (the seed); Qoder publishes none (its SDKs are checked in `qoder-sdk.test.ts`).
 */
export const definitionFiles = {
  fabro: 'fabro-2026-05-29.yaml',
  datadog: 'datadog.yaml',
  launchdarkly: 'launchdarkly.yaml',
} as const satisfies Partial<Record<Vendor, string>>;

export type DefinedVendor = keyof typeof definitionFiles;

export const definedVendors = Object.keys(definitionFiles) as DefinedVendor[];

/** The definition files of a folder (its README is not one). */
export function definitionFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

export function hasSharedDefinitions(): boolean {
  return existsSync(sharedDir);
}

/** A vendor's definition from the repository copy, its schemas in JSON Schema 2020-12 terms. */
export function loadVendorDefinition(vendor: DefinedVendor): OpenApiDocument {
  const parsed: unknown = parse(readFileSync(join(repositoryCopyDir, definitionFiles[vendor]), 'utf8'));
  if (!isJsonObject(parsed)) throw new Error(`${definitionFiles[vendor]} is not an OpenAPI document`);
  return toJsonSchemaDialect(parsed) as unknown as OpenApiDocument;
}
