/**
 * One engine process serves all four mocks. Killed (SIGKILL) or hung (SIGSTOP: it stops sending
 * heartbeats), it is replaced; meanwhile every front answers 503 in its vendor's envelope — never a
 * connection reset — and all four answer 200 again within 5 s of the signal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { envelopeIssues, findFreePort, readPath, send, type RawReply } from '@envspec/testkit';
import { startMocks, type MockFleet } from '../src/index.ts';
import { credentials } from './support/vendor-requests.ts';

const recoveryMs = 5_000;
const read = (fleet: MockFleet, vendor: Vendor): Promise<RawReply> =>
  send(fleet.mocks.find((mock) => mock.vendor === vendor)!.url, {
    path: readPath(vendor),
    headers: credentials[vendor],
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePorts(selected: readonly Vendor[]): Promise<Partial<Record<Vendor, number>>> {
  return Object.fromEntries(await Promise.all(selected.map(async (vendor) => [vendor, await findFreePort()])));
}

describe('the engine process killed or hung', () => {
  let fleet: MockFleet;
  const events: string[] = [];
  beforeAll(async () => {
    fleet = await startMocks({
      ports: await freePorts(vendors),
      onLog: (vendor, line) => line.startsWith('mock') && events.push(`${vendor} ${line}`),
    });
  }, 60_000);
  afterAll(async () => fleet?.stop());

  it('is one process behind every front', () => {
    const pids = new Set(fleet.mocks.map((mock) => mock.engine.pid));
    expect(pids.size).toBe(1);
    expect([...pids][0]).toEqual(expect.any(Number));
  });

  it.each<[NodeJS.Signals, (pid: number) => string]>([
    ['SIGKILL', (pid) => `mock: Prism engine \\(pid ${pid}\\) exited unexpectedly with SIGKILL`],
    ['SIGSTOP', (pid) => `mock: Prism engine \\(pid ${pid}\\) sent no heartbeat for \\d+ ms; killing it`],
  ])(
    '%s: every front answers 503 in its envelope meanwhile, and 200 again within 5 s',
    async (signal, event) => {
      const before = fleet.mocks[0]!.engine.pid!;
      const signalled = Date.now();
      process.kill(before, signal);

      const meanwhile = await Promise.all(vendors.map((vendor) => read(fleet, vendor)));
      for (const [index, vendor] of vendors.entries()) {
        const reply = meanwhile[index]!;
        expect(reply.status, `${vendor}: ${reply.text}`).toBe(503);
        expect(reply.headers['retry-after']).toBe('1');
        expect(envelopeIssues(vendor, reply.body)).toBe('');
      }

      // Every reply until recovery is a 503 or the 200: a reset would reject send() and fail the test.
      const recovered = await Promise.all(
        vendors.map(async (vendor) => {
          for (;;) {
            const reply = await read(fleet, vendor);
            if (reply.status === 200) return Date.now() - signalled;
            expect(reply.status, `${vendor}: ${reply.text}`).toBe(503);
            if (Date.now() - signalled > 3 * recoveryMs) return Number.POSITIVE_INFINITY;
            await sleep(50);
          }
        }),
      );
      expect(Math.max(...recovered)).toBeLessThan(recoveryMs);
      const after = new Set(fleet.mocks.map((mock) => mock.engine.pid));
      expect(after.size).toBe(1);
      expect(after.has(before)).toBe(false);
      for (const vendor of vendors) {
        expect(events).toContainEqual(expect.stringMatching(new RegExp(`^${vendor} ${event(before)}`)));
        expect(events).toContainEqual(expect.stringMatching(new RegExp(`^${vendor} mock: Prism engine restarted`)));
      }
    },
    30_000,
  );
});

describe('a request the engine does not answer in time', () => {
  const engineTimeoutMs = 500;
  let fleet: MockFleet;
  const events: string[] = [];
  beforeAll(async () => {
    fleet = await startMocks({
      vendors: ['fabro'],
      ports: await freePorts(['fabro']),
      limits: { engineTimeoutMs },
      onLog: (_vendor, line) => line.startsWith('mock') && events.push(line),
    });
  }, 60_000);
  afterAll(async () => fleet?.stop());

  it('gets a 504 in the envelope, and the engine is replaced', async () => {
    const before = fleet.mocks[0]!.engine.pid!;
    // Stopped: it answers nothing, and the request gives up before the heartbeat watchdog would.
    process.kill(before, 'SIGSTOP');
    const timedOut = await read(fleet, 'fabro');
    expect(timedOut.status, timedOut.text).toBe(504);
    expect(envelopeIssues('fabro', timedOut.body)).toBe('');

    let status = 0;
    for (const started = Date.now(); status !== 200 && Date.now() - started < 15_000; await sleep(50)) {
      status = (await read(fleet, 'fabro')).status;
    }
    expect(status).toBe(200);
    expect(fleet.mocks[0]!.engine.pid).not.toBe(before);
    expect(events).toContainEqual(expect.stringMatching(`Prism engine \\(pid ${before}\\) did not answer`));
  }, 30_000);
});
