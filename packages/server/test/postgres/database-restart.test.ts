/**
 * The database goes away in the middle of the load (four streams per vendor on each of two
 * replicas), first with a clean shutdown, then with a crash (`pg_ctl stop -m immediate`, recovery
 * from the WAL on start). While it is down every vendor answers 503 in its own envelope with
 * Retry-After, never a hang or another 5xx; when it is back the replicas' pools reconnect by
 * themselves and writes are acknowledged again; nothing acknowledged is lost.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { startPostgresCluster, type PostgresCluster } from '@envspec/testkit';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { storedVersions } from './replica-traffic.ts';
import { expectAcknowledgedWritesKept } from './expect-writes-kept.ts';
import { WriteStreams } from './write-streams.ts';

const streamsPerVendor = 4;
let cluster: PostgresCluster;
let replicas: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  replicas = await Promise.all(
    [0, 1].map(() => startServer(vendors, ['--store', cluster.url, '--log-level', 'fatal'])),
  );
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await cluster?.destroy();
});

it('database restart mid-load, clean and crashed: 503s in the envelope, then recovery; nothing acknowledged lost', async () => {
  const before = await storedVersions(cluster.url);
  const streams = new WriteStreams({ replicas, vendors, streamsPerVendor, endOnNoReply: false });
  const everywhere = (check: (replica: number, vendor: (typeof vendors)[number]) => boolean) =>
    replicas.every((_, r) => vendors.every((vendor) => check(r, vendor)));
  const outages: Array<{ mode: string; unavailable: number; acknowledgedAfter: number }> = [];
  streams.start('restart-');
  for (const mode of ['fast', 'immediate'] as const) {
    const acknowledgedBefore = streams.acknowledgedCount();
    await streams.until(() => streams.acknowledgedCount() >= acknowledgedBefore + 40);
    await cluster.stop(mode);
    const unavailableAt = streams.tallies.map((tally) => vendors.map((vendor) => tally.count(vendor, '503')));
    // Down: every vendor on every replica answers 503 (the rest of the answers are counted by cause below).
    await streams.until(() =>
      everywhere((r, vendor) => streams.tallies[r]!.count(vendor, '503') > unavailableAt[r]![vendors.indexOf(vendor)]!),
    );
    await cluster.start();
    const acknowledgedAt = streams.tallies.map((_, r) => vendors.map((vendor) => streams.acknowledgedCount(r, vendor)));
    // Back: every vendor on every replica acknowledges writes again, with no restart of the replicas.
    await streams.until(() =>
      everywhere(
        (r, vendor) => streams.acknowledgedCount(r, vendor) >= acknowledgedAt[r]![vendors.indexOf(vendor)]! + 3,
      ),
    );
    outages.push({
      mode,
      unavailable: streams.tallies.reduce(
        (sum, tally, r) =>
          sum + vendors.reduce((n, vendor, v) => n + tally.count(vendor, '503') - unavailableAt[r]![v]!, 0),
        0,
      ),
      acknowledgedAfter: streams.acknowledgedCount() - acknowledgedAt.flat().reduce((a, b) => a + b, 0),
    });
  }
  await streams.stop();

  const causes = streams.tallies.map((tally) => tally.byCause());
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    console.log(
      `database restart: ${JSON.stringify({ outages, causes, acknowledged: Object.fromEntries([...streams.acknowledged].map(([vendor, marks]) => [vendor, marks.length])), uncertain: Object.fromEntries(streams.uncertain) })}`,
    );
  // Every answer was a 200, a Fabro 409, or a well-formed 503: no other status, no hang, no dropped connection.
  for (const [r, tally] of streams.tallies.entries())
    expect(
      Object.keys(causes[r]!).filter((cause) => !['200', '409', '503'].includes(cause)),
      tally.unexpected.join('\n'),
    ).toEqual([]);

  await expectAcknowledgedWritesKept({ databaseUrl: cluster.url, before, streams, readFrom: replicas });
}, 120_000);
