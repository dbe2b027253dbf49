/**
 * Durable before visible, end to end: the real CLI serves Qoder from `--store file:DIR` while eight
 * streams merge new metadata keys and a reader polls GET, remembering every key it has seen. Right
 * after one of its reads (the 20th–60th that showed something new) the reader kills the server with
 * SIGKILL, three times, restarting on the same directory in between. Whatever the reader saw must
 * still be there after the restart: a store that showed a write before it was on disk would lose
 * the latest ones the reader saw.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { profiles } from '../reliability/profiles.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const qoder = profiles.find((profile) => profile.vendor === 'qoder')!;
const directory = mkdtempSync(join(tmpdir(), 'envspec-durable-'));
const processes: ServerProcess[] = [];

afterAll(async () => {
  for (const server of processes) server.child.kill('SIGKILL');
  await Promise.all(processes.map((server) => server.exited));
  rmSync(directory, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const server = await startServer(['qoder'], ['--store', `file:${directory}`, '--log-level', 'silent']);
  processes.push(server);
  return server;
}

const call = (server: ServerProcess, init: RequestInit = {}) =>
  fetch(`${server.url('qoder')}${qoder.fixturePath}`, {
    ...init,
    headers: { ...qoder.credentialHeaders(qoder.secret), 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });

/** The fixture's metadata keys as one GET shows them. */
async function keysSeen(server: ServerProcess): Promise<string[]> {
  const reply = await call(server);
  expect(reply.status).toBe(200);
  return Object.keys((await reply.json()).metadata ?? {});
}

it('a reader never sees a write that a SIGKILL right after loses', async () => {
  const seen = new Set<string>();
  const cycles: Array<{ readsWithNews: number; acknowledged: number; seenNotYetAcknowledged: number }> = [];
  for (let cycle = 0; cycle < 3; cycle += 1) {
    const server = await start();
    const acknowledged = new Set<string>();
    let killed = false;
    const writers = Array.from({ length: 8 }, async (_, stream) => {
      for (let k = 0; !killed; k += 1) {
        const key = `c${cycle}s${stream}k${k}`;
        const reply = await call(server, { method: 'PUT', body: JSON.stringify({ metadata: { [key]: 'v' } }) }).catch(
          () => undefined,
        );
        if (!reply) return;
        expect(reply.status).toBe(200);
        acknowledged.add(key);
      }
    });
    const killAfter = 20 + Math.floor(Math.random() * 40);
    let readsWithNews = 0;
    let seenNotYetAcknowledged = 0;
    while (readsWithNews < killAfter) {
      const keys = await keysSeen(server);
      const news = keys.filter((key) => !seen.has(key));
      for (const key of news) {
        seen.add(key);
        if (!acknowledged.has(key)) seenNotYetAcknowledged += 1;
      }
      if (news.length > 0) readsWithNews += 1;
    }
    // Right after the read, before anything else can happen in this process.
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(writers);
    expect(server.child.signalCode).toBe('SIGKILL');
    cycles.push({ readsWithNews, acknowledged: acknowledged.size, seenNotYetAcknowledged });
  }

  const server = await start();
  const kept = new Set(await keysSeen(server));
  expect([...seen].filter((key) => !kept.has(key))).toEqual([]);
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    console.log(`durable before visible: ${JSON.stringify({ seen: seen.size, kept: kept.size, cycles })}`);
}, 120_000);
