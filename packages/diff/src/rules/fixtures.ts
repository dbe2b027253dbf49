/**
 * Small documents for rule cases: one operation with the part a rule looks at, so a case reads as
 * the change it pins (`requestBody(property({maxLength: 10}))` → `requestBody(property({maxLength: 5}))`).
 */
import type { RuleCase } from './rule.ts';

export type Json = Record<string, unknown>;

export interface FixtureOptions {
  /** `3.0.3` writes the same document as OpenAPI 3.0. */
  openapi?: string;
  components?: Json;
  mediaType?: string;
}

export function document(paths: Json, options: FixtureOptions & { extra?: Json } = {}): Json {
  return {
    openapi: options.openapi ?? '3.1.0',
    info: { title: 'Fixture', version: '1.0.0' },
    paths,
    ...(options.components ? { components: options.components } : {}),
    ...options.extra,
  };
}

const ok = { '200': { description: 'OK' } };

/** `POST /things` with `schema` as its (required) JSON request body. */
export function requestBody(schema: unknown, options: FixtureOptions & { required?: boolean } = {}): Json {
  return document(
    {
      '/things': {
        post: {
          requestBody: {
            required: options.required ?? true,
            content: { [options.mediaType ?? 'application/json']: { schema } },
          },
          responses: ok,
        },
      },
    },
    options,
  );
}

/** `GET /things` answering 200 (or `status`) with `schema` as its JSON body. */
export function responseBody(
  schema: unknown,
  options: FixtureOptions & { status?: string; headers?: Json } = {},
): Json {
  return document(
    {
      '/things': {
        get: {
          responses: {
            [options.status ?? '200']: {
              description: 'OK',
              ...(options.headers ? { headers: options.headers } : {}),
              content: { [options.mediaType ?? 'application/json']: { schema } },
            },
          },
        },
      },
    },
    options,
  );
}

/** `GET /things/{id}` with these parameters (besides `id`). */
export function parameters(list: Json[], options: FixtureOptions = {}): Json {
  return document(
    {
      '/things/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...list],
          responses: ok,
        },
      },
    },
    options,
  );
}

/** One query parameter `q` with this schema (and extra fields). */
export function query(schema: unknown, extra: Json = {}, options: FixtureOptions = {}): Json {
  return parameters([{ name: 'q', in: 'query', schema, ...extra }], options);
}

/** `GET /things` whose 200 response has the header `X-Rate-Limit` as given. */
export function responseHeader(header: Json | undefined, options: FixtureOptions = {}): Json {
  return document(
    {
      '/things': {
        get: {
          responses: {
            '200': {
              description: 'OK',
              ...(header ? { headers: { 'X-Rate-Limit': header } } : {}),
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
    options,
  );
}

/** `{type: object, properties: {value: schema}}`, `value` required unless told otherwise. */
export function property(schema: unknown, options: { required?: boolean; extra?: Json } = {}): Json {
  return {
    type: 'object',
    properties: { value: schema },
    ...((options.required ?? true) ? { required: ['value'] } : {}),
    ...options.extra,
  };
}

/** A document with `operation` at `method path` and nothing else. */
export function operation(
  method: string,
  path: string,
  definition: Json,
  options: FixtureOptions & { extra?: Json } = {},
): Json {
  return document({ [path]: { [method]: { responses: ok, ...definition } } }, options);
}

export function pair(name: string, base: unknown, head: unknown, reports = true): RuleCase {
  return { name, base, head, ...(reports ? {} : { reports: false }) };
}

/** The same fixture as OpenAPI 3.0. */
export function v30(fixture: Json): Json {
  return { ...fixture, openapi: '3.0.3' };
}
