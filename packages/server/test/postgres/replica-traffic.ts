/**
 * What the PostgreSQL tests send to the replicas and how they count the answers: one logical write
 * per vendor that leaves a mark a later GET can find (a Qoder metadata key, a Fabro label, a
 * LaunchDarkly tag; Datadog replaces whole attributes, so its mark is the attribute's value), and
 * every answer classified by cause so a test can say exactly what failed and why.
 */
import pg from 'pg';
import { bundleOf, type Vendor } from '@envspec/specs';
import { vendorCore } from '@envspec/vendors';
import { envelopeProblems, leakPattern, profiles } from '../reliability/profiles.ts';
import type { RawReply } from '../support/raw-http.ts';

/** The fixtures as these tests read them: the fields the marks live in, whichever vendor's. */
export interface Fixture {
  id?: string;
  revision?: string;
  name?: string;
  metadata?: Record<string, string>;
  labels?: Record<string, string>;
  tags?: string[];
  data?: { attributes: { name: string; queries: string[] } };
}

/** An answer whose body, when it is a fixture, reads as one. */
export type FixtureReply = RawReply<Fixture>;

export const profileOf = (vendor: Vendor) => profiles.find((profile) => profile.vendor === vendor)!;

export type Cause =
  | '200'
  | '409'
  /** 503 in the vendor's envelope with Retry-After and nothing internal in it: the store was unavailable. */
  | '503'
  /** A 5xx or 503 that breaks the rules above, or any other status. */
  | 'unexpected answer'
  /** The connection was refused or cut (a killed replica). */
  | 'connection failed'
  /** No answer within the deadline: a hang. */
  | 'no answer';

const answerDeadlineMs = 15_000;
const leaks = leakPattern();

/** Counts of every answer (and every request that got none) by vendor and cause. */
export class Tally {
  readonly counts = new Map<string, number>();
  /** The first few unexpected answers, to say what they were. */
  readonly unexpected: string[] = [];

  add(vendor: Vendor, cause: Cause, detail?: string): void {
    const key = `${vendor} ${cause}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (cause === 'unexpected answer' && detail && this.unexpected.length < 5) this.unexpected.push(detail);
  }

  count(vendor: Vendor, cause: Cause): number {
    return this.counts.get(`${vendor} ${cause}`) ?? 0;
  }

  /** Total per cause over all vendors. */
  byCause(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const [key, count] of this.counts) {
      const cause = key.slice(key.indexOf(' ') + 1);
      totals[cause] = (totals[cause] ?? 0) + count;
    }
    return totals;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

function classify(vendor: Vendor, reply: RawReply): { cause: Cause; detail?: string } {
  if (reply.status === 200 || reply.status === 409) return { cause: String(reply.status) as Cause };
  const problems = reply.status === 503 ? envelopeProblems(profileOf(vendor), reply) : [];
  if (reply.status === 503 && !reply.headers['retry-after']) problems.push('no Retry-After');
  if (reply.status === 503 && leaks.test(reply.text)) problems.push('internals in the body');
  if (reply.status === 503 && problems.length === 0) return { cause: '503' };
  return {
    cause: 'unexpected answer',
    detail: `${vendor} ${reply.status} ${problems.join(', ')} ${reply.text.slice(0, 300)}`,
  };
}

/**
 * One request; the answer is tallied by cause. Resolves to the reply, or undefined when there was
 * none (refused, cut, or past the deadline).
 */
export async function send(
  tally: Tally,
  url: string,
  vendor: Vendor,
  method: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<FixtureReply | undefined> {
  const profile = profileOf(vendor);
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${url}${profile.fixturePath}`, {
      method,
      headers: {
        ...profile.credentialHeaders(profile.secret),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(answerDeadlineMs),
    });
    text = await response.text();
  } catch (error) {
    tally.add(vendor, (error as Error).name === 'TimeoutError' ? 'no answer' : 'connection failed');
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const reply: FixtureReply = {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text,
    body: parsed as Fixture,
    ms: performance.now() - started,
  };
  const { cause, detail } = classify(vendor, reply);
  tally.add(vendor, cause, detail);
  return reply;
}

/** What one logical write did: each PUT/PATCH sent (Fabro: with the If-Match it carried) and how it ended. */
export interface WriteResult {
  acknowledged: boolean;
  /** The write itself got no answer or a 503: it may or may not have committed. */
  uncertain: boolean;
  /** Some request of it got no reply at all (refused, cut, or too late). */
  noReply: boolean;
  attempts: Array<{ ifMatch?: string; reply?: FixtureReply }>;
}

const fabroConflictAttempts = 400;

function ended(attempts: WriteResult['attempts'], noReply = false): WriteResult {
  const last = attempts.at(-1);
  const uncertain = last !== undefined && (last.reply === undefined || last.reply.status === 503);
  return {
    acknowledged: last?.reply?.status === 200,
    uncertain,
    noReply: noReply || (last !== undefined && last.reply === undefined),
    attempts,
  };
}

/**
 * One write leaving `mark`. Fabro reads, adds the label and replaces with If-Match, re-reading
 * after each 409 (a client's optimistic loop); any other failure ends the write unacknowledged.
 */
export async function writeMark(tally: Tally, url: string, vendor: Vendor, mark: string): Promise<WriteResult> {
  const once = async (method: string, body: unknown): Promise<WriteResult> => {
    const reply = await send(tally, url, vendor, method, { body });
    return ended([reply ? { reply } : {}]);
  };
  switch (vendor) {
    case 'qoder':
      return once('PUT', { metadata: { [mark]: 'v' } });
    case 'launchdarkly':
      return once('PATCH', [{ op: 'add', path: '/tags/-', value: mark }]);
    case 'datadog':
      return once('PUT', { data: { type: 'environments', attributes: datadogAttributes(mark) } });
    case 'fabro': {
      const attempts: WriteResult['attempts'] = [];
      for (let attempt = 1; attempt <= fabroConflictAttempts; attempt += 1) {
        const current = await send(tally, url, vendor, 'GET');
        if (current?.status !== 200) return ended(attempts, current === undefined);
        const { id: _id, revision: _revision, ...definition } = current.body;
        const ifMatch = String(current.headers.etag);
        const reply = await send(tally, url, vendor, 'PUT', {
          headers: { 'if-match': ifMatch },
          body: { ...definition, labels: { ...definition.labels, [mark]: 'x' } },
        });
        attempts.push({ ifMatch, ...(reply ? { reply } : {}) });
        if (reply?.status !== 409) return ended(attempts);
        // Spread contending writers out a little, at random: a client's back-off, not a timing check.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 8)));
      }
      throw new Error(`fabro write '${mark}' lost ${fabroConflictAttempts} races in a row`);
    }
  }
}

/**
 * Datadog marks: even-numbered writes set only `name`, odd ones only `queries`, so a
 * read-modify-write on stale state would bring back an older value of the attribute it did not send.
 */
export function datadogAttributes(mark: string): Record<string, unknown> {
  return Number(/(\d+)$/.exec(mark)?.[1] ?? 0) % 2 === 0 ? { name: mark } : { queries: [mark] };
}

/** Whether a GET of the fixture shows `mark` (Datadog: as the current name or query). */
export function hasMark(vendor: Vendor, document: Fixture | undefined, mark: string): boolean {
  switch (vendor) {
    case 'qoder':
      return document?.metadata?.[mark] === 'v';
    case 'fabro':
      return document?.labels?.[mark] === 'x';
    case 'launchdarkly':
      return document?.tags?.includes(mark) === true;
    case 'datadog':
      return document?.data?.attributes.name === mark || document?.data?.attributes.queries[0] === mark;
  }
}

/** The fixture's store key, as the vendor core seeds it. */
export function fixtureKey(vendor: Vendor): string {
  return vendorCore(vendor).fixtures(bundleOf(vendor))[0]![0];
}

/** The fixture's version column, read straight from the database: one more per committed write. */
export async function storedVersions(url: string): Promise<Record<Vendor, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const versions = {} as Record<Vendor, number>;
    for (const vendor of profiles.map((profile) => profile.vendor)) {
      const { rows } = await client.query<{ version: string }>(
        'SELECT version FROM envspec_documents WHERE namespace = $1 AND key = $2',
        [vendor, fixtureKey(vendor)],
      );
      versions[vendor] = Number(rows[0]?.version ?? 0);
    }
    return versions;
  } finally {
    await client.end();
  }
}
