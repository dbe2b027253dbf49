/** `envspec serve`'s command line parsed in process, without starting anything: the settings it would serve with. */
import { runCli } from '@envspec/cli-kit';
import { createServeCommand, type ServeSettings } from '../../src/command/index.ts';

export async function parseServe(...argv: string[]): Promise<{ settings?: ServeSettings; err: string; code?: number }> {
  const seen: ServeSettings[] = [];
  let err = '';
  let code: number | undefined;
  const command = createServeCommand({ serve: async (parsed) => void seen.push(parsed) });
  command.configureOutput({ writeErr: (text) => (err += text), writeOut: () => undefined });
  await runCli(command, argv, { exit: (status) => (code = status), writeError: (text) => (err += text) });
  return { ...(seen[0] ? { settings: seen[0] } : {}), err, ...(code === undefined ? {} : { code }) };
}
