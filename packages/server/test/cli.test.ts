/**
 * `envspec-server` as a user runs it: the real CLI in a child process. `--rate-limit` limits every
 * credential, `--host` is where it listens (and only there); a mistyped flag exits 2 with the usage,
 * an address it cannot listen on exits 1 saying why; neither prints a stack trace.
 */
import { execFile } from 'node:child_process';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeIssues, readPath, send, spawnUntilReady, type Child } from '@envspec/testkit';
import { credentialHeaders, demoCredential, qoderCore } from '@envspec/vendors';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const stackTrace = /\n\s+at\s/;

/** The URL the start-up table gives for qoder, once it is printed. */
const qoderUrl = (stdout: string) => /^qoder\s+(http:\/\/\S+)/m.exec(stdout)?.[1];

/** Starts the CLI serving qoder (on a port the system picks unless `args` name one); stopped after the file. */
function useServer(args: () => string[]): { child: Child; url: string } {
  const started = { child: undefined as unknown as Child, url: '' };
  beforeAll(async () => {
    started.child = await spawnUntilReady(
      process.execPath,
      ['--import', 'tsx', cli, '--vendor', 'qoder', '--port', 'qoder=0', '--log-level', 'silent', ...args()],
      (stdout) => qoderUrl(stdout) !== undefined,
    );
    started.url = qoderUrl(started.child.stdout)!;
  });
  afterAll(() => started.child?.stop());
  return started;
}

/** Runs the CLI until it exits by itself (it only does so on an error). */
function runToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, '--vendor', 'qoder', '--log-level', 'silent', ...args],
      { timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
    );
  });
}

const write = credentialHeaders('qoder');
const read = credentialHeaders('qoder', demoCredential('qoder', 'read')!.secret);

describe('--rate-limit 2/60', () => {
  const server = useServer(() => ['--rate-limit', '2/60']);

  it('says so for every credential in the start-up table', () => {
    for (const credential of qoderCore.credentials.demo)
      expect(server.child.stdout).toContain(`${credential.secret} (${credential.access}, 2/60s)`);
  });

  it('answers a credential 429 in the vendor envelope after two requests, and leaves other credentials alone', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await send(server.url, { path: readPath('qoder'), headers: write }));
    expect(statuses.map((reply) => reply.status)).toEqual([200, 200, 429]);
    const limited = statuses[2]!;
    expect(envelopeIssues('qoder', limited.body)).toBe('');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await send(server.url, { path: readPath('qoder'), headers: read })).status).toBe(200);
  });
});

describe('--host 127.0.0.2', () => {
  // Linux routes all of 127.0.0.0/8 to the loopback interface: a second loopback address to listen on.
  // This file holds the same port on 127.0.0.1 first: a server that listened there (or on every
  // interface) could not start, and what answers on 127.0.0.1 is this file's, never another test's.
  let holder: HttpServer;
  let port = 0;
  beforeAll(async () => {
    holder = createHttpServer((_request, response) => response.end('held by the test'));
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const server = useServer(() => ['--host', '127.0.0.2', '--port', `qoder=${port}`]);

  it('listens there and says so', async () => {
    expect(server.url).toBe(`http://127.0.0.2:${port}`);
    expect((await send(server.url, { path: readPath('qoder'), headers: write })).status).toBe(200);
  });

  it('leaves the default 127.0.0.1 alone', async () => {
    const reply = await send(`http://127.0.0.1:${port}`, { path: readPath('qoder'), headers: write });
    expect(reply.text).toBe('held by the test');
  });
});

describe('mistakes', () => {
  let busy: Server;
  let busyPort = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it.each([
    [
      'a rate limit without a window',
      ['--rate-limit', '2'],
      /--rate-limit expects REQUESTS\/SECONDS \(e\.g\. 100\/60\), got '2'/,
    ],
    ['a rate limit that is not a number', ['--rate-limit', 'many/60'], /--rate-limit expects REQUESTS\/SECONDS/],
    ['--host without an address', ['--host'], /--host/],
    ['an unknown flag', ['--hots', '127.0.0.1'], /--hots/],
  ])('%s exits 2 with the usage', async (_name, args, says) => {
    const { code, output } = await runToExit(args);
    expect(code, output).toBe(2);
    expect(output).toMatch(says);
    expect(output).toContain('Usage: envspec-server');
    expect(output).not.toMatch(stackTrace);
  });

  it.each([
    [
      'a host that is not this machine’s',
      () => ['--port', 'qoder=0', '--host', '192.0.2.1'],
      /cannot listen on 192\.0\.2\.1 for the qoder server: it is not an address of this machine/,
    ],
    [
      'a port in use',
      () => ['--port', `qoder=${busyPort}`],
      /port \d+ on 127\.0\.0\.1 for the qoder server is already in use: .* \(--port qoder=N, 0 for any free one\)/,
    ],
  ])('%s exits 1 saying why', async (_name, args, says) => {
    const { code, output } = await runToExit(args());
    expect(code, output).toBe(1);
    expect(output).toMatch(says);
    expect(output).not.toMatch(stackTrace);
  });
});
