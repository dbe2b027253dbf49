/**
 * The check both failure tests end with: every write a replica acknowledged is in the state every
 * given replica now serves, committed exactly once, and no two acknowledged Fabro writes were
 * based on the same revision.
 */
import { expect } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import type { ServerProcess } from '../support/server-process.ts';
import { hasMark, send, storedVersions, Tally } from './replica-traffic.ts';
import type { WriteStreams } from './write-streams.ts';

export async function expectAcknowledgedWritesKept({
  databaseUrl,
  before,
  streams,
  readFrom,
}: {
  databaseUrl: string;
  /** The stored versions per vendor before the streams started (`storedVersions`). */
  before: Record<Vendor, number>;
  streams: WriteStreams;
  /** The replicas whose GETs must show every acknowledged write. */
  readFrom: readonly ServerProcess[];
}): Promise<void> {
  const after = await storedVersions(databaseUrl);
  const reads = new Tally();
  for (const replica of readFrom) {
    for (const vendor of vendors) {
      const reply = await send(reads, replica.url(vendor), vendor, 'GET');
      const acknowledged = streams.acknowledged.get(vendor)!;
      // Datadog's marks replace one another; its check is the version count below.
      if (vendor !== 'datadog') expect(acknowledged.filter((mark) => !hasMark(vendor, reply?.body, mark))).toEqual([]);
      // Each acknowledged write committed once; a write cut off or answered 503 may have committed as well.
      const committed = after[vendor] - before[vendor];
      expect(committed).toBeGreaterThanOrEqual(acknowledged.length);
      expect(committed).toBeLessThanOrEqual(acknowledged.length + streams.uncertain.get(vendor)!);
    }
  }
  expect(reads.byCause()).toEqual({ 200: readFrom.length * vendors.length });
  const basedOn = streams.fabroWrites
    .filter((write) => write.acknowledged)
    .map((write) => write.attempts.at(-1)!.ifMatch);
  expect(new Set(basedOn).size).toBe(basedOn.length);
}
