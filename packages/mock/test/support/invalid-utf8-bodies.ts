/**
 * Update bodies with bytes that are not UTF-8 where a client's text would be stored (a name, a
 * label) and where its keys would be (a free-form map), for every sequence of
 * `invalidUtf8Sequences`. Each would be accepted, with U+FFFD stored, by a lenient decoder.
 */
import type { Vendor } from '@envspec/specs';
import { bytesMarker, invalidUtf8Sequences, updateRequest, withBytes } from '@envspec/testkit';

type Json = Record<string, unknown>;
const example = (vendor: Vendor) => structuredClone(updateRequest(vendor).body) as Json;

/** Per vendor, the update with `text` as a stored string value, and with `key` as a client-chosen key. */
const placements: Record<Vendor, { value(text: string): unknown; key(key: string): unknown }> = {
  qoder: {
    value: (text) => ({ name: text }),
    key: (key) => ({ metadata: { [key]: 'v' } }),
  },
  fabro: {
    value: (text) => ({ ...example('fabro'), labels: { team: text } }),
    key: (key) => ({ ...example('fabro'), labels: { [key]: 'v' } }),
  },
  datadog: {
    value: (text) => ({ data: { type: 'environments', attributes: { name: text } } }),
    // Datadog has no free-form map: the key goes where an unknown attribute would.
    key: (key) => ({ data: { type: 'environments', attributes: { [key]: 'v' } } }),
  },
  launchdarkly: {
    value: (text) => [{ op: 'replace', path: '/name', value: text }],
    // A patch value is free-form JSON.
    key: (key) => [{ op: 'add', path: '/tags/-', value: { [key]: 'v' } }],
  },
};

/** The string-value update with valid UTF-8 text (`é`) where the bad bytes go: accepted, so the refusals are the bytes'. */
export function validUtf8Body(vendor: Vendor): Buffer {
  return withBytes(JSON.stringify(placements[vendor].value(`text${bytesMarker}`)), [0xc3, 0xa9]);
}

/** `[description, body bytes]` for every sequence, inside a string value and inside a key. */
export function invalidUtf8Bodies(vendor: Vendor): Array<[string, Buffer]> {
  const { value, key } = placements[vendor];
  return invalidUtf8Sequences.flatMap(
    ([name, bytes]): Array<[string, Buffer]> => [
      [`in a string value: ${name}`, withBytes(JSON.stringify(value(`text${bytesMarker}`)), bytes)],
      [`in a key: ${name}`, withBytes(JSON.stringify(key(`key${bytesMarker}`)), bytes)],
    ],
  );
}
