/**
 * `pnpm --filter @envspec/server soak -- --seconds 60`: starts the reference-server CLI as a child
 * process on free loopback ports, drives it with the soak test's load for as long as asked,
 * samples the child's resident memory from /proc, and prints a results table (`--json`: one JSON
 * document instead, which `pnpm bench` reads). Exits 1 if any answer was a 5xx, an undocumented
 * status or a transport failure, if an acknowledged write is missing afterwards, or if memory kept growing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import { formatTable } from '../src/table.ts';
import { expectedStatuses, lostWrites, percentile, runLoad, unexpectedAnswers } from './load-generator.ts';

const usage = `Usage: pnpm --filter @envspec/server soak -- [--seconds N] [--concurrency N] [--write-ratio R] [--data-dir DIR] [--json]

  --seconds      how long to load the servers (default 60)
  --concurrency  kept-alive connections, spread over the four vendors (default 50)
  --write-ratio  share of requests that write, 0..1 (default 0.3)
  --data-dir     keep the servers' state in files under DIR (default in memory)
  --json         print one JSON document with the figures instead of the tables`;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      seconds: { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '50' },
      'write-ratio': { type: 'string', default: '0.3' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const writeRatio = Number(values['write-ratio']);
  if (!(seconds > 0) || !Number.isInteger(concurrency) || concurrency < 1 || !(writeRatio >= 0 && writeRatio <= 1)) {
    console.error(usage);
    process.exit(2);
  }
  return { seconds, concurrency, writeRatio, dataDir: values['data-dir'], json: values.json };
}

/** Starts the CLI on free ports and resolves with its process and the URL of each vendor. */
async function startChild(dataDir: string | undefined) {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const args = [
    '--import',
    'tsx',
    cli,
    ...allVendors.flatMap((vendor) => ['--port', `${vendor}=0`]),
    '--log-level',
    'silent',
    ...(dataDir ? ['--data-dir', dataDir] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const targets = await new Promise<Array<{ vendor: Vendor; url: string }>>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready:\n${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = [...out.matchAll(/^(\w+)\s+(http:\/\/\S+)/gm)]
        .filter(([, vendor]) => isVendor(vendor ?? ''))
        .map(([, vendor, url]) => ({ vendor: vendor as Vendor, url: url! }));
      if (found.length === allVendors.length) resolve(found);
    });
  });
  return { child, targets };
}

/** Resident memory of a process in MiB, from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

const { seconds, concurrency, writeRatio, dataDir, json } = options();
// With --json, stdout carries only the JSON document; the progress line goes to stderr.
const log = json ? (line: string) => console.error(line) : (line: string) => console.log(line);
const { child, targets } = await startChild(dataDir);
const pid = child.pid!;
try {
  log(
    `Loading ${targets.length} reference servers (pid ${pid}) with ${concurrency} connections for ${seconds} s, ${Math.round(writeRatio * 100)}% writes${dataDir ? `, state in ${dataDir}` : ''}…`,
  );
  await runLoad({ targets, durationMs: 2_000, concurrency, writeRatio });
  const samples: Array<[number, number]> = [];
  const result = await runLoad({
    targets,
    durationMs: seconds * 1000,
    concurrency,
    writeRatio,
    // At least 20 samples, so a short run still has every quarter.
    sampleEveryMs: Math.min(1000, (seconds * 1000) / 20),
    onSample: (elapsed) => {
      const rss = rssMb(pid);
      if (rss !== undefined) samples.push([elapsed, rss]);
    },
  });
  const lost = await lostWrites(targets, result);

  const unexpected = unexpectedAnswers(result);
  const quarter = (from: number, to: number) => {
    const window = samples
      .filter(([elapsed]) => elapsed >= from * result.durationMs && elapsed < to * result.durationMs)
      .map(([, rss]) => rss);
    return window.length ? window.reduce((sum, rss) => sum + rss, 0) / window.length : Number.NaN;
  };
  const [q1, q2, q3, q4] = [quarter(0, 0.25), quarter(0.25, 0.5), quarter(0.5, 0.75), quarter(0.75, 1.01)];
  const peak = Math.max(...samples.map(([, rss]) => rss));
  const bad = Object.entries(unexpected).filter(
    ([, found]) => Object.keys(found.statuses).length > 0 || found.failures > 0,
  );
  const lostAny = Object.entries(lost).filter(([, writes]) => writes.length > 0);
  const fiveHundreds = Object.values(result.vendors).reduce(
    (sum, stats) =>
      sum +
      Object.entries(stats.statuses)
        .filter(([status]) => Number(status) >= 500)
        .reduce((s, [, n]) => s + n, 0),
    0,
  );
  // Growth that keeps going: the last quarter well above the second, once the heap has settled.
  const growing = q4 > q2 * 1.25 + 10;
  process.exitCode = bad.length > 0 || lostAny.length > 0 || growing ? 1 : 0;

  const latencies = Object.values(result.vendors).flatMap((stats) => stats.latenciesMs);
  if (json) {
    console.log(
      JSON.stringify({
        seconds,
        concurrency,
        writeRatio,
        requests: result.requests,
        durationMs: result.durationMs,
        requestsPerSecond: result.requests / (result.durationMs / 1000),
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        statuses: Object.fromEntries(Object.entries(result.vendors).map(([vendor, stats]) => [vendor, stats.statuses])),
        unexpected: Object.fromEntries(bad),
        lostWrites: Object.fromEntries(lostAny),
        rssMiB: { quarters: [q1, q2, q3, q4], peak },
        growing,
      }),
    );
  } else {
    const rows = Object.entries(result.vendors).map(([vendor, stats]) => [
      vendor,
      String(stats.requests),
      String(Math.round(stats.requests / (result.durationMs / 1000))),
      Object.entries(stats.statuses)
        .map(([status, count]) => `${status}×${count}`)
        .join(' '),
      expectedStatuses(vendor as Vendor).join('/'),
      String(stats.failures),
      percentile(stats.latenciesMs, 50).toFixed(1),
      percentile(stats.latenciesMs, 99).toFixed(1),
      percentile(stats.latenciesMs, 100).toFixed(1),
    ]);
    console.log(
      `\n${formatTable(['vendor', 'requests', 'req/s', 'statuses', 'expected', 'failures', 'p50 ms', 'p99 ms', 'max ms'], rows)}\n`,
    );
    console.log(
      formatTable(
        ['server RSS (MiB, mean)', '1st quarter', '2nd quarter', '3rd quarter', '4th quarter', 'peak'],
        [['', q1.toFixed(1), q2.toFixed(1), q3.toFixed(1), q4.toFixed(1), peak.toFixed(1)]],
      ),
    );
    console.log(
      `\n${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s; 5xx: ${fiveHundreds}; unexpected answers or failures: ${bad.length ? JSON.stringify(Object.fromEntries(bad)) : 'none'}; acknowledged writes lost: ${lostAny.length ? JSON.stringify(Object.fromEntries(lostAny)) : 'none'}; memory: ${growing ? 'STILL GROWING' : 'bounded'} (last quarter ${(q4 - q2).toFixed(1)} MiB from the second)`,
    );
  }
} finally {
  child.kill('SIGTERM');
}
