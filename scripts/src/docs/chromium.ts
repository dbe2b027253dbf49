/**
 * Finds Debian's Chromium for browser tests. Nothing here installs it: `.ci/run` does, before
 * `pnpm test`, with `scripts/setup/chromium.sh` (apt, as root); a developer runs that script once.
 * Playwright drives it by path; no browser is ever downloaded.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/** Flags for a quiet, offline, throwaway headless Chromium (Playwright adds headless and a fresh profile). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumAvailability = { executablePath: string } | { skip: string };

/** True when `CI` is set to anything but an explicit no (`false`, `0`), as CI services set it. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Chromium's path, or why the browser test skips: only outside CI. In CI a missing Chromium throws,
 * so the browser test fails instead of passing without having run.
 */
export function findChromium({
  path = chromiumPath,
  env = process.env,
}: {
  path?: string;
  env?: NodeJS.ProcessEnv;
} = {}): ChromiumAvailability {
  if (existsSync(path)) return { executablePath: path };
  if (inCi(env)) {
    throw new Error(
      `${path} is missing and CI is set, so the browser test cannot be skipped: .ci/run installs it with scripts/setup/chromium.sh (apt, as root) before pnpm test; run that first.`,
    );
  }
  return {
    skip: `${path} is missing: install Debian's chromium with 'sudo bash scripts/setup/chromium.sh' (apt), then rerun.`,
  };
}
