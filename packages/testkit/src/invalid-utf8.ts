/**
 * Byte sequences that are not UTF-8, for the bad-input tests of every target. A lenient decoder
 * turns each into U+FFFD (and a server would store that); a strict one refuses the body.
 */
export const invalidUtf8Sequences: ReadonlyArray<readonly [name: string, bytes: readonly number[]]> = [
  ['0xC3 0x28 (a lead byte whose continuation is missing)', [0xc3, 0x28]],
  ['a lone continuation byte 0x80', [0x80]],
  ['overlong 0xC0 0xAF (a "/" in two bytes)', [0xc0, 0xaf]],
  ['a UTF-16 surrogate 0xED 0xA0 0x80', [0xed, 0xa0, 0x80]],
  ['a sequence truncated at the end (0xE2 0x82)', [0xe2, 0x82]],
];

/** Where `withBytes` puts the bytes: write it into a JSON text (a string value, a key) first. */
export const bytesMarker = '@@bytes@@';

/** `text` encoded as UTF-8, with `bytes` (which need not be UTF-8) in place of `bytesMarker`. */
export function withBytes(text: string, bytes: readonly number[]): Buffer {
  const at = text.indexOf(bytesMarker);
  if (at === -1) throw new Error(`no ${bytesMarker} in ${text.slice(0, 100)}`);
  return Buffer.concat([
    Buffer.from(text.slice(0, at)),
    Buffer.from(bytes),
    Buffer.from(text.slice(at + bytesMarker.length)),
  ]);
}
