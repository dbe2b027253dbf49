import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { defaultMockPorts } from '@envspec/vendors';
import { addFleetOptions, fleetSettings, UsageError } from '../src/index.ts';

/** The settings a command with the fleet flags reads from `argv`. */
function parse(argv: string[]) {
  const command = addFleetOptions(new Command('mock').exitOverride(), {
    verb: 'mock',
    what: 'mock port',
    defaultPorts: defaultMockPorts,
  });
  command.parse(argv, { from: 'user' });
  return fleetSettings(command.opts());
}

describe('fleet options', () => {
  it.each([
    [[], { vendors: ['qoder', 'fabro', 'datadog', 'launchdarkly'], ports: {}, host: '127.0.0.1' }],
    [
      ['--vendor', 'fabro,qoder', '--port', 'qoder=0', '--port', 'fabro=5011', '--host', '0.0.0.0'],
      { vendors: ['fabro', 'qoder'], ports: { qoder: 0, fabro: 5011 }, host: '0.0.0.0' },
    ],
    [
      ['--cors-origin', 'none'],
      { vendors: ['qoder', 'fabro', 'datadog', 'launchdarkly'], ports: {}, host: '127.0.0.1', cors: false },
    ],
    [
      ['--cors-origin', 'http://frontend.test:5173', '--cors-origin', '*'],
      {
        vendors: ['qoder', 'fabro', 'datadog', 'launchdarkly'],
        ports: {},
        host: '127.0.0.1',
        cors: { origins: ['http://frontend.test:5173', '*'] },
      },
    ],
  ])('reads %j', (argv, want) => {
    expect(parse(argv)).toEqual(want);
  });

  it('refuses a port for a vendor that is not selected', () => {
    expect(() => parse(['--vendor', 'qoder', '--port', 'fabro=5011'])).toThrow(UsageError);
  });

  it('names the default ports in the help of --port', () => {
    const command = addFleetOptions(new Command('serve'), {
      verb: 'serve',
      what: 'server port',
      defaultPorts: { qoder: 3010, fabro: 3011, datadog: 3012, launchdarkly: 3013 },
      example: 5020,
    });
    const port = command.options.find((option) => option.long === '--port');
    expect(port?.description).toBe(
      "move a vendor's server port, e.g. --port qoder=5020 (repeatable; 0 picks a free port; default 3010–3013)",
    );
    expect(command.options.map((option) => option.long)).toEqual(['--vendor', '--port', '--host', '--cors-origin']);
  });
});
