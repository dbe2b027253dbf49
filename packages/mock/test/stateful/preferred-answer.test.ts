/**
 * `Prefer` in stateful mode: a documented status (and example) is answered from the spec in the
 * vendor's envelope with its documented headers, and the store is neither read nor written; a
 * choice the operation does not document is refused with a 400, as the static mock refuses it; the
 * request's own checks (credentials, validation) still come first.
 */
import { describe, expect, it } from 'vitest';
import {
  bundleOf,
  listOperations,
  resolve,
  vendors,
  type OperationEntry,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';
import {
  documentedResponse,
  envelopeIssues,
  errorMessage,
  readPath,
  requestIdPattern,
  updateRequest,
} from '@envspec/testkit';
import { MemoryStore, credentialHeaders, vendorCore, type Store } from '@envspec/vendors';
import { createStatefulEngine, type StatefulEngine } from '../../src/stateful/index.ts';

/** An engine over the vendor's fixtures whose store counts every read and write. */
function countingEngine(vendor: Vendor): { engine: StatefulEngine; touches: string[] } {
  const inner = new MemoryStore(vendorCore(vendor).fixtures(bundleOf(vendor)));
  const touches: string[] = [];
  const store: Store<unknown> = {
    get: (key) => {
      touches.push(`get ${key}`);
      return inner.get(key);
    },
    compareAndSet: (key, expected, value) => {
      touches.push(`compareAndSet ${key}`);
      return inner.compareAndSet(key, expected, value);
    },
    close: () => inner.close(),
  };
  return { engine: createStatefulEngine(vendor, { store }), touches };
}

/** The operation's own valid request (the spec's read, or its update with the example body). */
function specRequest(vendor: Vendor, entry: OperationEntry, headers: Record<string, string> = {}): Request {
  if (entry.method === 'get')
    return new Request(`http://engine.test${readPath(vendor)}`, {
      headers: { ...credentialHeaders(vendor), ...headers },
    });
  const update = updateRequest(vendor);
  return new Request(`http://engine.test${update.path}`, {
    method: update.method,
    headers: { ...update.headers, ...credentialHeaders(vendor), 'content-type': update.contentType, ...headers },
    body: JSON.stringify(update.body),
  });
}

/** Every documented (vendor, operation, status, example name), from the bundles. */
const documented = vendors.flatMap((vendor) => {
  const document = bundleOf(vendor);
  return listOperations(document).flatMap((entry) =>
    Object.entries(entry.operation.responses).flatMap(([status, node]) => {
      const media = Object.values(resolve<ResponseObject>(document, node).content ?? {})[0];
      return Object.keys(media?.examples ?? {}).map((example, index) => ({
        vendor,
        entry,
        status: Number(status),
        example,
        first: index === 0,
      }));
    }),
  );
});

describe('a documented status asked for with Prefer', () => {
  it.each(documented.filter((row) => row.first))(
    '$vendor $entry.method $entry.path, code=$status: the documented answer, the store untouched',
    async ({ vendor, entry, status }) => {
      const { engine, touches } = countingEngine(vendor);
      const response = await engine.handle(
        specRequest(vendor, entry, { prefer: `code=${status}`, 'x-request-id': 'req-prefer-test' }),
      );
      const { example, headers } = documentedResponse(vendor, entry.operation.operationId!, status);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(example);
      for (const [name, value] of Object.entries(headers)) {
        if (name.toLowerCase() === 'x-request-id') continue;
        expect(response.headers.get(name), name).toBe(String(value));
      }
      // The request's own id, as the vendor makes it (some echo the client's), not the example's.
      const id = response.headers.get('x-request-id');
      if (vendorCore(vendor).requestId('req-prefer-test') === 'req-prefer-test') expect(id).toBe('req-prefer-test');
      else expect(id).toMatch(requestIdPattern(vendor));
      expect(response.headers.get('x-request-id')).not.toBe(String(headers['X-Request-Id']));
      expect(touches).toEqual([]);
    },
  );

  it.each(documented)(
    '$vendor $entry.method, code=$status, example=$example: that example',
    async ({ vendor, entry, status, example }) => {
      const { engine, touches } = countingEngine(vendor);
      const response = await engine.handle(
        specRequest(vendor, entry, { prefer: `code=${status}, example=${example}` }),
      );
      const document = bundleOf(vendor);
      const media = Object.values(
        resolve<ResponseObject>(document, entry.operation.responses[String(status)]!).content ?? {},
      )[0]!;
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(resolve<{ value: unknown }>(document, media.examples![example]!).value);
      expect(touches).toEqual([]);
    },
  );
});

describe.each(vendors)('%s engine, Prefer it cannot serve', (vendor) => {
  const write = listOperations(bundleOf(vendor)).find((entry) => entry.method !== 'get')!;
  it.each<[string, string, RegExp]>([
    ['an undocumented status', 'code=418', /code=418 is not a documented response of .*; documented: 200, /],
    ['an unknown example', 'example=nothingLikeIt', /example=nothingLikeIt is not an example of the 200 response/],
    ['a dynamic flag that is not a boolean', 'dynamic=maybe', /dynamic=maybe must be true or false/],
    ['generated data', 'dynamic=true', /cannot be served in stateful mode.*--mode dynamic/],
  ])('refuses %s with a 400 in the envelope, the store untouched', async (_name, prefer, message) => {
    const { engine, touches } = countingEngine(vendor);
    const response = await engine.handle(specRequest(vendor, write, { prefer }));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(errorMessage(body)).toMatch(message);
    expect(touches).toEqual([]);
  });

  it('checks the credentials first: none at all is refused whatever Prefer asks for', async () => {
    const { engine } = countingEngine(vendor);
    const response = await engine.handle(
      new Request(`http://engine.test${readPath(vendor)}`, { headers: { prefer: 'code=200' } }),
    );
    expect(response.status).toBe(vendorCore(vendor).credentials.unauthenticatedStatus);
  });

  it('validates the request first: a body the schema refuses gets its refusal whatever Prefer asks for', async () => {
    const { engine, touches } = countingEngine(vendor);
    const update = updateRequest(vendor);
    const invalid = (prefer: Record<string, string>) =>
      new Request(`http://engine.test${update.path}`, {
        method: update.method,
        headers: { ...update.headers, ...credentialHeaders(vendor), 'content-type': update.contentType, ...prefer },
        body: '{"unknown_field": true}',
      });
    const refused = await engine.handle(invalid({}));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const preferred = await engine.handle(invalid({ prefer: 'code=200' }));
    expect(preferred.status).toBe(refused.status);
    expect(touches).toEqual([]);
  });

  it('answers without Prefer from the store, as before', async () => {
    const { engine, touches } = countingEngine(vendor);
    const response = await engine.handle(specRequest(vendor, write));
    expect(response.status).toBe(200);
    expect(touches.some((touch) => touch.startsWith('compareAndSet'))).toBe(true);
  });
});
