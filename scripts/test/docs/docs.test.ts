/**
 * `pnpm run docs` as the README gives it, and its output in a real browser: Debian's Chromium,
 * driven by playwright-core, opens the index and every vendor page from disk with all network
 * access refused, and each operation of each spec must be rendered. Chromium comes from
 * `scripts/setup/chromium.sh` (apt, as root), which `.ci/run` runs before `pnpm test`; the test never
 * installs it. Without it the browser cases fail in CI (`CI` set) and are skipped elsewhere, saying
 * how to install it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundle } from '@envspec/specs';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import { chromiumArgs, findChromium } from '../../src/docs/index.ts';

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** What each vendor's page must show, from its spec (not from what the build says it did). */
function expectedPage(vendor: Vendor) {
  const bundle = loadBundle(vendor);
  return {
    title: bundle.info.title,
    operations: listOperations(bundle).map(({ method, path, operation }) => ({
      method: method.toUpperCase(),
      path,
      operationId: operation.operationId,
      summary: operation.summary ?? operation.operationId,
    })),
  };
}

let outDir: string;
/** What `pnpm run docs` printed: each vendor's page (path from the repo root, operation count) and the index. */
let listed: { pages: Array<{ vendor: string; file: string; operations: number }>; index: string | undefined };
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let skipReason: string | undefined;
/** Every request that tried to leave the page's own file: a self-contained page makes none. */
const external: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'envspec-docs-'));
  const availability = findChromium();
  const { stdout } = await promisify(execFile)('pnpm', ['--silent', 'run', 'docs', '--out', outDir], { cwd: repoRoot });
  listed = {
    pages: [...stdout.matchAll(/^(\w+)\s+(\S+\.html)\s+\((\d+) operations\)$/gm)].map(([, vendor, file, count]) => ({
      vendor: vendor!,
      file: join(repoRoot, file!),
      operations: Number(count),
    })),
    index: /^Open (\S+) in a browser\.$/m.exec(stdout)?.[1],
  };
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

const pageFile = (vendor: Vendor) => join(outDir, `${vendor}.html`);
const indexFile = () => join(outDir, 'index.html');

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('pnpm run docs', () => {
  it('writes one page per vendor and an index into --out, and says where', async () => {
    expect(listed.pages).toEqual(
      vendors.map((vendor) => ({ vendor, file: pageFile(vendor), operations: expectedPage(vendor).operations.length })),
    );
    expect(listed.index && join(repoRoot, listed.index)).toBe(indexFile());
    for (const vendor of vendors) {
      const html = await readFile(pageFile(vendor), 'utf8');
      expect(html).toContain(`<title>${expectedPage(vendor).title} — envspec API reference</title>`);
    }
    expect(existsSync(indexFile())).toBe(true);
  });

  it('index lists every vendor page and operation, and links to the pages, in a browser', async (test) => {
    if (!context) return test.skip(skipReason);
    const page = await context.newPage();
    await page.goto(pathToFileURL(indexFile()).href);
    expect(await page.title()).toBe('envspec API reference');
    for (const vendor of vendors) {
      const expected = expectedPage(vendor);
      for (const operation of expected.operations) {
        const row = page
          .locator(`#${vendor} tr`)
          .filter({ hasText: operation.path })
          .filter({ hasText: operation.summary });
        expect(await row.isVisible(), `${vendor} ${operation.operationId} listed`).toBe(true);
      }
      await page.locator(`a[href="./${vendor}.html"]`).click();
      await page.waitForURL(`**/${vendor}.html`);
      await page.getByRole('heading', { level: 1, name: expected.title }).waitFor({ state: 'visible' });
      await page.goBack();
    }
    await page.close();
  });

  it.for(vendors)('%s page renders every operation, offline', async (vendor, test) => {
    if (!context) return test.skip(skipReason);
    const url = pathToFileURL(pageFile(vendor)).href;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const operation of expectedPage(vendor).operations) {
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
