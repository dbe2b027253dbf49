/** Which command lines fork the Prism engine ahead of parsing, and that a fork nothing adopts is ended. */
import { describe, expect, it } from 'vitest';
import { prelaunchFor } from '../src/prelaunch.ts';

describe('prelaunchFor', () => {
  it.each([
    [['serve']],
    [['contract', '--target', 'mock']],
    [['start', '--mode', 'stateful']],
    [['mock', '--mode=stateful']],
    [['start', '--help']],
    [['mock', '-h']],
    [[]],
  ])('%j: no engine', (argv) => {
    expect(prelaunchFor(argv)).toBeUndefined();
  });

  it.each([[['start']], [['mock', '--mode', 'dynamic']], [['--', 'start', '--mock-port', 'qoder=5010']]])(
    '%j: the engine is forked, and disposed when nothing adopts it',
    async (argv) => {
      const launch = prelaunchFor(argv);
      expect(launch?.child.pid).toEqual(expect.any(Number));
      const exited = new Promise((resolve) => launch!.child.once('exit', resolve));
      launch!.dispose();
      await exited;
      expect(launch!.child.signalCode).toBe('SIGKILL');
    },
  );
});
