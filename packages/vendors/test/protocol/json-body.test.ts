import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors/api-error.ts';
import { charsetOf, decodeBodyText, parseJsonBody } from '../../src/protocol/json-body.ts';

const limits = { maxDepth: 8 };
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

/** The ApiError `run` throws (the test fails when it throws none, or something else). */
function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('no ApiError thrown');
}

describe('decodeBodyText: strict decoding', () => {
  it.each([
    ['0xC3 0x28 in a string', bytes('{"a":"', [0xc3, 0x28], '"}')],
    ['a lone continuation byte in a key', bytes('{"', [0x80], '":1}')],
    ['an overlong "/"', bytes('{"a":"', [0xc0, 0xaf], '"}')],
    ['a UTF-16 surrogate', bytes('{"a":"', [0xed, 0xa0, 0x80], '"}')],
    ['a sequence truncated at the very end', bytes('{"a":1}', [0xe2, 0x82])],
    ['0xFF', bytes([0xff])],
  ])('refuses %s: 400 malformed_json saying the body is not valid UTF-8', (_name, body) => {
    const error = refusal(() => decodeBodyText(body, 'application/json'));
    expect(error).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(error.message).toBe('request body is not valid UTF-8: send JSON encoded as UTF-8');
  });

  it('decodes valid UTF-8 of every length, and drops a byte-order mark', () => {
    expect(decodeBodyText(bytes('{"é€𝄞":"x"}'), undefined)).toBe('{"é€𝄞":"x"}');
    expect(decodeBodyText(bytes([0xef, 0xbb, 0xbf], '{}'), 'application/json; charset=utf-8')).toBe('{}');
  });

  it('decodes a declared UTF-16 strictly too', () => {
    const utf16 = new Uint8Array([0x7b, 0x00, 0x7d, 0x00]);
    expect(decodeBodyText(utf16, 'application/json; charset=utf-16le')).toBe('{}');
    const error = refusal(() =>
      decodeBodyText(new Uint8Array([0x7b, 0x00, 0x00, 0xd8]), 'application/json; charset=utf-16le'),
    );
    expect(error).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(error.message).toMatch(/^request body is not valid UTF-16LE as its Content-Type says/);
  });

  it.each(['latin1', 'iso-8859-1', 'utf-7', 'utf-32'])('answers charset=%s 415 unsupported_media_type', (charset) => {
    const error = refusal(() => decodeBodyText(bytes('{}'), `application/json; charset=${charset}`));
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(error.message).toBe(`unsupported charset "${charset.toUpperCase()}"`);
  });

  it.each([
    ['application/json; charset=UTF-8', 'utf-8'],
    ['application/json;charset="utf-16"', 'utf-16'],
    ['application/json', undefined],
    [undefined, undefined],
  ])('reads the charset of %j as %j', (contentType, charset) => {
    expect(charsetOf(contentType)).toBe(charset);
  });
});

describe('parseJsonBody', () => {
  it('parses an object or an array; an empty body is {}', () => {
    expect(parseJsonBody(bytes(' {"a":[1,"é"]}'), 'application/json', limits)).toEqual({ a: [1, 'é'] });
    expect(parseJsonBody(bytes('[]'), undefined, limits)).toEqual([]);
    expect(parseJsonBody(new Uint8Array(), 'application/json', limits)).toEqual({});
  });

  it('refuses invalid UTF-8 before anything else looks at the text', () => {
    const deepAndBroken = bytes('['.repeat(50), [0xc3, 0x28], ']'.repeat(50));
    expect(refusal(() => parseJsonBody(deepAndBroken, undefined, limits)).message).toMatch(/not valid UTF-8/);
  });

  it('refuses a body nested deeper than the limit, before JSON.parse', () => {
    const error = refusal(() => parseJsonBody(bytes('['.repeat(9), ']'.repeat(9)), undefined, limits));
    expect(error).toMatchObject({ status: 400, code: 'body_too_deep' });
    expect(error.message).toBe('request body nests 9 levels deep; at most 8 are accepted');
  });

  it.each([
    ['a scalar', '42', 'request body is not valid JSON: Unexpected token \'4\', "42" is not valid JSON'],
    ['a string', '"x"', 'request body is not valid JSON: Unexpected token \'"\', ""x"" is not valid JSON'],
    ['a blank body', ' \r\n', 'request body is not valid JSON: Unexpected end of JSON input'],
    ['a body cut short', '{"a":', 'request body is not valid JSON: Unexpected end of JSON input'],
  ])('refuses %s with the JSON parser’s own words', (_name, text, message) => {
    const error = refusal(() => parseJsonBody(bytes(text), undefined, limits));
    expect(error).toMatchObject({ status: 400, code: 'malformed_json', message });
  });
});
