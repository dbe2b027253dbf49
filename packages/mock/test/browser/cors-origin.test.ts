/**
 * A frontend on an origin the defaults do not allow (`http://frontend.test:5173`, mapped to a
 * loopback page server by Chromium's --host-resolver-rules) calls the real `envspec-mock` CLI from
 * headless Chromium: blocked by default, with the mock's stderr naming the origin and the flag that
 * allows it; with `--cors-origin http://frontend.test:5173` the same call succeeds.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPath } from '@envspec/testkit';
import { startMockCli } from '../support/mock-cli.ts';
import { credentials } from '../support/vendor-requests.ts';

const chromiumPath = '/usr/bin/chromium';
const frontendOrigin = 'http://frontend.test:5173';

let pageServer: Server;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium) and rerun`);
  pageServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>frontend</title><p>a frontend on its own origin</p>');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const { port } = pageServer.address() as AddressInfo;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=MAP frontend.test:5173 127.0.0.1:${port}`,
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  pageServer?.close();
});

type PageResult =
  | { ok: true; status: number; id: string; revision: string; etag: string | null }
  | { ok: false; error: string };

/** The frontend page reads Fabro's environment from the mock, as a frontend would. */
async function readFromPage(mockUrl: string): Promise<PageResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${frontendOrigin}/`);
    expect(await page.evaluate(() => location.origin)).toBe(frontendOrigin);
    return await page.evaluate(
      async ([url, authorization]) => {
        try {
          const response = await fetch(url, { headers: { Authorization: authorization } });
          const body = (await response.json()) as { id: string; revision: string };
          return {
            ok: true,
            status: response.status,
            id: body.id,
            revision: body.revision,
            etag: response.headers.get('ETag'),
          } as const;
        } catch (error) {
          return { ok: false, error: String(error) } as const;
        }
      },
      [`${mockUrl}${readPath('fabro')}`, credentials.fabro.authorization!] as const,
    );
  } finally {
    await context.close();
  }
}

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  for (const started = Date.now(); !check() && Date.now() - started < timeoutMs; )
    await new Promise((resolve) => setTimeout(resolve, 50));
}

describe(`a page on ${frontendOrigin}`, () => {
  it('is blocked by default, and the mock tells on stderr which origin and which flag', async () => {
    const cli = await startMockCli('fabro');
    try {
      const result = await readFromPage(cli.url);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/TypeError: Failed to fetch/) });
      await eventually(() => cli.stderr().includes(`--cors-origin ${frontendOrigin}`));
      expect(cli.stderr()).toContain(`refused a browser request from origin ${frontendOrigin}`);
      expect(cli.stderr()).toContain(`start the mock with --cors-origin ${frontendOrigin} to allow it`);
    } finally {
      await cli.stop();
    }
  });

  it(`reads the mock with --cors-origin ${frontendOrigin}`, async () => {
    const cli = await startMockCli('fabro', ['--cors-origin', frontendOrigin]);
    try {
      const result = await readFromPage(cli.url);
      expect(result).toMatchObject({ ok: true, status: 200, id: 'ci-runner' });
      // ETag is an exposed header: the page can read it, as getWithETag needs.
      if (result.ok) expect(result.etag).toBe(`"${result.revision}"`);
      expect(cli.stderr()).not.toContain('refused a browser request');
    } finally {
      await cli.stop();
    }
  });
});
