/**
 * The `envspec` program in process: every command answers `--help` with exit 0, every mistake is
 * one line, the usage hint and exit 2, and `start` hands each flag to the mock or the server.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCli } from '@envspec/cli-kit';
import { createStartCommand, type StartSettings } from '../src/commands/start-command.ts';
import { createProgram } from '../src/program.ts';

const commands = ['start', 'mock', 'serve', 'contract', 'review', 'docs', 'diff'];

async function run(program: Command, ...argv: string[]) {
  let out = '';
  let err = '';
  let code: number | undefined;
  const capture = (command: Command) => {
    command.configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
    for (const sub of command.commands) capture(sub);
  };
  capture(program);
  await runCli(program, argv, { exit: (status) => (code = status), writeError: (text) => (err += text) });
  return { out, err, code };
}

describe('envspec', () => {
  it('lists every command in its help', async () => {
    const { out, code } = await run(await createProgram(), '--help');
    expect(code).toBe(0);
    for (const command of commands) expect(out).toMatch(new RegExp(`\\n  ${command} `));
  });

  it('prints its version', async () => {
    const { out, code } = await run(await createProgram(), '--version');
    expect(code).toBe(0);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(commands)('envspec %s --help: its usage, exit 0', async (command) => {
    const { out, code } = await run(await createProgram(), command, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: envspec ${command} `));
  });

  it.each([
    [['bogus'], "error: unknown command 'bogus'"],
    [['strat'], "error: unknown command 'strat'\n(Did you mean start?)"],
    [['start', '--mock-port', 'qoder'], "error: option '--mock-port <vendor=N>' argument 'qoder' is invalid."],
    [['start', '--mode', 'live'], "argument 'live' is invalid. Allowed choices are static, dynamic, stateful."],
    [
      ['start', '--vendor', 'qoder', '--server-port', 'fabro=5021'],
      'error: --server-port fabro=5021: fabro is not selected',
    ],
    [['mock', '--port', 'qoder=70000'], 'a port from 0 to 65535'],
    [['serve', '--rate-limit', 'lots'], "argument 'lots' is invalid. expected REQUESTS/SECONDS"],
    [['contract', '--target', 'staging'], "unknown target 'staging'; expected mock, stateful, server, proxy, url"],
    [['contract', '--url', 'qoder=http://127.0.0.1:3010'], 'error: --url sets the url target: add --target url'],
    [['contract', '--target', 'url', '--url', 'qoder=ftp://x'], 'expected VENDOR=URL with an http(s) URL'],
    [['review', '--root', '/'], 'error: --root / is not an envspec checkout'],
    [['diff', 'only-one.yaml'], "error: missing required argument 'head'"],
  ])('envspec %j: one line, the usage hint, exit 2', async (argv, message) => {
    const { err, code } = await run(await createProgram(), ...argv);
    expect(err).toContain(message);
    expect(err.trimEnd().split('\n').at(-1)).toBe('(run with --help for usage)');
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  });
});

describe('envspec start flags', () => {
  async function settingsOf(...argv: string[]): Promise<StartSettings> {
    const seen: StartSettings[] = [];
    const { code, err } = await run(
      createStartCommand({ start: async (settings) => void seen.push(settings) }),
      ...argv,
    );
    expect(code, err).toBeUndefined();
    return seen[0]!;
  }

  it("--store is the servers', shared with the mock, and --data-dir is --store file:DIR", async () => {
    expect((await settingsOf('--store', 'postgres://db/envspec')).store).toEqual({
      kind: 'postgres',
      url: 'postgres://db/envspec',
    });
    expect((await settingsOf()).store).toBeUndefined();
  });

  it('--mock-port moves a mock, --server-port the reference server, and nothing else moves', async () => {
    const { mock, server } = await settingsOf('--mock-port', 'qoder=5010', '--server-port', 'qoder=5020');
    expect(mock.ports).toEqual({ qoder: 5010 });
    expect(server.ports).toEqual({ qoder: 5020 });
  });

  it('shares --vendor, --host and --cors-origin, and gives each side its own flags', async () => {
    const { mock, server, store } = await settingsOf(
      ...['--vendor', 'fabro', '--host', '0.0.0.0', '--cors-origin', 'https://app.example.com'],
      ...['--mode', 'stateful', '--seed', 's', '--delay', '10', '--error-rate', '0.5', '--error-status', '503'],
      ...['--data-dir', '.data', '--rate-limit', '5/1', '--log-level', 'warn', '--body-limit', '2048'],
    );
    const shared = { vendors: ['fabro'], host: '0.0.0.0', cors: { origins: ['https://app.example.com'] } };
    expect(mock).toEqual({
      ...shared,
      ports: {},
      mode: 'stateful',
      seed: 's',
      delayMs: 10,
      errorRate: 0.5,
      errorStatus: 503,
    });
    expect(server).toEqual({
      ...shared,
      ports: {},
      rateLimit: { limit: 5, windowMs: 1000 },
      logLevel: 'warn',
      limits: {},
      body: { limitBytes: 2048 },
      vendorOptions: {},
    });
    expect(store).toEqual({ kind: 'file', directory: '.data' });
  });
});
