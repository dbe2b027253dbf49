/**
 * Starts the real Prism mocks for every spec and sends each one its spec's own update request:
 * the answer must be the spec's first success example, with its status and content type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundle, locate, vendors, type ExampleObject, type ResponseObject } from '@envspec/specs';
import { findFreePort, startMocks, type MockFleet } from '../src/index.ts';

const exampleValue = (document: ReturnType<typeof loadBundle>, node: unknown) =>
  locate<ExampleObject>(document, node as ExampleObject, []).value.value;

/** The spec's own update request: the write operation, its example path parameters and first body example. */
function updateRequestFromSpec(vendor: (typeof vendors)[number]) {
  const document = loadBundle(vendor);
  const entry = listOperations(document).find(({ method }) => method !== 'get');
  if (!entry) throw new Error(`${vendor} has no write operation`);
  let path = entry.path;
  const headers: Record<string, string> = {};
  for (const { value: parameter } of entry.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, String(parameter.example));
    if (parameter.in === 'header') headers[parameter.name] = String(parameter.example);
  }
  const body = locate(document, entry.operation.requestBody!, []).value.content;
  const [contentType, media] = Object.entries(body)[0]!;
  const success = Object.entries(entry.operation.responses).find(([status]) => status.startsWith('2'))!;
  const response = locate<ResponseObject>(document, success[1], []).value;
  const expected = exampleValue(document, Object.values(Object.values(response.content ?? {})[0]?.examples ?? {})[0]);
  return { method: entry.method.toUpperCase(), path, headers, contentType, body: exampleValue(document, Object.values(media.examples ?? {})[0]), status: Number(success[0]), expected };
}

// Prism checks that credentials are present, not what they are.
const credentials: Record<(typeof vendors)[number], Record<string, string>> = {
  qoder: { authorization: 'Bearer qoder_pat_demo_write' },
  fabro: { authorization: 'Bearer fabro_dev_demo_write' },
  datadog: { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_write' },
  launchdarkly: { authorization: 'api-0000demo-write' },
};

let fleet: MockFleet;
beforeAll(async () => {
  const ports = Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
  fleet = await startMocks({ ports });
}, 90_000);
afterAll(async () => fleet?.stop());

describe.each(vendors)('%s mock', (vendor) => {
  it('answers the update request with the spec example', async () => {
    const request = updateRequestFromSpec(vendor);
    const mock = fleet.mocks.find((entry) => entry.vendor === vendor)!;
    const response = await fetch(`${mock.url}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, ...credentials[vendor], 'content-type': request.contentType },
      body: JSON.stringify(request.body),
    });
    expect(response.status).toBe(request.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(await response.json()).toEqual(request.expected);
  });
});
