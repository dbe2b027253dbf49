/** `envspec serve`'s command line, parsed in process: what each flag configures, and how a mistake is refused. */
import { describe, expect, it } from 'vitest';
import { runCli } from '@envspec/cli-kit';
import { createServeCommand, type ServeSettings } from '../../src/command/index.ts';

async function parse(...argv: string[]) {
  const settings: ServeSettings[] = [];
  let err = '';
  let code: number | undefined;
  const command = createServeCommand({ serve: async (parsed) => void settings.push(parsed) });
  command.configureOutput({ writeErr: (text) => (err += text), writeOut: () => undefined });
  await runCli(command, argv, { exit: (status) => (code = status), writeError: (text) => (err += text) });
  return { settings: settings[0], err, code };
}

describe('envspec serve flags', () => {
  it('passes each limit to the option it configures', async () => {
    const { settings } = await parse(
      ...['--headers-timeout', '2000', '--request-timeout', '8000', '--keep-alive-timeout', '1000'],
      ...[
        '--max-header-size',
        '8192',
        '--body-limit',
        '4096',
        '--max-json-depth',
        '10',
        '--max-patch-operations',
        '20',
      ],
    );
    expect(settings?.limits).toEqual({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 8000,
      keepAliveTimeoutMs: 1000,
      maxHeaderBytes: 8192,
    });
    expect(settings?.body).toEqual({ limitBytes: 4096, maxDepth: 10 });
    expect(settings?.vendorOptions).toEqual({ maxPatchOperations: 20 });
  });

  it('defaults: every vendor on its default port, loopback, limits and CORS untouched, info log', async () => {
    const { settings } = await parse();
    expect(settings).toEqual({
      vendors: ['qoder', 'fabro', 'datadog', 'launchdarkly'],
      ports: {},
      host: '127.0.0.1',
      logLevel: 'info',
      limits: {},
      body: {},
      vendorOptions: {},
    });
  });

  it.each<[string[], Partial<ServeSettings>]>([
    [['--vendor', 'qoder', '--vendor', 'fabro'], { vendors: ['qoder', 'fabro'] }],
    [
      ['--vendor', 'qoder,datadog', '--port', 'datadog=5012'],
      { vendors: ['qoder', 'datadog'], ports: { datadog: 5012 } },
    ],
    [['--port', 'qoder=0'], { ports: { qoder: 0 } }],
    [['--host', '0.0.0.0', '--data-dir', '.data'], { host: '0.0.0.0', store: { kind: 'file', directory: '.data' } }],
    [
      ['--rate-limit', '100/60', '--log-level', 'silent'],
      { rateLimit: { limit: 100, windowMs: 60_000 }, logLevel: 'silent' },
    ],
    [
      ['--cors-origin', 'https://app.example.com', '--cors-origin', 'http://localhost:*'],
      { cors: { origins: ['https://app.example.com', 'http://localhost:*'] } },
    ],
    [['--cors-origin', '*'], { cors: { origins: ['*'] } }],
    [['--cors-origin', 'none'], { cors: false }],
  ])('%j', async (argv, want) => {
    const { settings, code } = await parse(...argv);
    expect(code).toBeUndefined();
    expect(settings).toMatchObject(want);
  });

  it.each([
    [
      ['--body-limit', '0'],
      "error: option '--body-limit <bytes>' argument '0' is invalid. expected a whole number from 1",
    ],
    [['--headers-timeout', '10s'], "argument '10s' is invalid. expected a whole number from 1"],
    [
      ['--headers-timeout', '60000'],
      'error: the headers timeout (60000 ms) cannot exceed the request timeout (30000 ms)',
    ],
    [['--cors-origin', 'localhost:3000'], "CORS origin 'localhost:3000' is not an origin"],
    [['--cors-origin', 'none', '--cors-origin', '*'], 'cannot be combined'],
    [['--rate-limit', '100'], "argument '100' is invalid. expected REQUESTS/SECONDS (e.g. 100/60), got '100'"],
    [['--log-level', 'loud'], 'Allowed choices are fatal, error, warn, info, debug, trace, silent'],
    [['--vendor', 'stripe'], "unknown vendor 'stripe'; expected one of qoder, fabro, datadog, launchdarkly"],
    [['--port', 'qoder=x'], "expected VENDOR=PORT with a port from 0 to 65535 (e.g. qoder=5010), got 'qoder=x'"],
    [['--vendor', 'qoder', '--port', 'fabro=5011'], 'error: --port fabro=5011: fabro is not selected (--vendor qoder)'],
    [['--prot', 'qoder=1'], "error: unknown option '--prot'\n(Did you mean --port?)"],
  ])('%j is refused with one line, the usage hint and exit 2', async (argv, message) => {
    const { settings, err, code } = await parse(...argv);
    expect(settings).toBeUndefined();
    expect(err).toContain(message);
    expect(err.trimEnd().split('\n').at(-1)).toBe('(run with --help for usage)');
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  });
});
