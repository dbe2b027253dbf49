import { describe, expect, it } from 'vitest';
import { checkContentType, checkTarget, sanitizeAccept } from '../../src/http/request-guards.ts';
import { vendorErrors } from '../../src/vendor/vendor-errors.ts';

const errors = vendorErrors('qoder');

describe('checkTarget', () => {
  it.each<[string, string, { path: string; query: string } | RegExp]>([
    ['a plain path', '/api/v1/x', { path: '/api/v1/x', query: '' }],
    ['escaped UTF-8 and a query', '/api/%C3%A9t%C3%A9?a=%20b&c', { path: '/api/%C3%A9t%C3%A9', query: 'a=%20b&c' }],
    ['invalid UTF-8 bytes', '/api/%ff%fe', /path segment '%ff%fe'/],
    ['a truncated escape', '/api/%E0%A4%A', /not valid percent-encoding/],
    ['a lone %', '/api/100%', /path segment '100%'/],
    ['a bad query escape', '/api/x?q=%zz', /query parameter 'q=%zz'/],
    ['an absolute-form target', 'http://example.com/api', /not an absolute path/],
    ['an asterisk-form target', '*', /not an absolute path/],
  ])('%s', (_name, url, want) => {
    if (want instanceof RegExp) {
      expect(() => checkTarget(url, errors)).toThrow(want);
      try {
        checkTarget(url, errors);
      } catch (error) {
        expect((error as { status: number }).status).toBe(400);
      }
    } else expect(checkTarget(url, errors)).toEqual(want);
  });
});

describe('sanitizeAccept', () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['application/json', 'application/json'],
    ['text/html, application/xhtml+xml;q=0.9, */*;q=0.8', 'text/html, application/xhtml+xml;q=0.9, */*;q=0.8'],
    ['application/json, ', 'application/json'],
    ['*', undefined],
    ['a/b/c, application/json', 'application/json'],
    ['text/plain; charset="unterminated', undefined],
  ])('%j → %j', (accept, want) => expect(sanitizeAccept(accept)).toBe(want));
});

describe('checkContentType', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, true],
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/json-patch+json', true],
    ['multipart/form-data; boundary="a b"', true],
    ['application/json;', false],
    ['a/b/c', false],
    ['application/json; charset', false],
  ])('%j is accepted: %s', (contentType, accepted) => {
    if (accepted) expect(() => checkContentType(contentType, errors)).not.toThrow();
    else expect(() => checkContentType(contentType, errors)).toThrow(/unsupported media type/);
  });
});
