import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { argument, configureCommand, parseVendor, repeatable, runCli, UsageError } from '../src/index.ts';
import { withoutPassThroughSeparator } from '../src/run-cli.ts';

async function run(command: Command, ...argv: string[]) {
  let out = '';
  let err = '';
  let code: number | undefined;
  command.configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  await runCli(command, argv, { exit: (status) => (code = status), writeError: (text) => (err += text) });
  return { out, err, code };
}

function demo(action: (values: Record<string, unknown>) => void | Promise<void> = () => undefined) {
  return configureCommand(new Command('demo'))
    .addOption(new Option('--vendor <vendor>').argParser(repeatable(parseVendor)))
    .addOption(
      new Option('--count <n>').argParser(
        argument((text) => {
          if (!/^\d+$/.test(text)) throw new Error(`expected digits, got '${text}'`);
          return Number(text);
        }),
      ),
    )
    .action(action);
}

describe('runCli', () => {
  it('collects a repeatable flag, comma-separated or repeated, and drops the `--` pnpm passes on', async () => {
    let seen: unknown;
    const { code } = await run(
      demo((values) => {
        seen = values.vendor;
      }),
      '--',
      '--vendor',
      'qoder,fabro',
      '--vendor',
      'datadog',
    );
    expect(code).toBeUndefined();
    expect(seen).toEqual(['qoder', 'fabro', 'datadog']);
  });

  it.each<[string, string[], string, number]>([
    ['--help', ['--help'], '', 0],
    [
      'an unknown flag',
      ['--cuont', '1'],
      "error: unknown option '--cuont'\n(Did you mean --count?)\n(run with --help for usage)\n",
      2,
    ],
    [
      'a bad value',
      ['--count', 'x'],
      "error: option '--count <n>' argument 'x' is invalid. expected digits, got 'x'\n(run with --help for usage)\n",
      2,
    ],
    [
      'a bad item of a list',
      ['--vendor', 'qoder,stripe'],
      "argument 'qoder,stripe' is invalid. unknown vendor 'stripe'",
      2,
    ],
  ])('%s', async (_name, argv, message, status) => {
    const { err, code } = await run(demo(), ...argv);
    if (message) expect(err).toContain(message);
    else expect(err).toBe('');
    expect(code).toBe(status);
  });

  it('a UsageError from the action: one line, the hint, exit 2', async () => {
    const { err, code } = await run(
      demo(() => {
        throw new UsageError('--count 3 needs --vendor');
      }),
    );
    expect(err).toBe('error: --count 3 needs --vendor\n(run with --help for usage)\n');
    expect(code).toBe(2);
  });

  it('any other failure: the program name and the message, exit 1, no stack trace', async () => {
    const { err, code } = await run(
      demo(async () => {
        throw new Error('listen EACCES: permission denied 0.0.0.0:80');
      }),
    );
    expect(err).toBe('demo: listen EACCES: permission denied 0.0.0.0:80\n');
    expect(code).toBe(1);
  });
});

describe('the `--` pnpm passes on', () => {
  it.each([
    [
      ['--', '--mode', 'stateful'],
      ['--mode', 'stateful'],
    ],
    [
      ['start', '--', '--mode', 'stateful'],
      ['start', '--mode', 'stateful'],
    ],
    [
      ['diff', '--format', 'json', '--', 'a.yaml', 'b.yaml'],
      ['diff', '--format', 'json', '--', 'a.yaml', 'b.yaml'],
    ],
    [
      ['start', '--mode', 'static'],
      ['start', '--mode', 'static'],
    ],
  ])('%j → %j', (argv, want) => {
    expect(withoutPassThroughSeparator(argv)).toEqual(want);
  });
});
