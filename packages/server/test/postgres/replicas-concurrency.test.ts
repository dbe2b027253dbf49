/**
 * Two replicas (two `envspec-server --store postgres://…` processes on their own ports) share one
 * real PostgreSQL; 50 concurrent writers per replica and vendor (100 per vendor) write at once.
 * No update is lost across replicas: Fabro answers exactly one 200 per revision, every
 * acknowledged LaunchDarkly tag and Qoder metadata key is there, Datadog's partial updates never
 * bring back an older attribute, and the version column grew by exactly one per acknowledged write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { startPostgresCluster, type PostgresCluster } from '@envspec/testkit';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { hasMark, send, storedVersions, Tally, writeMark, type Fixture, type WriteResult } from './replica-traffic.ts';

const writersPerReplica = 50;
let cluster: PostgresCluster;
let replicas: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  // Started together: both migrate and seed at once, which must neither fail nor clobber.
  replicas = await Promise.all([0, 1].map(() => startServer(vendors, ['--store', cluster.url, '--log-level', 'warn'])));
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await cluster?.destroy();
});

/** `writersPerReplica` writers on each replica, all started at once; `write` gets the replica's URL and a writer name. */
function everyWriter<R>(vendor: Vendor, write: (url: string, writer: string) => Promise<R>): Promise<R[]> {
  return Promise.all(
    replicas.flatMap((replica, r) =>
      Array.from({ length: writersPerReplica }, (_, w) => write(replica.url(vendor), `r${r}w${w}`)),
    ),
  );
}

/** The fixture as each replica serves it now. */
async function fromEachReplica(vendor: Vendor): Promise<[Fixture, ...Fixture[]]> {
  const tally = new Tally();
  const replies = await Promise.all(replicas.map((replica) => send(tally, replica.url(vendor), vendor, 'GET')));
  expect(tally.byCause()).toEqual({ 200: replicas.length });
  return replies.map((reply) => reply!.body) as [Fixture, ...Fixture[]];
}

const total = writersPerReplica * 2;
const writesPerDatadogWriter = 5;

describe(`2 replicas × ${writersPerReplica} concurrent writers per vendor on one PostgreSQL`, () => {
  it('qoder: every writer merges its own metadata key; every key is on both replicas', async () => {
    const before = await storedVersions(cluster.url);
    const tally = new Tally();
    const marks: string[] = [];
    const results = await everyWriter('qoder', (url, writer) => {
      marks.push(writer);
      return writeMark(tally, url, 'qoder', writer);
    });
    expect(tally.toJSON(), tally.unexpected.join('\n')).toEqual({ 'qoder 200': total });
    expect(results.every((result) => result.acknowledged)).toBe(true);
    for (const document of await fromEachReplica('qoder'))
      expect(marks.filter((mark) => !hasMark('qoder', document, mark))).toEqual([]);
    expect((await storedVersions(cluster.url)).qoder - before.qoder).toBe(total);
  });

  it('fabro: read-modify-write with If-Match: exactly one 200 per revision, every label on both replicas', async () => {
    const before = await storedVersions(cluster.url);
    const initial = (await fromEachReplica('fabro'))[0].revision as string;
    const tally = new Tally();
    const marks: string[] = [];
    const results: WriteResult[] = await everyWriter('fabro', (url, writer) => {
      marks.push(writer);
      return writeMark(tally, url, 'fabro', writer);
    });
    expect(results.filter((result) => !result.acknowledged)).toEqual([]);
    expect(Object.keys(tally.byCause()).sort()).toEqual(['200', '409']);
    const puts = results.flatMap((result) => result.attempts);
    if (process.env.ENVSPEC_RELIABILITY_REPORT)
      console.log(`replicas fabro read-modify-write: ${puts.length} PUTs, ${JSON.stringify(tally.toJSON())}`);
    const won = puts.filter((put) => put.reply?.status === 200);
    expect(won).toHaveLength(total);
    // A revision is replaced once: no two acknowledged writes were based on the same one ...
    const basedOn = won.map((put) => put.ifMatch!.replaceAll('"', ''));
    expect(new Set(basedOn).size).toBe(total);
    // ... and together they form one chain from the initial revision to the current one.
    const produced = won.map((put) => put.reply!.body.revision as string);
    const [current] = await fromEachReplica('fabro');
    expect(new Set(basedOn)).toEqual(
      new Set([initial, ...produced.filter((revision) => revision !== current.revision)]),
    );
    expect(produced).toContain(current.revision);
    for (const document of await fromEachReplica('fabro'))
      expect(marks.filter((mark) => !hasMark('fabro', document, mark))).toEqual([]);
    expect((await storedVersions(cluster.url)).fabro - before.fabro).toBe(total);
  }, 180_000);

  it('fabro: every writer racing with the same If-Match: exactly one 200, the rest 409', async () => {
    const [current] = await fromEachReplica('fabro');
    const { id: _id, revision, ...definition } = current;
    const tally = new Tally();
    const replies = await everyWriter('fabro', (url, writer) =>
      send(tally, url, 'fabro', 'PUT', {
        headers: { 'if-match': `"${revision}"` },
        body: { ...definition, labels: { race: writer } },
      }),
    );
    expect(tally.toJSON(), tally.unexpected.join('\n')).toEqual({ 'fabro 200': 1, 'fabro 409': total - 1 });
    const winner = replies.find((reply) => reply?.status === 200)!;
    for (const document of await fromEachReplica('fabro')) expect(document).toEqual(winner.body);
  });

  it('launchdarkly: every appended tag is on both replicas; of 16 guarded renames exactly one wins', async () => {
    const before = await storedVersions(cluster.url);
    const [initial] = await fromEachReplica('launchdarkly');
    const tally = new Tally();
    const renames = new Tally();
    const marks: string[] = [];
    const [appended, renamed] = await Promise.all([
      everyWriter('launchdarkly', (url, writer) => {
        marks.push(writer);
        return writeMark(tally, url, 'launchdarkly', writer);
      }),
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          send(renames, replicas[i % 2]!.url('launchdarkly'), 'launchdarkly', 'PATCH', {
            body: [
              { op: 'test', path: '/name', value: initial.name },
              { op: 'replace', path: '/name', value: `renamed-${i}` },
            ],
          }),
        ),
      ),
    ]);
    expect(tally.toJSON(), tally.unexpected.join('\n')).toEqual({ 'launchdarkly 200': total });
    expect(appended.every((result) => result.acknowledged)).toBe(true);
    expect(renames.toJSON()).toEqual({ 'launchdarkly 200': 1, 'launchdarkly 409': 15 });
    const winner = renamed.find((reply) => reply?.status === 200)!.body.name;
    for (const document of await fromEachReplica('launchdarkly')) {
      expect(marks.filter((mark) => !hasMark('launchdarkly', document, mark))).toEqual([]);
      expect(document.tags).toHaveLength(initial.tags!.length + total);
      expect(document.name).toBe(winner);
    }
    expect((await storedVersions(cluster.url)).launchdarkly - before.launchdarkly).toBe(total + 1);
  });

  it('datadog: partial updates of two attributes never bring back a value its own writer had replaced', async () => {
    const before = await storedVersions(cluster.url);
    const [initial] = await fromEachReplica('datadog');
    const tally = new Tally();
    // Even writers set only `name`, odd ones only `queries`, five times each, one write after another.
    // `clock` orders the test's own events (a send, an acknowledgement); it measures no time.
    let clock = 0;
    const acknowledgedAt = new Map<string, number>();
    const seen: Array<{ sentAt: number; attributes: { name: string; queries: string[] } }> = [];
    await everyWriter('datadog', async (url, writer) => {
      const attribute = Number(writer.slice(writer.indexOf('w') + 1)) % 2 === 0 ? 'name' : 'queries';
      for (let k = 0; k < writesPerDatadogWriter; k += 1) {
        const mark = `${writer}k${k}`;
        const sentAt = ++clock;
        const reply = await send(tally, url, 'datadog', 'PUT', {
          body: {
            data: { type: 'environments', attributes: attribute === 'name' ? { name: mark } : { queries: [mark] } },
          },
        });
        if (reply?.status !== 200) return;
        acknowledgedAt.set(mark, ++clock);
        seen.push({ sentAt, attributes: reply.body.data!.attributes });
      }
    });
    expect(tally.toJSON(), tally.unexpected.join('\n')).toEqual({ 'datadog 200': total * writesPerDatadogWriter });
    /** Whether `value` (a mark) was replaced by a later write of its writer acknowledged before `moment`. */
    const supersededBefore = (value: string, moment: number) => {
      const [, writer, k] = /^(.+)k(\d+)$/.exec(value) ?? [];
      if (writer === undefined) return [...acknowledgedAt.values()].some((at) => at < moment); // the fixture's value
      return Array.from(
        { length: writesPerDatadogWriter - Number(k) - 1 },
        (_, i) => `${writer}k${Number(k) + i + 1}`,
      ).some((later) => (acknowledgedAt.get(later) ?? Number.POSITIVE_INFINITY) < moment);
    };
    // Every answer shows, for the attribute it did not write, a value no acknowledged write had replaced yet.
    const stale = seen.flatMap(({ sentAt, attributes }) =>
      [attributes.name, attributes.queries[0]!].filter(
        (value) => value !== undefined && supersededBefore(value, sentAt),
      ),
    );
    expect(stale).toEqual([]);
    const documents = await fromEachReplica('datadog');
    expect(documents[1]).toEqual(documents[0]);
    const { name, queries } = documents[0].data!.attributes;
    for (const value of [name, queries[0]!]) {
      expect(value).not.toBe(initial.data!.attributes.name);
      expect(value).not.toBe(initial.data!.attributes.queries[0]);
      expect(supersededBefore(value, Number.POSITIVE_INFINITY)).toBe(false);
    }
    expect((await storedVersions(cluster.url)).datadog - before.datadog).toBe(total * writesPerDatadogWriter);
  });
});
