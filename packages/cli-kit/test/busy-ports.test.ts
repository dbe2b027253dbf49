import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPorts, type PortClaim, PortsUnavailableError } from '../src/index.ts';

const held: Server[] = [];
const busy: number[] = [];

function listen(port = 0): Promise<number> {
  const server = createServer();
  held.push(server);
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const claim = (port: number, vendor: string): PortClaim => ({
  host: '127.0.0.1',
  port,
  owner: `${vendor} reference server`,
  flag: `--server-port ${vendor}=N`,
});

beforeAll(async () => {
  busy.push(await listen(), await listen());
});

afterAll(async () => {
  await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('checkPorts', () => {
  it('resolves when every claimed port is free (and never checks port 0)', async () => {
    await expect(checkPorts([claim(await freePort(), 'qoder'), claim(0, 'fabro')])).resolves.toBeUndefined();
  });

  it('names every busy port, what would listen there and the flag that moves it, in one error', async () => {
    const free = await freePort();
    const error = await checkPorts([claim(busy[0]!, 'qoder'), claim(free, 'fabro'), claim(busy[1]!, 'datadog')]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PortsUnavailableError);
    const { ports, message } = error as PortsUnavailableError;
    expect(ports.map(({ port }) => port)).toEqual([busy[0], busy[1]]);
    const lines = message.split('\n');
    expect(lines[0]).toBe('2 ports are not available; stop what listens there, or move each with the flag shown:');
    expect(lines[1]).toMatch(
      new RegExp(`^  127\\.0\\.0\\.1:${busy[0]} +in use +qoder reference server +--server-port qoder=N$`),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^  127\\.0\\.0\\.1:${busy[1]} +in use +datadog reference server +--server-port datadog=N$`),
    );
    expect(lines).toHaveLength(3);
    // The check leaves the free port free.
    await expect(checkPorts([claim(free, 'fabro')])).resolves.toBeUndefined();
  });

  it('says so when the host cannot be listened on', async () => {
    await expect(checkPorts([{ ...claim(await freePort(), 'qoder'), host: '203.0.113.7' }])).rejects.toThrow(
      /cannot listen on 203\.0\.113\.7 for the qoder reference server: it is not an address of this machine \(EADDRNOTAVAIL\); pass --host/,
    );
  });
});
