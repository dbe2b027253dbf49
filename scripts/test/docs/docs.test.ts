/**
 * `pnpm docs` output in a real browser: Debian's Chromium, driven by playwright-core, opens the
 * index and every vendor page from disk with all network access refused, and each operation must
 * be rendered. Chromium comes from `scripts/setup/chromium.sh` (apt, as root), which `.ci/run` runs
 * before `pnpm test`; the test never installs it. Without it the test fails in CI (`CI` set) and is
 * skipped elsewhere, saying how to install it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors } from '@envspec/specs/vendors';
import { buildDocs, chromiumArgs, findChromium, type DocsResult } from '../../src/docs/index.ts';

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

let outDir: string;
let docs: DocsResult;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let skipReason: string | undefined;
/** Every request that tried to leave the page's own file: a self-contained page makes none. */
const external: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'envspec-docs-'));
  const availability = findChromium();
  docs = await buildDocs({ root: repoRoot, outDir });
  if ('skip' in availability) {
    skipReason = `docs browser test skipped: ${availability.skip}`;
    console.warn(skipReason);
    return;
  }
  browser = await chromium.launch({ executablePath: availability.executablePath, args: chromiumArgs });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    external.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('pnpm docs', () => {
  it('builds one page per vendor plus an index', () => {
    expect(docs.pages.map((page) => page.vendor)).toEqual([...vendors]);
    for (const page of docs.pages) expect(page.operations.length).toBeGreaterThan(0);
  });

  it('index lists every vendor page and operation, and links to the pages, in a browser', async (test) => {
    if (!context) return test.skip(skipReason);
    const page = await context.newPage();
    await page.goto(pathToFileURL(docs.index).href);
    expect(await page.title()).toBe('envspec API reference');
    for (const docsPage of docs.pages) {
      for (const operation of docsPage.operations) {
        const row = page
          .locator(`#${docsPage.vendor} tr`)
          .filter({ hasText: operation.path })
          .filter({ hasText: operation.summary });
        expect(await row.isVisible(), `${docsPage.vendor} ${operation.operationId} listed`).toBe(true);
      }
      await page.locator(`a[href="./${docsPage.file}"]`).click();
      await page.waitForURL(`**/${docsPage.file}`);
      await page.getByRole('heading', { level: 1, name: docsPage.title }).waitFor({ state: 'visible' });
      await page.goBack();
    }
    await page.close();
  });

  it.for(vendors)('%s page renders every operation, offline', async (vendor, test) => {
    if (!context) return test.skip(skipReason);
    const docsPage = docs.pages.find((candidate) => candidate.vendor === vendor)!;
    const url = pathToFileURL(join(outDir, docsPage.file)).href;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const operation of docsPage.operations) {
      // Redoc lists a tag's operations by method and path; each opens the operation's own view.
      await page.goto(url);
      const links = page.locator('a[href^="#/"]').filter({ hasText: operation.path });
      await links.first().waitFor({ state: 'visible' });
      const texts = await links.evaluateAll((elements) =>
        elements.map((element) => (element.textContent ?? '').trim().toLowerCase()),
      );
      const index = texts.findIndex((text) => text.startsWith(operation.method.toLowerCase()));
      expect(index, `${operation.method} ${operation.path} listed on the page`).toBeGreaterThanOrEqual(0);
      await links.nth(index).click();
      const heading = page
        .getByRole('heading', { level: 2 })
        .filter({ hasText: new RegExp(`^${escapeRegExp(operation.summary)}$`) });
      await heading.waitFor({ state: 'visible' });
      const endpoint = page.locator('main, #api-content, body').first().getByText(operation.path, { exact: true });
      await expect
        .poll(async () => (await endpoint.count()) > 0 && (await endpoint.first().isVisible()), {
          message: `${operation.operationId} shows its path`,
        })
        .toBe(true);
      if (process.env.ENVSPEC_DOCS_SCREENSHOTS) {
        await page.screenshot({
          path: join(process.env.ENVSPEC_DOCS_SCREENSHOTS, `${vendor}-${operation.operationId}.png`),
        });
      }
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
