/**
 * A Prism child that stops answering (here: SIGSTOP) must not wedge the mock: the request gets a
 * 504 in the vendor envelope, the child is killed and restarted, and the mock answers again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMocks, type MockFleet } from '../src/index.ts';
import { credentials } from './support/vendor-requests.ts';
import { envelopeIssues, findFreePort, readPath, send } from '@envspec/testkit';

const engineTimeoutMs = 2_000;
let fleet: MockFleet;
const events: string[] = [];
beforeAll(async () => {
  fleet = await startMocks({
    vendors: ['fabro'],
    ports: { fabro: await findFreePort() },
    limits: { engineTimeoutMs },
    onLog: (_vendor, line) => line.startsWith('mock') && events.push(line),
  });
}, 60_000);
afterAll(async () => fleet?.stop());

it('answers 504 for a wedged Prism, replaces it, and answers again', async () => {
  const [mock] = fleet.mocks;
  const wedged = mock!.engine.pid!;
  process.kill(wedged, 'SIGSTOP');
  const timedOut = await send(mock!.url, { path: readPath('fabro'), headers: credentials.fabro });
  expect(timedOut.status).toBe(504);
  expect(envelopeIssues('fabro', timedOut.body)).toBe('');

  let status = 0;
  for (const started = Date.now(); status !== 200 && Date.now() - started < 45_000; ) {
    status = (await send(mock!.url, { path: readPath('fabro'), headers: credentials.fabro })).status;
  }
  expect(status).toBe(200);
  expect(mock!.engine.pid).not.toBe(wedged);
  expect(events).toEqual(
    expect.arrayContaining([
      expect.stringMatching(`Prism \\(pid ${wedged}\\) did not answer`),
      expect.stringMatching(/Prism restarted/),
    ]),
  );
}, 60_000);
