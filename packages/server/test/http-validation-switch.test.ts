import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QoderEnvironment } from '@envspec/types/qoder';
import { startHarness, type Harness } from './support/harness.ts';

// `validation: false` exists for bench/ only: it drops the validator but must keep the credential check.
describe('createApp with validation: false (benchmarks only)', () => {
  let server: Harness;
  const path = '/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b';
  beforeAll(async () => {
    server = await startHarness('qoder', { validation: false });
  });
  afterAll(() => server.close());

  it('still refuses a request without a credential', async () => {
    expect((await server.request('PUT', path, { body: { description: 'x' } })).status).toBe(401);
  });
  it('still refuses a write with a read-only credential', async () => {
    expect(
      (
        await server.request('PUT', path, {
          headers: { authorization: 'Bearer qoder_pat_demo_read' },
          body: { description: 'x' },
        })
      ).status,
    ).toBe(403);
  });
  it('serves the update', async () => {
    const reply = await server.request<QoderEnvironment>('PUT', path, {
      headers: { authorization: 'Bearer qoder_pat_demo_write' },
      body: { description: 'benchmarked' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.description).toBe('benchmarked');
  });
  it('no longer validates: a body the spec refuses goes through', async () => {
    const reply = await server.request('PUT', path, {
      headers: { authorization: 'Bearer qoder_pat_demo_write' },
      body: { description: 'x', unknown_field: true },
    });
    expect(reply.status).toBe(200);
  });
});
