/**
 * The four Prism mocks as a frontend (or a hostile client) meets them: the spec's own update request
 * gets the spec's example; every request the mock refuses itself gets the vendor's documented status
 * and the vendor's envelope, and the mock answers normally afterwards. Also: CORS preflight, Prefer,
 * injected delay/error. (The engine dying or hanging: supervision.test.ts.)
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleOf,
  listOperations,
  resolve,
  vendors,
  type ExampleObject,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';
import { startMocks, type MockFleet } from '../src/index.ts';
import { invalidUtf8Bodies } from './support/invalid-utf8-bodies.ts';
import { credentials, sendUpdate } from './support/vendor-requests.ts';
import {
  envelopeIssues,
  errorMessage,
  findFreePort,
  readPath,
  send,
  updateRequest,
  withLastSegment,
  type RawRequest,
} from '@envspec/testkit';

const headersTimeoutMs = 1_000;
const requestTimeoutMs = 2_000;

let fleet: MockFleet;
const events: string[] = [];
beforeAll(async () => {
  const ports = Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
  fleet = await startMocks({
    ports,
    limits: { headersTimeoutMs, requestTimeoutMs },
    onLog: (vendor, line) => {
      if (line.startsWith('mock')) events.push(`${vendor} ${line}`);
    },
  });
}, 90_000);
afterAll(async () => fleet?.stop());

const mockOf = (vendor: Vendor) => fleet.mocks.find((mock) => mock.vendor === vendor)!;
const read = (vendor: Vendor, headers: Record<string, string> = {}): RawRequest => ({
  path: readPath(vendor),
  headers: { ...credentials[vendor], ...headers },
});
const update = (
  vendor: Vendor,
  body: string | Buffer,
  headers: Record<string, string> = {},
  omit: string[] = [],
): RawRequest => {
  const spec = updateRequest(vendor);
  const all: Record<string, string> = {
    ...spec.headers,
    ...credentials[vendor],
    'content-type': spec.contentType,
    ...headers,
  };
  for (const name of omit) delete all[name];
  return { method: spec.method, path: spec.path, headers: all, body };
};
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const validBody = (vendor: Vendor) => JSON.stringify(updateRequest(vendor).body);

/** A body the schema refuses: 400, but 422 for Fabro, whose framework answers so. */
const schemaRefused: Record<Vendor, number> = { qoder: 400, fabro: 422, datadog: 400, launchdarkly: 400 };

interface Refusal {
  request: (vendor: Vendor) => RawRequest;
  /** The vendor's status; a vendor left out does not have this failure. */
  want: number | Partial<Record<Vendor, number>>;
  /** What the message must say (Prism's detail or the guard's). */
  says?: RegExp;
}

const refusals: Array<[string, Refusal]> = [
  [
    'malformed percent-encoding in the path (%ff%fe)',
    {
      request: (vendor) => ({ ...read(vendor), path: withLastSegment(readPath(vendor), '%ff%fe') }),
      want: 400,
      says: /percent-encoding/,
    },
  ],
  [
    'a truncated UTF-8 escape in the path',
    {
      request: (vendor) => ({ ...read(vendor), path: withLastSegment(readPath(vendor), 'x%E0%A4%A') }),
      want: 400,
      says: /percent-encoding/,
    },
  ],
  [
    'a lone % in the query',
    {
      request: (vendor) => ({ ...read(vendor), path: `${readPath(vendor)}?q=%` }),
      want: 400,
      says: /percent-encoding/,
    },
  ],
  ['invalid JSON', { request: (vendor) => update(vendor, '{"name": '), want: 400, says: /not valid JSON/ }],
  // The same bodies for every vendor, in the same order.
  ...invalidUtf8Bodies('qoder').map(([name], index): [string, Refusal] => [
    `invalid UTF-8 ${name}`,
    { request: (vendor) => update(vendor, invalidUtf8Bodies(vendor)[index]![1]), want: 400, says: /not valid UTF-8/ },
  ]),
  [
    'a body of the wrong type',
    {
      request: (vendor) => update(vendor, '42'),
      want: schemaRefused,
      says: /body must be (object|array)/,
    },
  ],
  [
    'an unknown property deep in the body',
    {
      request: (vendor) =>
        update(
          vendor,
          vendor === 'launchdarkly'
            ? '[{"op":"replace","path":"/name","value":"x","zz":1}, {"op": 7}]'
            : '{"zz_unknown": {"a": 1}}',
        ),
      want: schemaRefused,
      says: /must/,
    },
  ],
  [
    'no credentials',
    {
      request: (vendor) => update(vendor, validBody(vendor), {}, Object.keys(credentials[vendor])),
      want: { qoder: 401, fabro: 401, datadog: 403, launchdarkly: 401 },
      says: /credentials/,
    },
  ],
  [
    'half of a key pair',
    {
      request: (vendor) => update(vendor, validBody(vendor), {}, ['dd-application-key']),
      want: { datadog: 403 },
      says: /DD-APPLICATION-KEY/,
    },
  ],
  [
    'no If-Match where it is required',
    {
      request: (vendor) => update(vendor, validBody(vendor), {}, ['if-match']),
      want: { fabro: 428 },
      says: /If-Match header is required/,
    },
  ],
  [
    'a JSON body nested 10 000 levels deep',
    { request: (vendor) => update(vendor, deep(10_000)), want: 400, says: /levels deep/ },
  ],
  [
    'a JSON body nested 40 levels deep inside a valid shape',
    { request: (vendor) => update(vendor, `{"a": ${deep(40)}}`), want: 400, says: /levels deep/ },
  ],
  [
    'a 200 KiB body',
    { request: (vendor) => update(vendor, JSON.stringify('a'.repeat(200 * 1024))), want: 413, says: /limit/ },
  ],
  [
    '20 KiB of request headers',
    { request: (vendor) => read(vendor, { 'x-padding': 'p'.repeat(20 * 1024) }), want: 431, says: /too large/ },
  ],
  [
    'a path outside the spec',
    { request: (vendor) => ({ ...read(vendor), path: '/api/nope' }), want: 404, says: /no route GET \/api\/nope/ },
  ],
  [
    'a method the path does not have',
    { request: (vendor) => ({ ...read(vendor), method: 'DELETE' }), want: 405, says: /DELETE is not allowed/ },
  ],
  [
    'a gzip body that inflates past 100 KiB',
    {
      request: (vendor) =>
        update(vendor, gzipSync(JSON.stringify('a'.repeat(1_000_000))), { 'content-encoding': 'gzip' }),
      want: 413,
      says: /limit/,
    },
  ],
  [
    'a body that is not the gzip it says it is',
    {
      request: (vendor) => update(vendor, validBody(vendor), { 'content-encoding': 'gzip' }),
      want: 400,
      says: /Content-Encoding/,
    },
  ],
  [
    'a Content-Encoding the mock does not know',
    { request: (vendor) => update(vendor, validBody(vendor), { 'content-encoding': 'zstd' }), want: 415, says: /zstd/ },
  ],
  [
    'a Content-Type that is not a media type',
    {
      request: (vendor) => update(vendor, validBody(vendor), { 'content-type': 'application/json;' }),
      want: 415,
      says: /application\/json;/,
    },
  ],
  [
    'a body that is not JSON',
    { request: (vendor) => update(vendor, 'name=x', { 'content-type': 'text/plain' }), want: 415, says: /text\/plain/ },
  ],
  [
    'a Prefer code the operation does not document',
    { request: (vendor) => read(vendor, { prefer: 'code=599' }), want: 400, says: /Prefer: code=599/ },
  ],
  [
    'a Prefer example that does not exist',
    { request: (vendor) => read(vendor, { prefer: 'example=noSuchExample' }), want: 400, says: /noSuchExample/ },
  ],
  [
    'an unreadable X-Mock-Delay',
    { request: (vendor) => read(vendor, { 'x-mock-delay': 'soon' }), want: 400, says: /X-Mock-Delay/i },
  ],
];

/** The first example of the read operation's `status` response, if it documents one. */
function documentedExample(vendor: Vendor, status: number): unknown {
  const document = bundleOf(vendor);
  const operation = listOperations(document).find((entry) => entry.method === 'get')!.operation;
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  const [example] = Object.values(
    Object.values(resolve<ResponseObject>(document, response).content ?? {})[0]?.examples ?? {},
  );
  return example === undefined ? undefined : resolve<ExampleObject>(document, example).value;
}

function wanted(refusal: Refusal, vendor: Vendor): number | undefined {
  return typeof refusal.want === 'number' ? refusal.want : refusal.want[vendor];
}

describe.each(vendors)('%s mock', (vendor) => {
  const applicable = refusals.filter(([, refusal]) => wanted(refusal, vendor) !== undefined);

  it.each(applicable)('answers %s with the vendor status and envelope, then still answers', async (_name, refusal) => {
    const { url } = mockOf(vendor);
    const reply = await send(url, refusal.request(vendor));
    expect(reply.status, reply.text).toBe(wanted(refusal, vendor));
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(envelopeIssues(vendor, reply.body)).toBe('');
    expect(reply.headers['sl-violations']).toBeUndefined();
    const requestId = reply.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    const inBody = (reply.body as { request_id?: string }).request_id;
    if (inBody !== undefined) expect(inBody).toBe(requestId);
    if (refusal.says) expect(errorMessage(reply.body)).toMatch(refusal.says);

    const after = await send(url, read(vendor));
    expect(after.status).toBe(200);
  });

  it("answers the spec's own update request with the spec's first success example", async () => {
    const spec = updateRequest(vendor);
    const reply = await sendUpdate(mockOf(vendor).url, vendor, JSON.stringify(spec.body));
    expect(reply.status).toBe(spec.status);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['sl-violations']).toBeUndefined();
    expect(reply.body).toEqual(spec.expected);
  });

  it('accepts a gzip-compressed update, as the reference server does', async () => {
    const spec = updateRequest(vendor);
    const reply = await send(
      mockOf(vendor).url,
      update(vendor, gzipSync(JSON.stringify(spec.body)), { 'content-encoding': 'gzip' }),
    );
    expect(reply.status).toBe(spec.status);
    expect(reply.body).toEqual(spec.expected);
  });

  it.each(['application/json, ', '*', 'a/b/c, application/json'])(
    'ignores the malformed Accept header %j (which kills a bare Prism)',
    async (accept) => {
      const reply = await send(mockOf(vendor).url, read(vendor, { accept }));
      expect(reply.status).toBe(200);
      expect((await send(mockOf(vendor).url, read(vendor))).status).toBe(200);
      expect(events.filter((line) => line.startsWith(`${vendor} mock: Prism`))).toEqual([]);
    },
  );

  it('serves the response a Prefer header picks (code and example)', async () => {
    const document = bundleOf(vendor);
    const operation = listOperations(document).find((entry) => entry.method === 'get')!.operation;
    const notFound = resolve<ResponseObject>(document, operation.responses['404']!);
    const [exampleName, exampleNode] = Object.entries(Object.values(notFound.content ?? {})[0]?.examples ?? {})[0]!;
    const reply = await send(mockOf(vendor).url, read(vendor, { prefer: `code=404, example=${exampleName}` }));
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(resolve<ExampleObject>(document, exampleNode).value);
  });

  it("answers a browser preflight for the update call, allowing the vendor's auth headers", async () => {
    const spec = updateRequest(vendor);
    const requested = [...Object.keys(credentials[vendor]), ...Object.keys(spec.headers), 'content-type', 'prefer'];
    const origin = 'http://localhost:5173';
    const reply = await send(mockOf(vendor).url, {
      method: 'OPTIONS',
      path: spec.path,
      headers: {
        origin,
        'access-control-request-method': spec.method,
        'access-control-request-headers': requested.join(','),
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(origin);
    expect(String(reply.headers['access-control-allow-methods']).split(/,\s*/)).toContain(spec.method);
    const allowed = String(reply.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    for (const name of requested) expect(allowed).toContain(name.toLowerCase());
    if (vendor === 'datadog') expect(allowed).toEqual(expect.arrayContaining(['dd-api-key', 'dd-application-key']));
    if (vendor === 'fabro') expect(allowed).toContain('if-match');

    const actual = await sendUpdate(mockOf(vendor).url, vendor, JSON.stringify(spec.body), { origin });
    expect(actual.status).toBe(spec.status);
    expect(actual.headers['access-control-allow-origin']).toBe(origin);
    expect(String(actual.headers['access-control-expose-headers'])).toMatch(/X-Request-Id/);
  });

  it('refuses a preflight from an origin outside the allow-list, saying how to allow it', async () => {
    const reply = await send(mockOf(vendor).url, {
      method: 'OPTIONS',
      path: readPath(vendor),
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(errorMessage(reply.body)).toMatch(/--cors-origin https:\/\/evil\.example/);
  });

  it('waits X-Mock-Delay milliseconds before answering', async () => {
    const reply = await send(mockOf(vendor).url, read(vendor, { 'x-mock-delay': '400' }));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeGreaterThanOrEqual(400);
  });

  it('injects an error in the vendor envelope with X-Mock-Error-Rate', async () => {
    // A status the read documents is served from its example instead: pick one it does not.
    const status = [500, 503].find((candidate) => documentedExample(vendor, candidate) === undefined)!;
    const reply = await send(
      mockOf(vendor).url,
      read(vendor, { 'x-mock-error-rate': '1', 'x-mock-error-status': String(status) }),
    );
    expect(reply.status).toBe(status);
    expect(envelopeIssues(vendor, reply.body)).toBe('');
    expect(errorMessage(reply.body)).toMatch(/injected/);
    expect((await send(mockOf(vendor).url, read(vendor, { 'x-mock-error-rate': '0' }))).status).toBe(200);
  });

  it('serves an injected status the spec documents from its example, with its headers', async () => {
    // The rate limit where the vendor has one (429 and its headers), else the store failure Fabro documents.
    const status = documentedExample(vendor, 429) === undefined ? 500 : 429;
    const reply = await send(
      mockOf(vendor).url,
      read(vendor, { 'x-mock-error-rate': '1', 'x-mock-error-status': String(status) }),
    );
    expect(reply.status).toBe(status);
    expect(envelopeIssues(vendor, reply.body)).toBe('');
    expect(reply.body).toEqual(documentedExample(vendor, status));
    if (status === 429)
      expect(Object.keys(reply.headers).some((name) => name === 'retry-after' || name.startsWith('x-ratelimit-'))).toBe(
        true,
      );
  });
});

/** Opens a connection, sends `partial`, and waits for whatever the mock answers before closing. */
function stall(baseUrl: string, partial: string): Promise<{ text: string; ms: number }> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(partial));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.once('error', reject);
    socket.once('close', () => resolvePromise({ text, ms: Date.now() - started }));
    socket.setTimeout(15_000, () => socket.destroy(new Error('the mock never answered a stalled request')));
  });
}

describe.concurrent.each(vendors)('%s mock, slow clients', (vendor) => {
  it('answers 408 in the vendor envelope when the headers never finish, then still answers', async () => {
    const { text, ms } = await stall(
      mockOf(vendor).url,
      `GET ${readPath(vendor)} HTTP/1.1\r\nHost: localhost\r\nX-Slow: `,
    );
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(envelopeIssues(vendor, JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)))).toBe('');
    // Not before the headers timeout; how soon after depends on the machine (a mock that never answers fails the stall).
    expect(ms).toBeGreaterThanOrEqual(headersTimeoutMs - 50);
    expect((await send(mockOf(vendor).url, read(vendor))).status).toBe(200);
  }, 20_000);

  it('answers 408 when the body never finishes', async () => {
    const spec = updateRequest(vendor);
    const head = `${spec.method} ${spec.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na`;
    const { text } = await stall(mockOf(vendor).url, head);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);
});
