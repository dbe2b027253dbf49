import { describe, expect, it } from 'vitest';
import { parseServerCliOptions } from '../src/cli-options.ts';

describe('server CLI limits and CORS flags', () => {
  it('passes each limit to the option it configures', () => {
    const options = parseServerCliOptions([
      '--headers-timeout',
      '2000',
      '--request-timeout',
      '8000',
      '--keep-alive-timeout',
      '1000',
      '--max-header-size',
      '8192',
      '--body-limit',
      '4096',
      '--max-json-depth',
      '10',
      '--max-patch-operations',
      '20',
    ]);
    expect(options.limits).toEqual({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 8000,
      keepAliveTimeoutMs: 1000,
      maxHeaderBytes: 8192,
    });
    expect(options.body).toEqual({ limitBytes: 4096, maxDepth: 10 });
    expect(options.vendorOptions).toEqual({ maxPatchOperations: 20 });
  });

  it('leaves every limit at its default when no flag is given', () => {
    const options = parseServerCliOptions([]);
    expect([options.limits, options.body, options.vendorOptions, options.cors]).toEqual([{}, {}, {}, undefined]);
  });

  it.each([
    [
      ['--cors-origin', 'https://app.example.com', '--cors-origin', 'http://localhost:*'],
      { origins: ['https://app.example.com', 'http://localhost:*'] },
    ],
    [['--cors-origin', '*'], { origins: ['*'] }],
    [['--cors-origin', 'none'], false],
  ])('%j → cors %j', (argv, cors) => {
    expect(parseServerCliOptions(argv).cors).toEqual(cors);
  });

  it.each([
    [['--body-limit', '0'], /--body-limit expects a positive whole number, got '0'/],
    [['--headers-timeout', '10s'], /--headers-timeout expects a positive whole number, got '10s'/],
    [['--headers-timeout', '60000'], /headers timeout \(60000 ms\) cannot exceed the request timeout \(30000 ms\)/],
    [['--cors-origin', 'localhost:3000'], /CORS origin 'localhost:3000' is not an origin/],
    [['--cors-origin', 'none', '--cors-origin', '*'], /cannot be combined/],
  ])('%j is refused with a message saying why', (argv, message) => {
    expect(() => parseServerCliOptions(argv)).toThrow(message);
  });
});
