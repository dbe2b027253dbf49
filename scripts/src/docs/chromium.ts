/**
 * Finds Debian's Chromium for browser tests, installing it through `scripts/setup/chromium.sh`
 * when it is missing and the machine allows (root with apt). Playwright drives it by path; no
 * browser is ever downloaded.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const chromiumPath = '/usr/bin/chromium';
const setupScript = fileURLToPath(new URL('../../setup/chromium.sh', import.meta.url));

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

export async function ensureChromium(): Promise<ChromiumAvailability> {
  if (existsSync(chromiumPath)) return { executablePath: chromiumPath };
  return new Promise((resolve, reject) => {
    execFile('bash', [setupScript], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error && existsSync(chromiumPath)) return resolve({ executablePath: chromiumPath });
      if (error && error.code === 3) return resolve({ skip: stderr.trim() });
      reject(new Error(`installing chromium with ${setupScript} failed:\n${stderr.trim()}`));
    });
  });
}
