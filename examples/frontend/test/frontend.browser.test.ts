/**
 * The example's production build in Debian's Chromium (driven by playwright-core, no browser
 * download), served on 127.0.0.1 so the service worker has its secure context:
 * - with the in-browser MSW mock: every card loads; Fabro is edited twice, the second edit sending
 *   the ETag the first one returned; a save with the first (now stale) ETag gets Fabro's 409, whose
 *   message is shown on the page; a screenshot is kept in test-results/;
 * - switched to the reference server (its CLI on a free port): the worker is gone and the page's
 *   Fabro requests reach the real server.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, createLogger, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '@envspec/scripts/docs';
import { findFreePort, spawnUntilReady, type Child } from '@envspec/testkit';
import { vendors } from '@envspec/specs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'test-results');
const serverCli = createRequire(import.meta.url).resolve('@envspec/server/cli');

let outDir: string;
let site: PreviewServer;
let origin: string;
let browser: Browser;
/** What Vite warned about while building: a Node built-in in the import graph would be one. */
const buildWarnings: string[] = [];

/**
 * The production build, as `vite build` makes it. Vitest runs with NODE_ENV=test, under which Vite
 * neither builds for production nor warns about a Node built-in it externalizes, so the build
 * runs with NODE_ENV=production.
 */
async function buildForProduction(into: string): Promise<void> {
  const testEnvironment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      customLogger: collectingLogger(),
      build: {
        outDir: into,
        emptyOutDir: true,
        rolldownOptions: {
          onLog: (level, log) => {
            if (level === 'warn') buildWarnings.push(log.message);
          },
        },
      },
    });
  } finally {
    process.env.NODE_ENV = testEnvironment;
  }
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'envspec-frontend-'));
  // Debian's chromium, which .ci/run installs (scripts/setup/chromium.sh); this test never installs it.
  const availability = findChromium();
  if ('skip' in availability) throw new Error(`Chromium is needed for this test: ${availability.skip}`);
  await buildForProduction(outDir);
  const port = await findFreePort();
  site = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  origin = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: availability.executablePath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function collectingLogger() {
  const logger = createLogger('warn');
  const collect = (message: string) => buildWarnings.push(message);
  return { ...logger, warn: collect, warnOnce: collect, error: collect };
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** The page's own log of Fabro's PUTs: the If-Match each sent, and the status and ETag it got. */
async function fabroPuts(page: Page) {
  return byTestId(page, 'fabro-log')
    .locator('li[data-method="PUT"]')
    .evaluateAll((entries) =>
      entries.map((entry) => {
        const { ifMatch, status, etag } = (entry as HTMLElement).dataset;
        return { ifMatch, status, etag };
      }),
    );
}

async function saveFabro(page: Page, team: string, button = 'fabro-save') {
  await byTestId(page, 'fabro-field').fill(team);
  const before = await byTestId(page, 'fabro-log').locator('li').count();
  await byTestId(page, button).click();
  await expect.poll(() => byTestId(page, 'fabro-log').locator('li').count()).toBe(before + 1);
  await expect.poll(() => byTestId(page, 'fabro-save').isEnabled()).toBe(true);
}

const revisionOf = (etag: string | undefined) => etag?.replaceAll('"', '') ?? '';

describe('the example page', () => {
  it('builds for production without a warning (nothing Node-only reaches the browser bundle)', () => {
    expect(buildWarnings).toEqual([]);
  });

  it('edits Fabro twice through the in-browser MSW mock and shows its 409 for a stale ETag', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} at ${message.location().url}`);
    });
    await page.goto(`${origin}/?backend=msw`);
    await page.locator('body[data-ready="msw"]').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}/mockServiceWorker.js`,
    );
    for (const vendor of ['qoder', 'fabro', 'datadog', 'launchdarkly'])
      expect(await byTestId(page, `${vendor}-outcome`).textContent(), vendor).toBe('loaded');

    const first = await byTestId(page, 'fabro-etag').textContent();
    await saveFabro(page, 'frontend');
    const second = await byTestId(page, 'fabro-etag').textContent();
    await saveFabro(page, 'frontend-2');
    const third = await byTestId(page, 'fabro-etag').textContent();
    expect(await fabroPuts(page)).toEqual([
      { ifMatch: first, status: '200', etag: second },
      { ifMatch: second, status: '200', etag: third },
    ]);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(await byTestId(page, 'fabro-outcome').textContent()).toBe(`saved: revision ${revisionOf(third!)}`);

    await saveFabro(page, 'too-late', 'fabro-save-stale');
    const outcome = byTestId(page, 'fabro-outcome');
    expect(await outcome.getAttribute('data-state')).toBe('error');
    const message = (await outcome.textContent()) ?? '';
    // Fabro's own words, and no code: Fabro sets none on a stale revision.
    expect(message).toMatch(/^409: environment revision is stale: /);
    expect(message).toContain('ci-runner');
    expect(await byTestId(page, 'fabro-etag').textContent()).toBe(third);

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'fabro-msw.png'), fullPage: true });
    // The one failure is the one provoked, which Chromium reports like any failed request.
    expect(consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 409 () at https://api.example.com/api/v1/environments/ci-runner',
    ]);
    await context.close();
  });

  it('switches to the reference server, whose answers then reach the page', async () => {
    // Every vendor on a port of its own: the page never depends on what else listens on 3010–3013.
    const ports = Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
    const urls = new URLSearchParams(vendors.map((vendor) => [`url.${vendor}`, `http://127.0.0.1:${ports[vendor]}`]));
    const fabroUrl = urls.get('url.fabro')!;
    let server: Child | undefined;
    const context = await browser.newContext();
    try {
      server = await spawnUntilReady(
        process.execPath,
        [
          '--import',
          'tsx',
          serverCli,
          '--log-level',
          'silent',
          ...vendors.flatMap((vendor) => ['--port', `${vendor}=${ports[vendor]}`]),
        ],
        (stdout) => stdout.includes('Reference servers ready'),
      );
      const page = await context.newPage();
      await page.goto(`${origin}/?backend=msw&${urls}`);
      await page.locator('body[data-ready="msw"]').waitFor();
      await byTestId(page, 'backend').selectOption('server');
      await page.locator('body[data-ready="server"]').waitFor();
      expect(new URL(page.url()).searchParams.get('backend')).toBe('server');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length))).toBe(0);
      expect(await byTestId(page, 'fabro-outcome').textContent()).toBe('loaded');
      await saveFabro(page, 'from-the-page');
      const [put] = await fabroPuts(page);
      expect(put?.status).toBe('200');
      const stored = await fetch(`${fabroUrl}/api/v1/environments/ci-runner`, {
        headers: { authorization: 'Bearer fabro_dev_demo_write' },
      });
      expect(((await stored.json()) as { labels: Record<string, string> }).labels.team).toBe('from-the-page');
    } finally {
      await context.close();
      await server?.stop();
    }
  });
});
