import { describe, expect, it } from 'vitest';
import { AccessGate, explainAuthentication } from '../../src/access/access-gate.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { vendorCore } from '../../src/registry.ts';

describe('AccessGate', () => {
  it.each([
    ['qoder', { authorization: 'Bearer qoder_pat_demo_write' }, 'qoder-demo-write'],
    ['qoder', { authorization: 'bearer   qoder_pat_demo_read ' }, 'qoder-demo-read'],
    ['qoder', { authorization: 'qoder_pat_demo_write' }, undefined],
    ['datadog', { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_read' }, 'datadog-demo-read'],
    ['datadog', { 'dd-api-key': 'dd_demo_api_key:dd_demo_app_key_read' }, undefined],
    ['launchdarkly', { authorization: 'api-0000demo-write' }, 'launchdarkly-demo-write'],
    ['launchdarkly', { authorization: 'Bearer api-0000demo-write' }, undefined],
  ] as const)('%s identifies %j as %s', (vendor, headers, id) => {
    const gate = new AccessGate(vendorCore(vendor));
    const lookup = (name: string) => (headers as Record<string, string>)[name];
    expect(gate.identify(lookup)?.id).toBe(id);
  });

  it('meters a credential against its own limit, refusing once it is spent, and the window resets', () => {
    let now = 1_000_000;
    const core = vendorCore('datadog');
    const gate = new AccessGate(core, { now: () => now });
    const throttled = core.credentials.demo.find((credential) => credential.rateLimit)!;
    const results = [1, 2, 3].map(() => gate.meter(throttled));
    expect(results.map((result) => result.refusal?.status)).toEqual([undefined, undefined, 429]);
    // Datadog shows its headers on every answer, the 429 included.
    expect(results[0]!.headers['X-RateLimit-Remaining']).toBe('1');
    expect(results[2]!.refusal!.headers['X-RateLimit-Remaining']).toBe('0');
    now += 60_000;
    expect(gate.meter(throttled).refusal).toBeUndefined();
  });

  it('meters nothing for a vendor that does not rate-limit, whatever the limit configured', () => {
    const core = vendorCore('fabro');
    const gate = new AccessGate(core, { rateLimit: { limit: 1, windowMs: 60_000 } });
    const writer = core.credentials.demo[0]!;
    for (let i = 0; i < 5; i += 1) expect(gate.meter(writer)).toEqual({ headers: {} });
  });

  it('meters nothing for an unknown credential or one without a limit', () => {
    const core = vendorCore('qoder');
    const gate = new AccessGate(core);
    const writer = core.credentials.demo.find((credential) => credential.id === 'qoder-demo-write')!;
    for (let i = 0; i < 5; i += 1) expect(gate.meter(writer)).toEqual({ headers: {} });
    expect(gate.meter(undefined)).toEqual({ headers: {} });
  });

  it.each([
    ['no credential', undefined, 'GET', 401],
    ['a read-only credential reading', 'qoder-demo-read', 'GET', undefined],
    ['a read-only credential writing', 'qoder-demo-read', 'PUT', 403],
    ['a write credential writing', 'qoder-demo-write', 'PUT', undefined],
  ] as const)('authorizes %s: %s', (_name, id, method, status) => {
    const core = vendorCore('qoder');
    const credential = core.credentials.demo.find((candidate) => candidate.id === id);
    expect(new AccessGate(core).authorize(credential, method)?.status).toBe(status);
  });

  it.each([
    ['datadog', 'datadog-demo-write-only', 'GET', 403],
    ['datadog', 'datadog-demo-write-only', 'PUT', undefined],
    ['launchdarkly', 'launchdarkly-demo-write-only', 'GET', 403],
    ['launchdarkly', 'launchdarkly-demo-write-only', 'PATCH', undefined],
  ] as const)('%s: a write-only credential %s, calling %s, gets %s', (vendor, id, method, status) => {
    const core = vendorCore(vendor);
    const credential = core.credentials.demo.find((candidate) => candidate.id === id);
    expect(new AccessGate(core).authorize(credential, method)?.status).toBe(status);
  });
});

describe('explainAuthentication', () => {
  it.each([
    ['qoder', 401, undefined, 401, 'unauthenticated'],
    ['datadog', 401, undefined, 403, 'unauthenticated'],
    ['datadog', 403, undefined, 403, 'unauthenticated'],
    ['datadog', 403, 'datadog-demo-read', 403, undefined],
    ['qoder', 404, undefined, 404, undefined],
  ] as const)('%s: %i with credential %s becomes %i (%s)', (vendor, status, id, want, code) => {
    const core = vendorCore(vendor);
    const credential = core.credentials.demo.find((candidate) => candidate.id === id);
    const explained = explainAuthentication(core, new ApiError(status, 'refused'), credential);
    expect([explained.status, explained.code]).toEqual([want, code]);
    if (code) expect(explained.message).toBe(`refused: ${core.credentials.hint}`);
  });
});
