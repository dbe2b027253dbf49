import { STATUS_CODES } from 'node:http';
import { expect, it } from 'vitest';
import { knownStatuses, reasonPhrase } from '../../src/protocol/reason-phrases.ts';

it("has Node's reason phrase for every status Node knows, and no other", () => {
  const node = Object.keys(STATUS_CODES).map(Number);
  expect([...knownStatuses].sort()).toEqual(node.sort());
  for (const status of node) expect(reasonPhrase(status)).toBe(STATUS_CODES[status]);
});
