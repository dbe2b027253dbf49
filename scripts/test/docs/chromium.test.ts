import { describe, expect, it } from 'vitest';
import { findChromium, inCi } from '../../src/docs/index.ts';

const missing = '/nonexistent/envspec/chromium';

describe('findChromium', () => {
  it('answers the path where the executable exists, CI or not', () => {
    // Any executable that surely exists stands in for chromium here.
    for (const env of [{}, { CI: 'true' }])
      expect(findChromium({ path: process.execPath, env })).toEqual({ executablePath: process.execPath });
  });

  it('fails in CI when chromium is missing, saying how it gets installed', () => {
    expect(() => findChromium({ path: missing, env: { CI: 'true' } })).toThrow(
      /missing and CI is set, so the browser test cannot be skipped: \.ci\/run installs it with scripts\/setup\/chromium\.sh/,
    );
  });

  it('skips outside CI when chromium is missing, saying how to install it', () => {
    expect(findChromium({ path: missing, env: {} })).toEqual({
      skip: `${missing} is missing: install Debian's chromium with 'sudo bash scripts/setup/chromium.sh' (apt), then rerun.`,
    });
  });
});

describe('inCi', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'woodpecker' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j → %s', (env, expected) => {
    expect(inCi(env)).toBe(expected);
  });
});
