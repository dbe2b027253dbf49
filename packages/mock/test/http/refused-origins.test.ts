import { describe, expect, it } from 'vitest';
import { refusedOriginReporter } from '../../src/http/refused-origins.ts';

describe('refusedOriginReporter', () => {
  it.each<[string, readonly string[] | false, string, RegExp]>([
    [
      'an origin outside the list',
      ['http://localhost:*'],
      'http://frontend.test:5173',
      /origin http:\/\/frontend\.test:5173 \(allowed: http:\/\/localhost:\*\); start the mock with --cors-origin http:\/\/frontend\.test:5173 to allow it/,
    ],
    [
      'CORS turned off',
      false,
      'http://localhost:5173',
      /\(CORS is off\); start the mock with --cors-origin http:\/\/localhost:5173/,
    ],
    ['an empty list', [], 'http://localhost:5173', /\(CORS is off\)/],
    [
      'an opaque origin, which only * allows',
      ['http://localhost:*'],
      'null',
      /start the mock with --cors-origin '\*' to allow it/,
    ],
  ])('names %s and the flag that allows it', (_name, allowed, origin, want) => {
    const lines: string[] = [];
    refusedOriginReporter((line) => lines.push(line), allowed)(origin);
    expect(lines).toEqual([expect.stringMatching(want)]);
  });

  it('tells each origin once, however often it calls', () => {
    const lines: string[] = [];
    const report = refusedOriginReporter((line) => lines.push(line), ['http://localhost:*']);
    for (const origin of ['https://a.example', 'https://a.example', 'https://b.example', 'https://a.example'])
      report(origin);
    expect(lines.map((line) => /origin (\S+)/.exec(line)?.[1])).toEqual(['https://a.example', 'https://b.example']);
  });
});
