/**
 * The examples engine as a fetch handler: a valid request gets the spec's success example or the
 * documented response `Prefer` names; a request the reference server refuses is refused the same
 * way; `describe` and `documented` serve the MSW handlers' injection.
 */
import { describe, expect, it } from 'vitest';
import { bundleOf, responseExample, vendors, type Vendor } from '@envspec/specs';
import { envelopeIssues, errorMessage, operationOf, readPath, requestIdPattern, updateRequest } from '@envspec/testkit';
import { credentialHeaders, vendorCore } from '@envspec/vendors';
import { createExamplesEngine } from '../../src/examples/index.ts';

const origin = 'http://engine.test';

function update(vendor: Vendor, headers: Record<string, string> = {}, body?: string): Request {
  const spec = updateRequest(vendor);
  return new Request(`${origin}${spec.path}`, {
    method: spec.method,
    headers: { ...spec.headers, ...credentialHeaders(vendor), 'content-type': spec.contentType, ...headers },
    body: body ?? JSON.stringify(spec.body),
  });
}

const read = (vendor: Vendor, headers = credentialHeaders(vendor)) =>
  new Request(`${origin}${readPath(vendor)}`, { headers });

describe.each(vendors)('%s examples engine', (vendor) => {
  const engine = createExamplesEngine(vendor);
  const write = operationOf(vendor, 'write').operation;

  it('answers the update with its success example, whatever the state would be', async () => {
    const response = await engine.handle(update(vendor));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toMatch(requestIdPattern(vendor));
    expect(await response.json()).toEqual(responseExample(bundleOf(vendor), write.operationId, '200'));
  });

  it.each(Object.keys(write.responses))('serves the documented %s on Prefer: code=…', async (status) => {
    const response = await engine.handle(update(vendor, { prefer: `code=${status}` }));
    expect(response.status).toBe(Number(status));
    expect(await response.json()).toEqual(responseExample(bundleOf(vendor), write.operationId, status));
  });

  it.each([
    ['an undocumented Prefer code', () => update(vendor, { prefer: 'code=418' }), 400, /not a documented response/],
    ['an unknown Prefer example', () => update(vendor, { prefer: 'example=nope' }), 400, /not an example/],
    ['Prefer: dynamic=true', () => update(vendor, { prefer: 'dynamic=true' }), 400, /examples only/],
    ['no credentials', () => read(vendor, {}), vendorCore(vendor).credentials.unauthenticatedStatus, /./],
    ['a body that is not JSON', () => update(vendor, {}, '{"name": '), 400, /./],
    ['a text/plain body', () => update(vendor, { 'content-type': 'text/plain' }), 415, /./],
    ['a path outside the spec', () => new Request(`${origin}/api/nowhere`), 404, /no route/],
  ] as const)('refuses %s in the envelope', async (_name, request, status, says) => {
    const response = await engine.handle(request());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(errorMessage(body)).toMatch(says);
  });

  it('describes the operation a request falls under, and serves its documented responses', async () => {
    expect(engine.describe(update(vendor))).toEqual({
      operationId: write.operationId,
      statuses: Object.keys(write.responses),
    });
    expect(engine.describe(new Request(`${origin}/api/nowhere`))).toBeUndefined();
    const documented = engine.documented(update(vendor), 404);
    expect(documented?.status).toBe(404);
    expect(await documented?.json()).toEqual(responseExample(bundleOf(vendor), write.operationId, '404'));
    expect(engine.documented(update(vendor), 418)).toBeUndefined();
  });
});
