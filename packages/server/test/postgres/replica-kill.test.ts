/**
 * SIGKILL of one of two replicas in the middle of a stream of writes (four streams per vendor on
 * each replica): the other replica keeps serving, nothing it or the killed one acknowledged is
 * lost, and a replica started afterwards (seeding the fixtures again) serves that same state.
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
const replicas: ServerProcess[] = [];
const start = async () => {
  const replica = await startServer(vendors, ['--store', cluster.url, '--log-level', 'warn']);
  replicas.push(replica);
  return replica;
};

beforeAll(async () => {
  cluster = await startPostgresCluster();
  await Promise.all([start(), start()]);
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await cluster?.destroy();
});

it('SIGKILL of one replica mid-stream: the other keeps serving, every acknowledged write is kept', async () => {
  const [doomed, survivor] = [replicas[0]!, replicas[1]!];
  const before = await storedVersions(cluster.url);
  const streams = new WriteStreams({ replicas: [doomed, survivor], vendors, streamsPerVendor, endOnNoReply: true });
  streams.start('kill-');
  // Somewhere in the stream, not at a fixed point.
  const killAfter = 60 + Math.floor(Math.random() * 40);
  await streams.until(() => streams.acknowledgedCount(0) >= killAfter);
  doomed.child.kill('SIGKILL');
  await doomed.exited;
  const survivorAtKill = Object.fromEntries(vendors.map((vendor) => [vendor, streams.acknowledgedCount(1, vendor)]));
  // The survivor keeps acknowledging writes for every vendor after the kill.
  await streams.until(() =>
    vendors.every((vendor) => streams.acknowledgedCount(1, vendor) >= survivorAtKill[vendor]! + 10),
  );
  await streams.stop();

  expect(doomed.child.signalCode).toBe('SIGKILL');
  const [killedCauses, survivorCauses] = streams.tallies.map((tally) => tally.byCause());
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    console.log(
      `replica kill: ${JSON.stringify({ killAfter, killed: killedCauses, survivor: survivorCauses, acknowledged: Object.fromEntries(streams.acknowledged), uncertain: Object.fromEntries(streams.uncertain) }, (key, value) => (Array.isArray(value) && key !== '' ? value.length : value))}`,
    );
  // The survivor answered everything: 200, or 409 for a Fabro writer that lost a race.
  expect(Object.keys(survivorCauses!).filter((cause) => cause !== '200' && cause !== '409')).toEqual([]);
  // Every stream on the killed replica ended on a refused or cut connection; none hung, none got a bad answer.
  expect(killedCauses!['connection failed']).toBe(vendors.length * streamsPerVendor);
  expect(Object.keys(killedCauses!).filter((cause) => !['200', '409', 'connection failed'].includes(cause))).toEqual(
    [],
  );

  const late = await start();
  await expectAcknowledgedWritesKept({ databaseUrl: cluster.url, before, streams, readFrom: [survivor, late] });
}, 120_000);
