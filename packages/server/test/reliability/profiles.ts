import {
  componentExample,
  createSchemaValidator,
  listOperations,
  loadBundle,
  vendors,
  type OpenApiDocument,
  type Vendor,
} from '@envspec/specs';

import { credentialHeaders, demoCredential, vendorCore } from '@envspec/vendors';
import type { RawReply } from '../support/raw-http.ts';

/** A location inside a JSON value: property names and array indices. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * What the reliability tests need to know about one vendor; everything else is generated. The
 * valid write comes from the spec's request examples and the credential from the vendor's demo
 * credentials, so a profile re-declares no schema.
 */
export interface VendorProfile {
  vendor: Vendor;
  document: OpenApiDocument;
  /** The seeded fixture. */
  fixturePath: string;
  /** The fixture's path with its (last) id replaced by `id`, used as given (already percent-encoded). */
  pathWithId(id: string): string;
  /** The id `pathWithId` replaces, as seeded. */
  fixtureId: string;
  /** Methods the spec defines on the fixture's path. */
  methods: string[];
  writeMethod: 'PUT' | 'PATCH';
  /** A request body the server accepts. */
  validBody: unknown;
  /** Headers a valid write needs besides the credential, from the current state (Fabro: If-Match). */
  preconditions(current: RawReply): Record<string, string>;
  /** The headers presenting a secret in the vendor's scheme. */
  credentialHeaders(secret: string): Record<string, string>;
  /** The demo credential with write access and no rate limit. */
  secret: string;
  /** Malformed credentials peculiar to this vendor's scheme. */
  wrongSchemes: Array<[string, Record<string, string>]>;
  /** 401, or 403 for Datadog. */
  unauthenticatedStatus: number;
  /** The spec's error envelope schema. */
  errorSchema: string;
  /** Free-form maps inside `validBody` (where a client chooses the keys), or the object a pollution key would go into. */
  maps: JsonPath[];
  /** A string inside `validBody` that any text may replace (a name, a label value): what a client would store. */
  freeText: JsonPath;
  /** Locations where `null` is valid (Qoder: a null name is ignored, a null description or metadata value clears it). */
  nullAllowed(path: JsonPath): boolean;
  /** The status of a JSON body the schema refuses: 400, or 422 for Fabro, whose framework answers so. */
  schemaInvalidStatus: 400 | 422;
}

/** A JSON object or array as the battery walks and rewrites it. */
type JsonContainer = Record<string | number, unknown>;

function example(document: OpenApiDocument, name: string): Record<string, unknown> {
  return componentExample<Record<string, unknown>>(document, name);
}

function methodsOf(document: OpenApiDocument): string[] {
  return listOperations(document).map(({ method }) => method.toUpperCase());
}

function stringValues(map: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [key, typeof value === 'string' ? value : `${key}-value`]),
  );
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const base64 = (text: string) => Buffer.from(text).toString('base64');

function profile(vendor: Vendor): VendorProfile {
  const document = loadBundle(vendor);
  const secret = demoCredential(vendor, 'write')!.secret;
  const common = {
    vendor,
    document,
    methods: methodsOf(document),
    secret,
    unauthenticatedStatus: vendorCore(vendor).credentials.unauthenticatedStatus,
    credentialHeaders: (presented: string) => credentialHeaders(vendor, presented),
    preconditions: () => ({}),
    nullAllowed: () => false,
    schemaInvalidStatus: 400 as const,
  };
  switch (vendor) {
    case 'qoder': {
      const base = '/api/v1/cloud/environments/';
      const fixtureId = 'env_019e3bb39b6774d8878cd0b9d237574b';
      return {
        ...common,
        fixturePath: base + fixtureId,
        fixtureId,
        pathWithId: (id) => base + id,
        writeMethod: 'PUT',
        // The metadata example deletes a key with null; here every value is a string, so a wrong type is never a valid one.
        validBody: {
          name: 'battery',
          ...example(document, 'UpdateDescriptionRequest'),
          ...example(document, 'UpdateConfigRequest'),
          metadata: stringValues(example(document, 'UpdateMetadataRequest').metadata as Record<string, unknown>),
        },
        wrongSchemes: [
          ['Basic scheme', { authorization: `Basic ${base64(`user:${secret}`)}` }],
          ['Token scheme', { authorization: `Token ${secret}` }],
          ['no scheme', { authorization: secret }],
          ['scheme without a token', { authorization: 'Bearer' }],
          ['two tokens', { authorization: `Bearer ${secret} ${secret}` }],
        ],
        errorSchema: '#/components/schemas/Error',
        maps: [['metadata']],
        freeText: ['name'],
        nullAllowed: (path) =>
          (path.length === 1 && (path[0] === 'name' || path[0] === 'description')) ||
          (path.length === 2 && path[0] === 'metadata'),
      };
    }
    case 'fabro': {
      const base = '/api/v1/environments/';
      return {
        ...common,
        fixturePath: `${base}ci-runner`,
        fixtureId: 'ci-runner',
        pathWithId: (id) => base + id,
        writeMethod: 'PUT',
        validBody: example(document, 'ReplaceWithDockerImageRequest'),
        preconditions: (current) => ({ 'if-match': String(current.headers.etag) }),
        wrongSchemes: [
          ['Basic scheme', { authorization: `Basic ${base64(`user:${secret}`)}` }],
          ['no scheme', { authorization: secret }],
          ['scheme without a token', { authorization: 'Bearer' }],
        ],
        errorSchema: '#/components/schemas/Error',
        maps: [['labels'], ['env']],
        freeText: ['labels', 'team'],
        // The example's nullable settings are set: each may be sent as null.
        nullAllowed: (path) =>
          [
            'image/dockerfile',
            'image/docker',
            'resources/cpu',
            'resources/memory',
            'resources/disk',
            'lifecycle/auto_stop',
            'volumes/0/subpath',
          ].includes(path.join('/')),
        schemaInvalidStatus: 422,
      };
    }
    case 'datadog': {
      const base = '/api/v2/feature-flags/environments/';
      const fixtureId = '550e8400-e29b-41d4-a716-446655440001';
      const [apiKey = '', applicationKey = ''] = secret.split(':');
      return {
        ...common,
        fixturePath: base + fixtureId,
        fixtureId,
        pathWithId: (id) => base + id,
        writeMethod: 'PUT',
        validBody: example(document, 'UpdateAllAttributesRequest'),
        wrongSchemes: [
          ['API key only', { 'dd-api-key': apiKey }],
          ['application key only', { 'dd-application-key': applicationKey }],
          ['keys swapped', { 'dd-api-key': applicationKey, 'dd-application-key': apiKey }],
          ['the pair in the API key header', { 'dd-api-key': secret, 'dd-application-key': 'x' }],
          [
            'the pair split elsewhere',
            { 'dd-api-key': `${apiKey}:${applicationKey.slice(0, 3)}`, 'dd-application-key': applicationKey.slice(3) },
          ],
          ['the application key as a Bearer token', { authorization: `Bearer ${applicationKey}` }],
        ],
        errorSchema: '#/components/schemas/APIErrorResponse',
        // Datadog has no free-form map; the attributes object is where a pollution key would go.
        maps: [['data', 'attributes']],
        freeText: ['data', 'attributes', 'name'],
      };
    }
    case 'launchdarkly': {
      const base = '/api/v2/projects/default/environments/';
      return {
        ...common,
        fixturePath: `${base}production`,
        fixtureId: 'production',
        pathWithId: (id) => base + id,
        writeMethod: 'PATCH',
        validBody: example(document, 'PatchRename'),
        wrongSchemes: [
          ['Bearer scheme', bearer(secret)],
          ['Basic scheme', { authorization: `Basic ${base64(`${secret}:`)}` }],
          ['two tokens', { authorization: `${secret} ${secret}` }],
        ],
        errorSchema: '#/components/schemas/Error',
        // A patch value is free-form JSON; pollution keys inside it must not reach the environment.
        maps: [[0, 'value']],
        freeText: [0, 'value'],
      };
    }
  }
}

export const profiles: VendorProfile[] = vendors.map(profile);

const validators = new Map(profiles.map((p) => [p.vendor, createSchemaValidator(p.document)]));

/** Problems with an error answer's envelope: it must match the vendor's error schema and agree with the status line and X-Request-Id. */
export function envelopeProblems(profile: VendorProfile, reply: Omit<RawReply, 'ms'>): string[] {
  const body = reply.body as { request_id?: unknown; errors?: Array<{ status?: unknown }> } | undefined;
  if (body === undefined) return [`the body is not JSON: ${reply.text.slice(0, 200)}`];
  const problems = validators
    .get(profile.vendor)!
    .validate(profile.errorSchema, body)
    .map(({ instancePath, message }) => `${profile.errorSchema}${instancePath} ${message}`);
  const requestId = reply.headers['x-request-id'];
  if (!requestId) problems.push('no X-Request-Id header');
  if (typeof body.request_id === 'string' && body.request_id !== requestId)
    problems.push(`request_id ${body.request_id} is not the X-Request-Id ${String(requestId)}`);
  if (profile.vendor === 'fabro' && body.errors?.[0]?.status !== String(reply.status))
    problems.push(`errors[0].status is not ${reply.status}`);
  if (!String(reply.headers['content-type']).startsWith('application/json'))
    problems.push(`Content-Type is ${String(reply.headers['content-type'])}`);
  return problems;
}

/** Text that would show the server's insides: stack frames, source or install paths, exception class names. */
export function leakPattern(...paths: string[]): RegExp {
  const escaped = paths.map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(
    [
      'node_modules',
      '/work/',
      'file://',
      String.raw`\n\s+at `,
      String.raw`\bat \S+ \(`,
      String.raw`\.[cm]?[jt]s:\d+`,
      String.raw`\b(?:Type|Reference|Range|Syntax|Assertion)Error\b`,
      ...escaped,
    ].join('|'),
  );
}

/** Every location in a JSON value, parents before children. */
export function jsonPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => jsonPaths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => jsonPaths(item, [...prefix, key]))];
  return here;
}

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

export function getAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), value);
}

/** A copy of `value` with the location `path` set to `replacement`. */
export function setAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1));
  if (!isContainer(parent)) throw new Error(`nothing to set at ${pathName(path)}`);
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

/** A value of another JSON type than `value`'s. */
export function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not-a-number';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { 0: 'x' };
  if (value !== null && typeof value === 'object') return ['x'];
  return 'null-was-expected';
}

export function pathName(path: JsonPath): string {
  return (
    path
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
      .join('')
      .replace(/^\./, '') || '(root)'
  );
}
