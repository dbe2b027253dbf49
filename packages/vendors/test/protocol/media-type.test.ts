import { describe, expect, it } from 'vitest';
import { isJsonMediaType, mediaType } from '../../src/protocol/media-type.ts';

describe('isJsonMediaType', () => {
  it.each<[string | undefined, boolean]>([
    ['application/json; charset=utf-8', true],
    ['application/json-patch+json', true],
    ['Application/JSON', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    [undefined, false],
  ])('%s → %s', (contentType, want) => expect(isJsonMediaType(mediaType(contentType))).toBe(want));
});
