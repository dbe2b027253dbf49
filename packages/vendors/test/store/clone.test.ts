import { describe, expect, it } from 'vitest';
import { cloneValue } from '../../src/store/clone.ts';

describe('cloneValue', () => {
  const cases: Array<[string, unknown]> = [
    ['a primitive', 42],
    ['null', null],
    ['a nested JSON document', { id: 'a', tags: ['x', 'y'], nested: { deep: [{ n: 1 }, null, true] } }],
    ['an array of objects', [{ a: 1 }, { b: [2] }]],
    ['a Date inside (falls back to structuredClone)', { at: new Date('2026-01-01T00:00:00Z') }],
  ];
  for (const [name, given] of cases) {
    it(`${name}: equals structuredClone`, () => expect(cloneValue(given)).toStrictEqual(structuredClone(given)));
  }

  it('shares no object with the original', () => {
    const original = { nested: { list: [{ n: 1 }] } };
    const copy = cloneValue(original);
    copy.nested.list[0]!.n = 2;
    copy.nested.list.push({ n: 3 });
    expect(original).toEqual({ nested: { list: [{ n: 1 }] } });
  });

  it('keeps an own __proto__ key as data, never as the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneValue(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
