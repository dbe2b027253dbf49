/**
 * Crash safety of the file store, end to end: the real CLI serves Qoder from a data directory while
 * four concurrent streams of writes run against it; the process is killed with SIGKILL in the
 * middle of the stream (twice, restarting in between). After each kill every file of the store
 * still parses, and after the restart every write that was acknowledged with a 200 is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { qoderCore } from '@envspec/vendors';
import { agent, httpRequest } from '../support/raw-http.ts';
import { profiles } from './profiles.ts';

const qoder = profiles.find((p) => p.vendor === 'qoder')!;
const serverRoot = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'envspec-crash-'));
const children: ChildProcess[] = [];
let logs = '';

afterAll(() => {
  agent.destroy();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `envspec-server --vendor qoder` on a free port over `dataDir`, resolving with its URL once it listens. */
async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    '--import',
    'tsx',
    'src/cli.ts',
    '--vendor',
    'qoder',
    '--port',
    'qoder=0',
    '--data-dir',
    dataDir,
    '--log-level',
    'info',
  ];
  const child = spawn(process.execPath, args, { cwd: serverRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s:\n${out}\n${logs}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}\n${logs}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /^qoder\s+(http:\/\/\S+)/m.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  return { child, url };
}

const write = (url: string, key: string) =>
  httpRequest(url, {
    method: 'PUT',
    path: qoder.fixturePath,
    headers: { ...qoder.credentialHeaders(qoder.secret), 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ metadata: { [key]: 'v' } }),
    timeoutMs: 5_000,
  });

/** Every file of the store parses as a stored record; a `.tmp` left by the kill is allowed (the next start removes it). */
function storeFiles(): { records: number; temporary: number } {
  const names = readdirSync(join(dataDir, 'qoder'));
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const record = JSON.parse(readFileSync(join(dataDir, 'qoder', name), 'utf8'));
    expect(record).toMatchObject({ key: qoder.fixtureId, version: expect.any(Number), value: { id: qoder.fixtureId } });
  }
  return {
    records: names.filter((n) => n.endsWith('.json')).length,
    temporary: names.filter((n) => n.endsWith('.tmp')).length,
  };
}

it('SIGKILL in the middle of a stream of writes loses no acknowledged write and corrupts nothing', async () => {
  const acknowledged: string[] = [];
  const cycles: Array<{ acknowledged: number; failedInFlight: number; temporaryFiles: number }> = [];
  for (let cycle = 0; cycle < 2; cycle += 1) {
    const { child, url } = await startServer();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let acknowledgedThisCycle = 0;
    let failedInFlight = 0;
    let killed = false;
    const killAfter = 40 + Math.floor(Math.random() * 40);
    // Four streams, each writing its own keys one after another, so writes are always in flight.
    const streams = Array.from({ length: 4 }, async (_, stream) => {
      for (let i = 0; ; i += 1) {
        const key = `c${cycle}_s${stream}_k${i}`;
        const sentBeforeKill = !killed;
        try {
          const reply = await write(url, key);
          expect(reply.status, reply.text).toBe(200);
          acknowledged.push(key);
          acknowledgedThisCycle += 1;
          if (acknowledgedThisCycle === killAfter) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          if (sentBeforeKill) failedInFlight += 1;
          return;
        }
      }
    });
    await Promise.all(streams);
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    const { records, temporary } = storeFiles();
    expect(records).toBe(1);
    cycles.push({ acknowledged: acknowledgedThisCycle, failedInFlight, temporaryFiles: temporary });
  }

  const { child, url } = await startServer();
  try {
    const reply = await httpRequest<QoderEnvironment>(url, {
      method: 'GET',
      path: qoder.fixturePath,
      headers: qoder.credentialHeaders(qoder.secret),
    });
    expect(reply.status).toBe(200);
    const missing = acknowledged.filter((key) => reply.body.metadata?.[key] !== 'v');
    expect(missing).toEqual([]);
    // The restart removed what the kills left half-written.
    expect(storeFiles()).toEqual({ records: 1, temporary: 0 });
    expect((await write(url, 'after_restart')).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  // Every kill hit writes in flight: sent before the kill, never answered.
  for (const cycle of cycles) expect(cycle.failedInFlight).toBeGreaterThan(0);
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    console.log(`crash: ${JSON.stringify({ acknowledged: acknowledged.length, cycles })}`);
  // The CLI logged every request at info level, and no credential with them.
  expect(logs).toContain('"credential":"qoder-demo-write"');
  for (const credential of qoderCore.credentials.demo) expect(logs).not.toContain(credential.secret);
}, 90_000);
