/** stopOnSignals in process (the signals are emitted, not sent); the CLI's lifecycle tests send real ones. */
import { afterEach, describe, expect, it } from 'vitest';
import { stopOnSignals, stopSignals } from '../src/index.ts';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function install(stop: () => Promise<void>, graceMs = 1_000) {
  const lines: string[] = [];
  const exits: number[] = [];
  let exited!: () => void;
  const done = new Promise<void>((resolve) => (exited = resolve));
  dispose = stopOnSignals(stop, {
    log: (line) => lines.push(line),
    exit: (code) => {
      exits.push(code);
      exited();
    },
    graceMs,
    exitWithParent: false,
  });
  return { lines, exits, done };
}

describe('stopOnSignals', () => {
  it.each(stopSignals)('%s stops everything, then exits 0', async (signal) => {
    let stopped = 0;
    const { lines, exits, done } = install(async () => {
      stopped += 1;
    });
    process.emit(signal, signal);
    await done;
    expect([stopped, exits, lines]).toEqual([1, [0], [`${signal}: stopping…`]]);
  });

  it('a stop that hangs is cut short after the grace period: exit 1', async () => {
    const { lines, exits, done } = install(() => new Promise(() => undefined), 50);
    process.emit('SIGTERM', 'SIGTERM');
    await done;
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('did not stop within 50 ms; exiting anyway');
  });

  it('a second signal while stopping exits at once with 1', async () => {
    const { lines, exits } = install(() => new Promise(() => undefined), 10_000);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    expect(lines).toEqual(['SIGINT: stopping…', 'SIGINT again: exiting now']);
  });

  it('a stop that fails says why: exit 1', async () => {
    const { lines, exits, done } = install(async () => {
      throw new Error('store flush failed');
    });
    process.emit('SIGHUP', 'SIGHUP');
    await done;
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('stopping failed: store flush failed');
  });
});
