import { fileURLToPath } from 'node:url';
import { createQoderClient } from '@envspec/client/qoder';
import { startChildServer } from '../process.ts';
import { summarize, type Summary } from '../stats.ts';

export interface ClientBenchOptions {
  /** Calls per side per round. */
  calls: number;
  rounds: number;
  warmupCalls: number;
  log: (line: string) => void;
}

export interface ClientResults {
  calls: number;
  rounds: number;
  /** Microseconds per call, one value per round. */
  rawFetchUs: Summary;
  clientUs: Summary;
  /** clientUs − rawFetchUs, paired round by round. */
  overheadUs: Summary;
  /** clientUs / rawFetchUs − 1, paired round by round (0.05 = 5 %). */
  overheadRatio: Summary;
}

/** Calls per side before the sides swap within a round. */
const batchSize = 50;
const environmentId = 'env_019e3bb39b6774d8878cd0b9d237574b';
const token = 'qoder_pat_demo_write';
const update = { description: 'Environment used for API documentation testing', metadata: { owner: null } };

async function perCallUs(calls: number, call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) await call();
  return Number(process.hrtime.bigint() - started) / 1e3 / calls;
}

/**
 * The Qoder update through `createQoderClient().environments.update` against the same call written
 * by hand with `fetch` (same method, URL, headers and JSON body; status checked, body parsed), one
 * call at a time against a bare `node:http` server in another process. Within each round the two
 * sides alternate in batches of 50 calls, and the overhead is paired round by round.
 */
export async function benchClient(options: ClientBenchOptions): Promise<ClientResults> {
  const server = await startChildServer(fileURLToPath(new URL('./serve-fixed.ts', import.meta.url)), [], {
    name: 'client-fixed-server',
  });
  try {
    const url = `${server.url}/api/v1/cloud/environments/${environmentId}`;
    const raw = async () => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(update),
      });
      if (!response.ok) throw new Error(`raw fetch answered ${response.status}`);
      return response.json();
    };
    const qoder = createQoderClient({ baseUrl: server.url, token });
    const client = () => qoder.environments.update(environmentId, update);

    await perCallUs(options.warmupCalls, raw);
    await perCallUs(options.warmupCalls, client);
    const rawRounds: number[] = [];
    const clientRounds: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      // Both sides alternate in small batches within the round, so drift in the machine's load hits both.
      let rawUs = 0;
      let clientUs = 0;
      const batches = Math.max(1, Math.round(options.calls / batchSize));
      for (let batch = 0; batch < batches; batch += 1) {
        if (batch % 2 === 0) {
          rawUs += await perCallUs(batchSize, raw);
          clientUs += await perCallUs(batchSize, client);
        } else {
          clientUs += await perCallUs(batchSize, client);
          rawUs += await perCallUs(batchSize, raw);
        }
      }
      rawRounds.push(rawUs / batches);
      clientRounds.push(clientUs / batches);
      options.log(
        `  client round ${round + 1}: raw fetch ${rawRounds[round]!.toFixed(1)} µs, client ${clientRounds[round]!.toFixed(1)} µs per call`,
      );
    }
    return {
      calls: options.calls,
      rounds: options.rounds,
      rawFetchUs: summarize(rawRounds),
      clientUs: summarize(clientRounds),
      overheadUs: summarize(clientRounds.map((value, i) => value - rawRounds[i]!)),
      overheadRatio: summarize(clientRounds.map((value, i) => value / rawRounds[i]! - 1)),
    };
  } finally {
    await server.stop();
  }
}
