/**
 * `envspec start` as a script, an IDE or CI stops it: each stop signal to the top process ends
 * every process it started (the Prism engine, the servers) and frees every port within 5 s; a
 * SIGKILL of the top process, which it cannot handle, still leaves no child holding a port.
 */
import { describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { readFileSync } from 'node:fs';
import { descendantsOf, isRunning } from '@envspec/testkit';
import { canListen, freeVendorPorts, portFlags, spawnCli, spawnPnpmStart } from '../support/cli-process.ts';

const readyLine = /Press Ctrl-C to stop/;

const commandLineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};
const stopWithinMs = 5_000;

/** `envspec start` on free ports, for every vendor or the ones given (a smaller fleet starts faster). */
async function startFleet(only: readonly Vendor[] = vendors) {
  const mockPorts = await freeVendorPorts();
  const serverPorts = await freeVendorPorts();
  const cli = spawnCli([
    'start',
    ...(only.length < vendors.length ? ['--vendor', only.join(',')] : []),
    ...portFlags('--mock-port', mockPorts, only),
    ...portFlags('--server-port', serverPorts, only),
  ]);
  await cli.waitFor(readyLine);
  const ports = only.flatMap((vendor) => [mockPorts[vendor], serverPorts[vendor]]);
  for (const port of ports) expect(await canListen(port), `port ${port} is taken while running`).toBe(false);
  const tree = descendantsOf(cli.pid);
  expect(tree.length, 'the Prism engine runs as a child').toBeGreaterThan(0);
  return { cli, ports, tree, mockPorts, serverPorts };
}

/** Polls until every port is free and every process of the tree is gone, or `withinMs` passes. */
async function expectAllGone(ports: number[], tree: number[], withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const busy = (await Promise.all(ports.map(async (port) => ((await canListen(port)) ? [] : [port])))).flat();
    const alive = tree.filter(isRunning);
    if (busy.length === 0 && alive.length === 0) return Date.now() - started;
    if (Date.now() - started > withinMs)
      throw new Error(
        `after ${withinMs} ms: ports still taken ${busy.join(', ') || 'none'}; alive ${alive.join(', ') || 'none'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('envspec start stops everything it started', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    '%s: exits 0, every port free and no process of the tree left within 5 s',
    async (signal) => {
      const { cli, ports, tree } = await startFleet();
      const sent = Date.now();
      cli.child.kill(signal);
      const { code } = await cli.exited;
      expect(code).toBe(0);
      await expectAllGone(ports, tree, stopWithinMs - (Date.now() - sent));
      expect(cli.stderr()).toContain(`${signal}: stopping…`);
      expect(cli.stderr()).not.toMatch(/\n\s+at /);
    },
  );

  it('SIGKILL of the top process: its children notice and exit, freeing every port', async () => {
    const { cli, ports, tree } = await startFleet();
    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    await expectAllGone(ports, tree, stopWithinMs);
  });
});

describe('envspec start with moved ports', () => {
  it('--mock-port and --server-port move each vendor, and a Prism engine that dies is reported and restarted', async () => {
    const only = ['qoder', 'fabro'] as const;
    const { cli, ports, tree, mockPorts, serverPorts } = await startFleet(only);
    try {
      for (const vendor of only) {
        expect(cli.stdout()).toContain(`http://127.0.0.1:${mockPorts[vendor]}`);
        expect(cli.stdout()).toContain(`http://127.0.0.1:${serverPorts[vendor]}`);
      }
      const qoderPath = '/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b';
      const headers = { Authorization: 'Bearer qoder_pat_demo_write' };
      for (const port of [mockPorts.qoder, serverPorts.qoder])
        expect((await fetch(`http://127.0.0.1:${port}${qoderPath}`, { headers })).status).toBe(200);

      // An engine killed from outside: the mock says so (answering 503 meanwhile), starts it again and answers again.
      const engine = tree.find((pid) => commandLineOf(pid).includes('prism-host-child.js'));
      expect(engine).toBeDefined();
      process.kill(engine!, 'SIGKILL');
      await cli.waitFor(/Prism engine \(pid \d+\) exited unexpectedly with SIGKILL/, 30_000);
      await cli.waitFor(/Prism engine restarted/, 60_000);
      expect((await fetch(`http://127.0.0.1:${mockPorts.qoder}${qoderPath}`, { headers })).status).toBe(200);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    await expectAllGone(ports, descendantsOf(cli.pid), stopWithinMs);
  });
});

describe("pnpm start (the README's run command) leaves nothing behind", () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s to pnpm: every port free and no process of the tree left',
    async (signal) => {
      const mockPorts = await freeVendorPorts();
      const serverPorts = await freeVendorPorts();
      const only = ['qoder', 'fabro'] as const;
      const pnpm = spawnPnpmStart([
        '--vendor',
        only.join(','),
        ...portFlags('--mock-port', mockPorts, only),
        ...portFlags('--server-port', serverPorts, only),
      ]);
      await pnpm.waitFor(readyLine);
      const tree = descendantsOf(pnpm.pid);
      expect(tree.length, 'the CLI and its Prism engine').toBeGreaterThan(1);
      pnpm.child.kill(signal);
      await pnpm.exited;
      await expectAllGone(
        only.flatMap((vendor) => [mockPorts[vendor], serverPorts[vendor]]),
        tree,
        stopWithinMs,
      );
    },
  );
});
