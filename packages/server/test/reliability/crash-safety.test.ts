/**
 * Crash safety of the file store, end to end: the real CLI serves Qoder from a data directory while
 * four concurrent streams of writes run against it; the process is killed with SIGKILL in the
 * middle of the stream (twice, restarting in between), with one more write held open, half sent, so
 * the kill surely finds a write in flight (it gets no answer). Every streamed write is answered 200 or
 * fails with a connection reset or refused by the kill, counted by cause; any other answer fails the test. After
 * each kill every file of the store still parses, and after the restart every write that was
 * acknowledged with a 200 is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { qoderCore } from '@envspec/vendors';
import { agent, httpRequest, socketExchange, type SocketExchange } from '../support/raw-http.ts';
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

/**
 * A write whose headers and half of whose body are sent, the rest never: `sent` resolves once those
 * bytes are handed to the connection, `ended` with what the server sent before the connection closed.
 */
function holdWriteOpen(url: string, key: string): { sent: Promise<void>; ended: Promise<SocketExchange> } {
  const body = JSON.stringify({ metadata: { [key]: 'v' } });
  const headers = { ...qoder.credentialHeaders(qoder.secret), 'content-type': 'application/json' };
  const head = [
    `PUT ${qoder.fixturePath} HTTP/1.1`,
    'Host: 127.0.0.1',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    '',
  ].join('\r\n');
  let sent: () => void = () => undefined;
  const written = new Promise<void>((resolve) => (sent = resolve));
  const ended = socketExchange(url, (write) => {
    write(head + body.slice(0, Math.floor(body.length / 2)));
    sent();
  });
  return { sent: written, ended };
}

/** What became of one write: an answer, or the transport error that ended it (its code: ECONNRESET, …). */
type Outcome = { status: number; text: string } | { failure: string };

const outcomeOf = (pending: Promise<{ status: number; text: string }>): Promise<Outcome> =>
  pending.then(
    ({ status, text }) => ({ status, text }),
    (error: NodeJS.ErrnoException) => ({ failure: error.code ?? error.message }),
  );

/**
 * How a write may fail once the server is killed: the connection reset under it (ECONNRESET; EPIPE
 * while the body is still being sent), or refused once nothing listens (ECONNREFUSED). Anything else
 * — an HTTP status other than 200, any other transport error — is a failure of the server, not of
 * the kill. However slow the machine, a write waits for its answer (a hung one fails the test's time).
 */
const killFailures = ['ECONNRESET', 'EPIPE', 'ECONNREFUSED'];

interface Cycle {
  acknowledged: number;
  /** Transport failures by cause, of writes sent before the kill (in flight) and after it. */
  inFlight: Record<string, number>;
  afterKill: Record<string, number>;
  /** Answers other than 200: none is expected, killed or not. */
  wrongAnswers: string[];
  temporaryFiles: number;
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

it('SIGKILL in the middle of a stream of writes loses no acknowledged write and corrupts nothing', async () => {
  const acknowledged: string[] = [];
  const cycles: Cycle[] = [];
  for (let cycle = 0; cycle < 2; cycle += 1) {
    const { child, url } = await startServer();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const result: Cycle = { acknowledged: 0, inFlight: {}, afterKill: {}, wrongAnswers: [], temporaryFiles: 0 };
    let killed = false;
    let held: Promise<SocketExchange> | undefined;
    // The streams' writes may all be answered in the moment between kill() and the process dying,
    // so the kill is also sure to find one write in flight: held open, half its body sent.
    const kill = async () => {
      if (killed) return;
      killed = true;
      const write = holdWriteOpen(url, `c${cycle}_held`);
      held = write.ended;
      await write.sent;
      child.kill('SIGKILL');
    };
    const killAfter = 40 + Math.floor(Math.random() * 40);
    // Four streams, each writing its own keys one after another, so writes are always in flight.
    // A stream ends at its first write that is not acknowledged.
    const streams = Array.from({ length: 4 }, async (_, stream) => {
      for (let i = 0; ; i += 1) {
        const key = `c${cycle}_s${stream}_k${i}`;
        const sentBeforeKill = !killed;
        const outcome = await outcomeOf(write(url, key));
        if ('failure' in outcome) return count(sentBeforeKill ? result.inFlight : result.afterKill, outcome.failure);
        if (outcome.status !== 200) return void result.wrongAnswers.push(`${key}: ${outcome.status} ${outcome.text}`);
        acknowledged.push(key);
        result.acknowledged += 1;
        if (result.acknowledged === killAfter) void kill();
      }
    });
    await Promise.all(streams);
    // Streams that all ended on wrong answers never reached the kill: kill now, the answers fail the test below.
    await kill();
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    // The write the kill found in flight got no answer at all: the process died under it.
    expect(await held!, 'the held write').toEqual({ raw: '', closedAfterMs: expect.any(Number) });
    const { records, temporary } = storeFiles();
    expect(records).toBe(1);
    cycles.push({ ...result, temporaryFiles: temporary });
  }
  expect(cycles.flatMap((cycle) => cycle.wrongAnswers)).toEqual([]);
  for (const cycle of cycles) {
    const causes = [...Object.keys(cycle.inFlight), ...Object.keys(cycle.afterKill)];
    expect(
      causes.filter((cause) => !killFailures.includes(cause)),
      'writes failed by something else than the kill',
    ).toEqual([]);
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
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    console.log(`crash: ${JSON.stringify({ acknowledged: acknowledged.length, cycles })}`);
  // The CLI logged every request at info level, and no credential with them.
  expect(logs).toContain('"credential":"qoder-demo-write"');
  for (const credential of qoderCore.credentials.demo) expect(logs).not.toContain(credential.secret);
}, 90_000);
