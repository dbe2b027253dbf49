import { describe, expect, it } from 'vitest';
import { parseMockCliOptions } from '../src/cli-options.ts';

describe('parseMockCliOptions', () => {
  it.each<[string, string[], object | RegExp]>([
    ['defaults', [], { mode: 'static', host: '127.0.0.1', ports: {} }],
    ['stateful', ['--mode', 'stateful'], { mode: 'stateful' }],
    ['after the `--` pnpm passes through', ['--', '--mode', 'stateful'], { mode: 'stateful' }],
    ['dynamic with a seed', ['--mode=dynamic', '--seed', '7'], { mode: 'dynamic', seed: '7' }],
    [
      'injection',
      ['--delay', '300', '--error-rate', '0.2', '--error-status', '503'],
      { delayMs: 300, errorRate: 0.2, errorStatus: 503 },
    ],
    [
      'CORS origins',
      ['--cors-origin', 'https://app.example.com', '--cors-origin', 'http://localhost:*'],
      { cors: { origins: ['https://app.example.com', 'http://localhost:*'] } },
    ],
    ['CORS off', ['--cors-origin', 'none'], { cors: false }],
    ['an unknown mode', ['--mode', 'replay'], /--mode must be static, dynamic or stateful/],
    ['a delay that is not a number', ['--delay', 'soon'], /--delay expects a number/],
    ['a bad port', ['--port', 'qoder=x'], /--port expects VENDOR=PORT/],
  ])('%s', (_name, argv, want) => {
    if (want instanceof RegExp) expect(() => parseMockCliOptions(argv)).toThrow(want);
    else expect(parseMockCliOptions(argv)).toMatchObject(want);
  });
});
