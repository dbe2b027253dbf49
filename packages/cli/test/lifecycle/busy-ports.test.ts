/**
 * Ports already taken: `envspec start` names every busy port and the flag that moves it in one
 * message, exits 1, and leaves nothing running (no child, no port of its own taken).
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, isRunning } from '@envspec/testkit';
import { canListen, freeVendorPorts, portFlags, spawnCli, type VendorPorts } from '../support/cli-process.ts';

const blockers: Server[] = [];
let mockPorts: VendorPorts;
let serverPorts: VendorPorts;

function occupy(port: number): Promise<void> {
  const server = createServer();
  blockers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

beforeAll(async () => {
  mockPorts = await freeVendorPorts();
  serverPorts = await freeVendorPorts();
  await occupy(serverPorts.qoder);
  await occupy(serverPorts.datadog);
});

afterAll(async () => {
  await Promise.all(blockers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('envspec start with busy ports', () => {
  it('lists every busy port with its flag in one message, exits 1 and starts nothing', async () => {
    const cli = spawnCli(['start', ...portFlags('--mock-port', mockPorts), ...portFlags('--server-port', serverPorts)]);
    let tree: number[] = [];
    const watch = setInterval(() => {
      tree = [...new Set([...tree, ...descendantsOf(cli.pid)])];
    }, 20);
    const { code } = await cli.exited;
    clearInterval(watch);
    expect(code).toBe(1);
    const message = cli.stderr();
    expect(message).toMatch(
      /^envspec: 2 ports are not available; stop what listens there, or move each with the flag shown:\n/,
    );
    expect(message).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${serverPorts.qoder} +in use +qoder reference server +--server-port qoder=N`),
    );
    expect(message).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${serverPorts.datadog} +in use +datadog reference server +--server-port datadog=N`),
    );
    expect(message.trimEnd().split('\n')).toHaveLength(3);
    expect(message).not.toMatch(/\n\s+at |EADDRINUSE/);
    expect(cli.stdout()).not.toContain('envspec is running');
    // Nothing it would have started is running or holds a port.
    expect(tree.filter(isRunning)).toEqual([]);
    const others = [...Object.values(mockPorts), serverPorts.fabro, serverPorts.launchdarkly];
    for (const port of others) expect(await canListen(port), `port ${port}`).toBe(true);
  });
});
