/**
 * `pnpm test:contract --target=url` as the README gives it, against a reference server this file
 * starts (its CLI, on a port the system picks) and names in CONTRACT_QODER_URL: the qoder suite
 * passes and covers every status the spec documents on that URL. Nothing answering at the URL
 * fails the run naming it; a target that does not exist exits 2 with the usage.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, readPath, send, spawnUntilReady, type Child } from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const serverCli = createRequire(import.meta.url).resolve('@envspec/server/cli');

let server: Child;
let serverUrl: string;
let reportDir: string;

beforeAll(async () => {
  const listed = (stdout: string) => /^qoder\s+(http:\/\/\S+)/m.exec(stdout)?.[1];
  server = await spawnUntilReady(
    process.execPath,
    ['--import', 'tsx', serverCli, '--vendor', 'qoder', '--port', 'qoder=0', '--log-level', 'silent'],
    (stdout) => listed(stdout) !== undefined,
  );
  serverUrl = listed(server.stdout)!;
  reportDir = await mkdtemp(join(tmpdir(), 'envspec-contract-url-'));
});

afterAll(async () => {
  await server?.stop();
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

/** `pnpm test:contract …` from the repository root; the report goes to this file's folder, not the package's. */
function testContract(args: string[], qoderUrl: string): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONTRACT_')));
  return new Promise((resolve) => {
    execFile(
      'pnpm',
      ['test:contract', ...args],
      {
        cwd: repoRoot,
        env: { ...env, CONTRACT_QODER_URL: qoderUrl, CONTRACT_REPORT_DIR: reportDir, NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
}

describe('pnpm test:contract --target=url', () => {
  it('runs the suite against the URL in CONTRACT_<VENDOR>_URL and covers every documented status there', async () => {
    const fixture = () => send(serverUrl, { path: readPath('qoder'), headers: credentialHeaders('qoder') });
    const before = await fixture();
    const { code, output } = await testContract(['--target=url', '--vendor=qoder'], serverUrl);
    expect(code, output).toBe(0);
    // The suite wrote to this server, not to some other one at a default address.
    expect(before.status).toBe(200);
    expect((await fixture()).body).not.toEqual(before.body);
    expect(output).toMatch(/Tests +\d+ passed/);
    const report = JSON.parse(await readFile(join(reportDir, 'contract-coverage.json'), 'utf8')) as {
      targets: string[];
      vendors: string[];
      rows: Array<{ operationId: string; status: string; targets: { url: boolean } }>;
    };
    expect([report.targets, report.vendors]).toEqual([['url'], ['qoder']]);
    expect(report.rows.length).toBeGreaterThan(0);
    expect(report.rows.filter((row) => !row.targets.url).map((row) => `${row.operationId} ${row.status}`)).toEqual([]);
  });

  it('fails once, naming the URL, when nothing answers there', async () => {
    const nowhere = `http://127.0.0.1:${await findFreePort()}`;
    const { code, output } = await testContract(['--target=url', '--vendor=qoder'], nowhere);
    expect(code, output).toBe(1);
    expect(output).toContain(`nothing answers at ${nowhere} for the qoder url target`);
    expect(output).toContain('point CONTRACT_QODER_URL at a deployment');
  });

  it('exits 2 with the usage for a target that does not exist', async () => {
    const { code, output } = await testContract(['--target=staging'], serverUrl);
    expect(code, output).toBe(2);
    expect(output).toMatch(
      /unknown contract target 'staging'; expected mock, stateful, server, proxy, url(, [\w-]+)*\n/,
    );
    expect(output).toContain('Usage: pnpm test:contract --target=');
    expect(output).not.toMatch(/\n\s+at\s/);
  });
});
