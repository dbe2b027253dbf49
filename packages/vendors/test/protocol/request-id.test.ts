import { describe, expect, it } from 'vitest';
import { fabroCore } from '../../src/fabro/fabro-core.ts';
import { qoderCore } from '../../src/qoder/qoder-core.ts';
import { newUuidV4 } from '../../src/protocol/request-id.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('mints random version 4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, newUuidV4);
    for (const id of ids) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fabro mints one for every request, whatever the client sent', () => {
    expect(fabroCore.requestId('my-own-id')).toMatch(uuidV4);
    expect(fabroCore.requestId(undefined)).toMatch(uuidV4);
  });

  it('the other vendors reuse a well-formed incoming id', () => {
    expect(qoderCore.requestId('my-own-id')).toBe('my-own-id');
    expect(qoderCore.requestId('not ok!')).toMatch(/^req_[0-9a-f]{32}$/);
  });
});
