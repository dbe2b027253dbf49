/**
 * The bad-input battery: every vendor × every kind of hostile or broken request, generated from the
 * vendor profiles. Each case must answer the expected 4xx in the vendor's documented error
 * envelope, show nothing of the server's insides, and leave the stored state (the fixture as GET
 * returns it, and the files of the file store) exactly as it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import { bytesMarker, errorMessage, invalidUtf8Sequences, withBytes } from '@envspec/testkit';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { agent, httpRequest, socketExchange, type RawReply } from '../support/raw-http.ts';
import {
  envelopeProblems,
  getAt,
  jsonPaths,
  leakPattern,
  pathName,
  profiles,
  setAt,
  wrongType,
  type VendorProfile,
} from './profiles.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'envspec-battery-'));
const leaks = leakPattern(dataDir, `${tmpdir()}/`);
let fleet: ServerFleet;
const url = (vendor: Vendor) => fleet.servers.find((s) => s.vendor === vendor)!.url;

interface Baseline {
  reply: RawReply;
  files: string;
}
const baseline = new Map<Vendor, Baseline>();

function snapshot(vendor: Vendor): string {
  const directory = join(dataDir, vendor);
  return JSON.stringify(
    readdirSync(directory)
      .sort()
      .map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  );
}

async function current(profile: VendorProfile): Promise<RawReply> {
  return httpRequest(url(profile.vendor), {
    method: 'GET',
    path: profile.fixturePath,
    headers: profile.credentialHeaders(profile.secret),
  });
}

beforeAll(async () => {
  fleet = await startServers({ ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])), dataDir });
  for (const profile of profiles)
    baseline.set(profile.vendor, { reply: await current(profile), files: snapshot(profile.vendor) });
});

afterAll(async () => {
  agent.destroy();
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.ENVSPEC_RELIABILITY_REPORT)
    writeFileSync(process.env.ENVSPEC_RELIABILITY_REPORT, JSON.stringify([...observed.values()], null, 2));
});

/** What the battery saw, per vendor and kind of input, for the README's table. */
const observed = new Map<
  string,
  { vendor: Vendor; kind: string; cases: number; statuses: Record<number, number>; answers: string[] }
>();
function record(vendor: Vendor, kind: string, name: string, reply: RawReply): void {
  const key = `${vendor}/${kind}`;
  const entry = observed.get(key) ?? { vendor, kind, cases: 0, statuses: {}, answers: [] };
  entry.cases += 1;
  entry.statuses[reply.status] = (entry.statuses[reply.status] ?? 0) + 1;
  entry.answers.push(`${name} → ${reply.status} ${reply.text.slice(0, 400)}`);
  observed.set(key, entry);
}

interface RequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

interface BadInput {
  kind: string;
  /** Builds the request from a valid write, given as `valid`. */
  request(valid: RequestSpec, profile: VendorProfile): RequestSpec;
  /** Acceptable statuses. */
  want: readonly number[];
  /** What the message must say, where the reason is one the server must name. */
  says?: RegExp;
  /** The answer must carry an Allow header naming exactly the spec's methods. */
  allow?: boolean;
}

function validWrite(profile: VendorProfile): RequestSpec {
  return {
    method: profile.writeMethod,
    path: profile.fixturePath,
    headers: {
      ...profile.credentialHeaders(profile.secret),
      ...profile.preconditions(baseline.get(profile.vendor)!.reply),
      'content-type': 'application/json',
    },
    body: JSON.stringify(profile.validBody),
  };
}

const withBody =
  (body: string | Buffer, contentType = 'application/json') =>
  (valid: RequestSpec): RequestSpec => ({ ...valid, headers: { ...valid.headers, 'content-type': contentType }, body });
const withJson =
  (make: (profile: VendorProfile) => unknown) =>
  (valid: RequestSpec, profile: VendorProfile): RequestSpec => ({ ...valid, body: JSON.stringify(make(profile)) });
const withoutCredential = (valid: RequestSpec, profile: VendorProfile): Record<string, string> =>
  Object.fromEntries(
    Object.entries(valid.headers).filter(
      ([name]) => !Object.keys(profile.credentialHeaders(profile.secret)).includes(name),
    ),
  );
const withCredential =
  (headers: (profile: VendorProfile) => Record<string, string>) =>
  (valid: RequestSpec, profile: VendorProfile): RequestSpec => ({
    ...valid,
    headers: { ...withoutCredential(valid, profile), ...headers(profile) },
  });
const withId =
  (id: string) =>
  (valid: RequestSpec, profile: VendorProfile): RequestSpec => ({ ...valid, path: profile.pathWithId(id) });

/** `{"<key>": <value>}` placed at a map of the valid body, as raw text, since JSON.stringify drops a `__proto__` key. */
function pollute(profile: VendorProfile, map: readonly (string | number)[], members: string): string {
  const marker = '"@@map@@"';
  return JSON.stringify(setAt(profile.validBody, map, '@@map@@')).replace(marker, `{${members}}`);
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const megabyte = 'x'.repeat(1024 * 1024);
const over = 'x'.repeat(150 * 1024);

function badInputs(profile: VendorProfile): Array<[string, BadInput]> {
  const valid = JSON.stringify(profile.validBody);
  const firstMap = profile.maps[0]!;
  const schema = profile.schemaInvalidStatus;
  const cases: Array<[string, BadInput]> = [
    // Syntax.
    [
      'invalid JSON: single quotes',
      { kind: 'invalid or truncated JSON', request: withBody(valid.replaceAll('"', "'")), want: [400] },
    ],
    [
      'invalid JSON: trailing comma',
      { kind: 'invalid or truncated JSON', request: withBody(valid.replace(/[}\]]$/, ',$&')), want: [400] },
    ],
    ['invalid JSON: bare word', { kind: 'invalid or truncated JSON', request: withBody('nul'), want: [400] }],
    ['invalid JSON: NaN', { kind: 'invalid or truncated JSON', request: withBody('[NaN]'), want: [400] }],
    [
      'invalid JSON: bytes that are not UTF-8',
      {
        kind: 'invalid or truncated JSON',
        request: withBody(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
        // The strict decoder refuses it before JSON parsing, for every vendor.
        want: [400],
      },
    ],
    [
      'invalid JSON: a NUL byte',
      {
        kind: 'invalid or truncated JSON',
        request: withBody(`${valid.slice(0, 5)}\u0000${valid.slice(5)}`),
        want: [400],
      },
    ],
    [
      'truncated JSON: half the body',
      {
        kind: 'invalid or truncated JSON',
        request: withBody(valid.slice(0, Math.floor(valid.length / 2))),
        want: [400],
      },
    ],
    [
      'truncated JSON: last byte missing',
      { kind: 'invalid or truncated JSON', request: withBody(valid.slice(0, -1)), want: [400] },
    ],
    [
      'JSON scalar instead of a document',
      { kind: 'invalid or truncated JSON', request: withBody('"just a string"'), want: [400] },
    ],
    ['JSON null document', { kind: 'invalid or truncated JSON', request: withBody('null'), want: [400] }],
    // Encoding: where a client's text would be stored, and where its keys would be.
    ...invalidUtf8Sequences.flatMap(
      ([name, bytes]): Array<[string, BadInput]> => [
        [
          `invalid UTF-8 in a string value: ${name}`,
          {
            kind: 'invalid UTF-8',
            request: (v, p) => ({
              ...v,
              body: withBytes(JSON.stringify(setAt(p.validBody, p.freeText, `text${bytesMarker}`)), bytes),
            }),
            want: [400],
            says: /not valid UTF-8/,
          },
        ],
        [
          `invalid UTF-8 in a key: ${name}`,
          {
            kind: 'invalid UTF-8',
            request: (v, p) => ({ ...v, body: withBytes(pollute(p, firstMap, `"key${bytesMarker}":"v"`), bytes) }),
            want: [400],
            says: /not valid UTF-8/,
          },
        ],
      ],
    ),
    // An empty JSON body parses as `{}`, which the schema refuses; whitespace alone is not JSON.
    ['empty body', { kind: 'empty body', request: withBody(''), want: [schema] }],
    ['whitespace-only body', { kind: 'empty body', request: withBody('  \r\n\t '), want: [400] }],
    ['empty JSON object', { kind: 'empty body', request: withBody('{}'), want: [schema] }],
    ['empty JSON array', { kind: 'empty body', request: withBody('[]'), want: [schema] }],
    [
      'empty body without Content-Type',
      {
        kind: 'empty body',
        request: (v) => ({ ...v, headers: withoutHeader(v.headers, 'content-type'), body: '' }),
        want: [400, 415],
      },
    ],
    [
      'array and object swapped',
      {
        kind: 'array/object swapped',
        request: withJson((p) => (Array.isArray(p.validBody) ? p.validBody[0] : [p.validBody])),
        want: [schema],
      },
    ],
    // Media types.
    ...(
      [
        ['text/plain', 415],
        ['application/x-www-form-urlencoded', 415],
        ['multipart/form-data; boundary=x', 415],
        ['application/xml', 415],
        ['application/json; charset=latin1', 415],
        ['application/json; charset=utf-16', 400],
        [profile.vendor === 'launchdarkly' ? 'application/merge-patch+json' : 'application/json-patch+json', 415],
      ] as const
    ).map(([type, status]): [string, BadInput] => [
      `Content-Type ${type}`,
      { kind: 'wrong Content-Type', request: withBody(valid, type), want: [status] },
    ]),
    [
      'no Content-Type',
      {
        kind: 'wrong Content-Type',
        request: (v) => ({ ...v, headers: withoutHeader(v.headers, 'content-type') }),
        want: [415],
      },
    ],
    [
      'Content-Encoding gzip that is not gzip',
      {
        kind: 'wrong Content-Type',
        request: (v) => ({ ...v, headers: { ...v.headers, 'content-encoding': 'gzip' } }),
        want: [400],
      },
    ],
    [
      'Content-Encoding the server does not know',
      {
        kind: 'wrong Content-Type',
        request: (v) => ({ ...v, headers: { ...v.headers, 'content-encoding': 'compress' } }),
        want: [415],
      },
    ],
    // Sizes and depth.
    [
      'body over the 100 KiB limit',
      {
        kind: 'body over the limit',
        request: withJson((p) => setAt(p.validBody, [...firstMap], { big: over })),
        want: [413],
      },
    ],
    [
      'megabyte string',
      {
        kind: 'body over the limit',
        request: withJson((p) => setAt(p.validBody, [...firstMap], { big: megabyte })),
        want: [413],
      },
    ],
    [
      'megabyte of multi-byte characters',
      {
        kind: 'body over the limit',
        request: withJson((p) => setAt(p.validBody, [...firstMap], { big: '環'.repeat(350_000) })),
        want: [413],
      },
    ],
    [
      'gzip bomb: 20 KiB inflating to 20 MiB',
      {
        kind: 'body over the limit',
        request: (v) => ({
          ...v,
          headers: { ...v.headers, 'content-encoding': 'gzip' },
          body: gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)),
        }),
        want: [413],
      },
    ],
    [
      '10k-deep arrays',
      {
        kind: '10k-deep nesting',
        request: withBody(pollute(profile, firstMap, `"deep":${deepArray(10_000)}`)),
        want: [400],
      },
    ],
    [
      '10k-deep objects',
      {
        kind: '10k-deep nesting',
        request: withBody(pollute(profile, firstMap, `"deep":${deepObject(10_000)}`)),
        want: [400],
      },
    ],
    ['10k-deep document', { kind: '10k-deep nesting', request: withBody(deepArray(10_000)), want: [400] }],
    // Types, nulls, unknown fields.
    ...jsonPaths(profile.validBody).flatMap((path): Array<[string, BadInput]> => {
      const value = getAt(profile.validBody, path);
      const typed: Array<[string, BadInput]> = [];
      if (value !== null)
        typed.push([
          `${pathName(path)} of the wrong type`,
          {
            kind: 'wrong type or null',
            request: withJson((p) => setAt(p.validBody, path, wrongType(value))),
            want: [schema],
          },
        ]);
      if (value !== null && !profile.nullAllowed(path))
        typed.push([
          `${pathName(path)} null`,
          { kind: 'wrong type or null', request: withJson((p) => setAt(p.validBody, path, null)), want: [schema] },
        ]);
      return typed;
    }),
    ...[[], ...jsonPaths(profile.validBody)]
      .filter((path) => {
        const value = getAt(profile.validBody, path);
        return (
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          !profile.maps.some((map) => pathName(map) === pathName(path))
        );
      })
      .map((path): [string, BadInput] => [
        `unknown field in ${pathName(path)}`,
        {
          kind: 'unknown fields',
          request: withJson((p) => setAt(p.validBody, [...path, 'zz_unknown'], true)),
          want: [schema],
        },
      ]),
    // Prototype pollution inside the free-form maps.
    ...profile.maps.flatMap(
      (map): Array<[string, BadInput]> =>
        [
          ['__proto__ holding an object', '"__proto__":{"polluted":"yes"}'],
          ['__proto__ holding a string', '"__proto__":"polluted"'],
          ['constructor.prototype', '"constructor":{"prototype":{"polluted":"yes"}}'],
          ['prototype', '"prototype":{"polluted":"yes"}'],
          ['__proto__ beside a valid key', '"ok":"fine","__proto__":{"polluted":"yes"}'],
        ].map(([name, members]): [string, BadInput] => [
          `${name} in ${pathName(map)}`,
          { kind: 'prototype-pollution keys', request: withBody(pollute(profile, map, members!)), want: [schema] },
        ]),
    ),
    // Ids.
    ...(
      [
        ['../ in the id', '..%2F..%2Fetc%2Fpasswd'],
        ['literal ../ segments', '../../../etc/passwd'],
        ['%2e%2e', '%2e%2e'],
        ['%2e%2e%2f traversal', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
        ['single dot', '.'],
        ['%00', '%00'],
        ['the fixture id then %00', `${profile.fixtureId}%00`],
        ['the fixture id then %00.json', `${profile.fixtureId}%00.json`],
        ['unicode', encodeURIComponent('環境-ünïcødé-🚀')],
        ['right-to-left override', encodeURIComponent(`${profile.fixtureId}\u202e`)],
        ['10k characters', 'a'.repeat(10_000)],
        ['broken percent-encoding', '%E0%A4%A'],
        ['percent-encoding that is not UTF-8', '%ff%fe'],
        ['the fixture id in upper case', profile.fixtureId.toUpperCase()],
      ] as const
    )
      // Datadog ids are UUIDs, which name the same environment in any case.
      .filter(([name]) => !(profile.vendor === 'datadog' && name === 'the fixture id in upper case'))
      .map(([name, id]): [string, BadInput] => [
        `id: ${name}`,
        { kind: 'hostile ids', request: withId(id), want: [400, 404] },
      ]),
    // Credentials.
    ...(
      [
        ['missing', () => ({})],
        ['empty', (p: VendorProfile) => mapValues(p.credentialHeaders(p.secret), () => '')],
        ['whitespace', (p: VendorProfile) => mapValues(p.credentialHeaders(p.secret), () => '   ')],
        ['garbage', (p: VendorProfile) => mapValues(p.credentialHeaders(p.secret), () => '%%%garbage\t!!*')],
        ['unknown secret', (p: VendorProfile) => p.credentialHeaders(`${p.secret.slice(0, -1)}X`)],
        ['secret prefix', (p: VendorProfile) => p.credentialHeaders(p.secret.slice(0, -1))],
        ['secret with a suffix', (p: VendorProfile) => p.credentialHeaders(`${p.secret}x`)],
        ['10k-character secret', (p: VendorProfile) => p.credentialHeaders('a'.repeat(10_000))],
        [
          "another vendor's valid secret",
          (p: VendorProfile) =>
            p.credentialHeaders(
              profiles.find((other) => other.vendor !== p.vendor && !other.secret.includes(':'))!.secret,
            ),
        ],
        ...profile.wrongSchemes.map(([name, headers]) => [`wrong scheme: ${name}`, () => headers] as const),
      ] as const
    ).map(([name, headers]): [string, BadInput] => [
      `credential ${name}`,
      {
        kind: 'missing/garbage/wrong-scheme auth',
        request: withCredential(headers),
        want: [profile.unauthenticatedStatus],
      },
    ]),
    // Methods.
    ...['GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS', 'TRACE']
      .filter((method) => !profile.methods.includes(method))
      .map((method): [string, BadInput] => [
        `method ${method}`,
        { kind: 'methods the spec does not define', request: (v) => ({ ...v, method }), want: [405], allow: true },
      ]),
  ];
  return cases;
}

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}
function mapValues(headers: Record<string, string>, value: () => string): Record<string, string> {
  return Object.fromEntries(Object.keys(headers).map((name) => [name, value()]));
}

async function expectUnchanged(profile: VendorProfile): Promise<void> {
  const before = baseline.get(profile.vendor)!;
  const after = await current(profile);
  expect(after.status).toBe(200);
  expect(after.body).toEqual(before.reply.body);
  expect(after.headers.etag).toBe(before.reply.headers.etag);
  expect(snapshot(profile.vendor)).toBe(before.files);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

function expectCleanError(profile: VendorProfile, reply: RawReply, want: readonly number[]): void {
  expect(want, `status ${reply.status}: ${reply.text.slice(0, 300)}`).toContain(reply.status);
  expect(envelopeProblems(profile, reply)).toEqual([]);
  expect(reply.text).not.toMatch(leaks);
}

const battery = profiles.flatMap((profile) =>
  badInputs(profile).map(([name, input]): [string, VendorProfile, BadInput] => [
    `${profile.vendor}: ${name}`,
    profile,
    input,
  ]),
);

describe('bad input: a 4xx in the vendor envelope, nothing leaked, nothing stored', () => {
  it.each(battery)('%s', async (name, profile, input) => {
    const request = input.request(validWrite(profile), profile);
    const reply = await httpRequest(url(profile.vendor), request);
    record(profile.vendor, input.kind, name, reply);
    expectCleanError(profile, reply, input.want);
    if (input.says) expect(errorMessage(reply.body)).toMatch(input.says);
    if (input.allow) expect(String(reply.headers.allow).split(/,\s*/).sort()).toEqual([...profile.methods].sort());
    await expectUnchanged(profile);
  });
});

/** Requests node:http will not send: they need a raw socket. */
const rawInputs: Array<
  [
    string,
    {
      kind: string;
      bytes(profile: VendorProfile, valid: RequestSpec): string | Buffer;
      want: readonly number[];
      halfClose?: boolean;
      closes?: boolean;
    },
  ]
> = [
  [
    'one 20 KiB header',
    {
      kind: 'oversized headers',
      bytes: (p) => head('GET', p.fixturePath, { 'x-big': 'a'.repeat(20 * 1024) }),
      want: [431],
    },
  ],
  [
    '3,000 small headers',
    {
      kind: 'oversized headers',
      bytes: (p) =>
        head('GET', p.fixturePath, Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x-h${i}`, 'v']))),
      want: [431],
    },
  ],
  [
    'a 20 KiB path',
    { kind: 'oversized headers', bytes: (p) => head('GET', p.pathWithId('a'.repeat(20 * 1024)), {}), want: [431] },
  ],
  [
    'a 10 GB Content-Length',
    {
      kind: 'body over the limit',
      bytes: (_p, v) => `${head(v.method, v.path, { ...v.headers, 'content-length': '10000000000' })}{"a":`,
      want: [413],
      closes: true,
    },
  ],
  [
    'chunked body over the limit',
    {
      kind: 'body over the limit',
      bytes: (_p, v) =>
        head(v.method, v.path, { ...v.headers, 'transfer-encoding': 'chunked' }) + chunked(`{"a":"${over}"}`),
      want: [413],
    },
  ],
  [
    'body cut off by the client',
    {
      kind: 'invalid or truncated JSON',
      bytes: (_p, v) => head(v.method, v.path, { ...v.headers, 'content-length': '500' }) + String(v.body).slice(0, 20),
      want: [400],
      halfClose: true,
    },
  ],
  ['garbage instead of HTTP', { kind: 'malformed HTTP', bytes: () => 'HELLO SERVER\r\n\r\n', want: [400] }],
  [
    'a raw NUL byte in the path',
    { kind: 'hostile ids', bytes: (p) => head('GET', p.pathWithId('a\u0000b'), {}), want: [400] },
  ],
  [
    'raw UTF-8 bytes in the path',
    {
      kind: 'hostile ids',
      bytes: (p) => Buffer.from(head('GET', p.pathWithId('環境'), p.credentialHeaders(p.secret)), 'utf8'),
      want: [400, 404],
    },
  ],
  [
    'a header without a colon',
    {
      kind: 'malformed HTTP',
      bytes: (p) => head('GET', p.fixturePath, {}).replace('\r\n\r\n', '\r\nno colon here\r\n\r\n'),
      want: [400],
    },
  ],
];

function head(method: string, path: string, headers: Record<string, string>): string {
  const lines = Object.entries({ host: 'localhost', connection: 'close', ...headers }).map(
    ([name, value]) => `${name}: ${value}\r\n`,
  );
  return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n`;
}
function chunked(text: string): string {
  const pieces = text.match(/[\s\S]{1,16384}/g) ?? [];
  return `${pieces.map((piece) => `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`).join('')}0\r\n\r\n`;
}

const rawBattery = profiles.flatMap((profile) =>
  rawInputs.map(([name, input]): [string, VendorProfile, (typeof rawInputs)[number][1]] => [
    `${profile.vendor}: ${name}`,
    profile,
    input,
  ]),
);

describe('bad input on a raw socket: the same guarantees before Express runs', () => {
  it.each(rawBattery)('%s', async (name, profile, input) => {
    const valid = validWrite(profile);
    const bytes = input.bytes(profile, { ...valid, headers: withoutHeader(valid.headers, 'content-length') });
    const exchange = await socketExchange(url(profile.vendor), (write, end) => {
      write(bytes);
      if (input.halfClose) end();
    });
    expect(exchange.reply, exchange.raw.slice(0, 300)).toBeDefined();
    record(profile.vendor, input.kind, name, exchange.reply!);
    expectCleanError(profile, exchange.reply!, input.want);
    if (input.closes) expect(exchange.reply!.headers.connection).toBe('close');
    await expectUnchanged(profile);
  });
});

describe('the battery is not vacuous', () => {
  it.each(profiles)('$vendor: the envelope check refuses a body outside the error schema', (profile) => {
    const reply: RawReply = {
      status: 400,
      headers: { 'x-request-id': 'req_1', 'content-type': 'application/json' },
      text: '{"message":"x"}',
      body: { message: 'x' },
      ms: 0,
    };
    expect(envelopeProblems(profile, reply)).not.toEqual([]);
  });
  it('the leak check recognises a stack trace and the data directory', () => {
    expect('TypeError: boom\n    at handler (/srv/app/src/handler.ts:3:5)').toMatch(leaks);
    expect(`cannot open ${join(dataDir, 'qoder', 'x.json')}`).toMatch(leaks);
  });
  it('the data directory holds only the four vendor folders', () => {
    expect(readdirSync(dataDir).sort()).toEqual([...vendors].sort());
  });
  it.each(profiles)('$vendor: the valid write the cases start from is accepted', async (profile) => {
    const reply = await httpRequest(url(profile.vendor), validWrite(profile));
    expect(reply.status, reply.text).toBe(200);
    expect(snapshot(profile.vendor)).not.toBe(baseline.get(profile.vendor)!.files);
  });
});
