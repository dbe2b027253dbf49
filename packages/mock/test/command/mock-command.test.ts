/** `envspec mock`'s command line, parsed in process: what each flag configures, and how a mistake is refused. */
import { describe, expect, it } from 'vitest';
import { runCli } from '@envspec/cli-kit';
import { createMockCommand, type MockCommandSettings } from '../../src/command/index.ts';

async function parse(...argv: string[]) {
  const settings: MockCommandSettings[] = [];
  let err = '';
  let code: number | undefined;
  const command = createMockCommand({ mock: async (parsed) => void settings.push(parsed) });
  command.configureOutput({ writeErr: (text) => (err += text), writeOut: () => undefined });
  await runCli(command, argv, { exit: (status) => (code = status), writeError: (text) => (err += text) });
  return { settings: settings[0], err, code };
}

describe('envspec mock flags', () => {
  it.each<[string, string[], Partial<MockCommandSettings>]>([
    [
      'defaults',
      [],
      { mode: 'static', host: '127.0.0.1', ports: {}, vendors: ['qoder', 'fabro', 'datadog', 'launchdarkly'] },
    ],
    ['stateful', ['--mode', 'stateful'], { mode: 'stateful' }],
    ['after the `--` pnpm passes through', ['--', '--mode', 'stateful'], { mode: 'stateful' }],
    ['dynamic with a seed', ['--mode=dynamic', '--seed', '7'], { mode: 'dynamic', seed: '7' }],
    [
      'injection',
      ['--delay', '300', '--error-rate', '0.2', '--error-status', '503'],
      { delayMs: 300, errorRate: 0.2, errorStatus: 503 },
    ],
    [
      'vendors and a port',
      ['--vendor', 'qoder', '--port', 'qoder=5010'],
      { vendors: ['qoder'], ports: { qoder: 5010 } },
    ],
    [
      'CORS origins',
      ['--cors-origin', 'https://app.example.com', '--cors-origin', 'http://localhost:*'],
      { cors: { origins: ['https://app.example.com', 'http://localhost:*'] } },
    ],
    ['CORS off', ['--cors-origin', 'none'], { cors: false }],
  ])('%s', async (_name, argv, want) => {
    const { settings, code } = await parse(...argv);
    expect(code).toBeUndefined();
    expect(settings).toMatchObject(want);
  });

  it.each([
    [
      'an unknown mode',
      ['--mode', 'replay'],
      "argument 'replay' is invalid. Allowed choices are static, dynamic, stateful.",
    ],
    ['a delay that is not a number', ['--delay', 'soon'], "error: option '--delay <ms>' argument 'soon' is invalid."],
    ['a delay past the cap', ['--delay', '60001'], 'expected a whole number from 0 to 60000'],
    ['an error rate above 1', ['--error-rate', '2'], 'expected a share from 0 to 1'],
    ['a success status to inject', ['--error-status', '200'], 'expected a whole number from 400 to 599'],
    [
      'a bad port',
      ['--port', 'qoder=x'],
      "expected VENDOR=PORT with a port from 0 to 65535 (e.g. qoder=5010), got 'qoder=x'",
    ],
    ['a misspelt flag', ['--mdoe', 'stateful'], "error: unknown option '--mdoe'\n(Did you mean --mode?)"],
  ])('%s: one line, the usage hint, exit 2', async (_name, argv, message) => {
    const { settings, err, code } = await parse(...argv);
    expect(settings).toBeUndefined();
    expect(err).toContain(message);
    expect(err.trimEnd().split('\n').at(-1)).toBe('(run with --help for usage)');
    expect(code).toBe(2);
  });
});
