import { afterEach, expect, it } from 'vitest';
import { bundleOf, responseExample } from '@envspec/specs';
import type { QoderEnvironment, QoderError } from '@envspec/types/qoder';
import { MemoryStore } from '../src/store/memory-store.ts';
import { startHarness, type Harness } from './support/harness.ts';

let server: Harness | undefined;
afterEach(async () => server?.close());

it('response validation is on: a stored resource that breaks the spec answers 500 naming the field', async () => {
  const id = 'env_019e3bb39b6774d8878cd0b9d237574b';
  // The documented environment without its required `status`.
  const { status: _status, ...broken } = responseExample<QoderEnvironment>(bundleOf('qoder'), 'getEnvironment', '200');
  server = await startHarness('qoder', { store: new MemoryStore([[id, broken]]) });
  const reply = await server.request<QoderError>('GET', `/api/v1/cloud/environments/${id}`, {
    headers: { authorization: 'Bearer qoder_pat_demo_write' },
  });
  expect(reply.status).toBe(500);
  expect(reply.body.error.code).toBe('response_validation_failed');
  expect(reply.body.error.message).toMatch(/must have required property 'status'/);
});
