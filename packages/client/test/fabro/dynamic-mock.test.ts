/**
 * The Fabro helpers against the mock's dynamic mode, where every answer is generated: the read's
 * ETag must be its body's revision and the body must be replaceable as read, or `updateWith`
 * (GET → change → PUT with If-Match) fails against the mock a frontend develops on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type MockFleet } from '@envspec/mock';
import { findFreePort } from '@envspec/testkit';
import { createFabroClient, etagOf, type FabroClient } from '../../src/fabro/index.ts';

let fleet: MockFleet;
let fabro: FabroClient;
beforeAll(async () => {
  fleet = await startMocks({ vendors: ['fabro'], ports: { fabro: await findFreePort() }, mode: 'dynamic', seed: '1' });
  fabro = createFabroClient({ baseUrl: fleet.mocks[0]!.url, token: 'fabro_dev_demo_write' });
}, 30_000);
afterAll(async () => fleet?.stop());

describe.each(['ci-runner', 'web-preview-7'])('fabro client against the dynamic mock, environment %s', (id) => {
  it('getWithETag reads a generated environment whose ETag is its revision', async () => {
    const { environment, etag } = await fabro.environments.getWithETag(id);
    expect(environment.id).toBe(id);
    expect(etag).toBe(etagOf(environment));
  });

  it('updateWith replaces the environment it read, with its ETag', async () => {
    const seen: string[] = [];
    const updated = await fabro.environments.updateWith(id, (draft, current) => {
      seen.push(current.revision);
      draft.labels = { ...draft.labels, team: 'web' };
    });
    expect(seen).toHaveLength(1);
    expect(updated.id).toBe(id);
    expect(updated.revision).toMatch(/^[0-9a-f]{64}$/);
  });
});
