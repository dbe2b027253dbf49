/**
 * The breaking-change classifier, one row per kind of spec change: `given` edits a copy of a small
 * fixture spec, `want` is every change the classifier must report — rule, severity and where —
 * and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, vendors, type OpenApiDocument } from '@envspec/specs';
import { diffSpecs, type Severity } from '../../src/spec-review/diff.ts';

// biome-ignore lint/suspicious/noExplicitAny: the fixtures are edited freely, at any depth
type Json = Record<string, any>;

/** One operation that uses every part of a spec the classifier looks at. */
function fixture(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Fixture', version: '1.0.0' },
    security: [{ bearerAuth: [] }],
    paths: {
      '/environments/{id}': {
        parameters: [{ $ref: '#/components/parameters/Id' }],
        put: {
          operationId: 'updateEnvironment',
          parameters: [{ name: 'dry_run', in: 'query', required: false, schema: { type: 'boolean' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateRequest' } } },
          },
          responses: {
            '200': {
              description: 'Updated.',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Environment' } } },
            },
            '404': {
              description: 'Not found.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
    },
    components: {
      parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
      schemas: {
        Tier: { type: 'string', enum: ['small', 'large'] },
        UpdateRequest: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 64 },
            description: { type: 'string' },
            tier: { $ref: '#/components/schemas/Tier' },
            replicas: { type: 'integer', minimum: 1 },
          },
        },
        Environment: {
          type: 'object',
          required: ['id', 'name', 'status', 'replicas'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string', maxLength: 64 },
            description: { type: 'string' },
            status: { type: 'string', enum: ['ready', 'stopped'] },
            replicas: { type: 'integer' },
            tags: { type: 'array', items: { type: 'string' } },
            image: {
              oneOf: [{ $ref: '#/components/schemas/DockerImage' }, { $ref: '#/components/schemas/Dockerfile' }],
            },
            parent: { $ref: '#/components/schemas/Environment' },
          },
        },
        DockerImage: { type: 'object', required: ['docker'], properties: { docker: { type: 'string' } } },
        Dockerfile: { type: 'object', required: ['dockerfile'], properties: { dockerfile: { type: 'string' } } },
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      },
    },
  };
}

const schemas = (spec: Json) => spec.components.schemas;
const put = (spec: Json) => spec.paths['/environments/{id}'].put;
const REQ = 'request application/json';
const RES = 'response 200 application/json';

type Want = [rule: string, severity: Severity, where: string];

const cases: Array<[string, { given: (spec: Json) => void; want: Want[] }]> = [
  // The six changes the issue names.
  [
    'remove a response field',
    {
      given: (s) => delete schemas(s).Environment.properties.description,
      want: [['property-removed', 'breaking', `${RES} body.description`]],
    },
  ],
  [
    'make an optional request field required',
    {
      given: (s) => (schemas(s).UpdateRequest.required = ['name']),
      want: [['property-became-required', 'breaking', `${REQ} body.name`]],
    },
  ],
  [
    'narrow a request enum',
    {
      given: (s) => (schemas(s).Tier.enum = ['small']),
      want: [['enum-value-removed', 'breaking', `${REQ} body.tier`]],
    },
  ],
  [
    'change a type (response field)',
    {
      given: (s) => (schemas(s).Environment.properties.replicas.type = 'string'),
      want: [['type-changed', 'breaking', `${RES} body.replicas`]],
    },
  ],
  [
    'change a type (request field)',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.replicas = { type: 'string' }),
      want: [['type-changed', 'breaking', `${REQ} body.replicas`]],
    },
  ],
  [
    'add an optional request field',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.owner = { type: 'string' }),
      want: [['property-added', 'non-breaking', `${REQ} body.owner`]],
    },
  ],
  [
    'add an enum value to a response',
    {
      given: (s) => schemas(s).Environment.properties.status.enum.push('deleting'),
      want: [['enum-value-added', 'breaking', `${RES} body.status`]],
    },
  ],

  // Their mirror images.
  [
    'narrow a response enum',
    {
      given: (s) => (schemas(s).Environment.properties.status.enum = ['ready']),
      want: [['enum-value-removed', 'non-breaking', `${RES} body.status`]],
    },
  ],
  [
    'add an enum value to a request',
    {
      given: (s) => schemas(s).Tier.enum.push('medium'),
      want: [['enum-value-added', 'non-breaking', `${REQ} body.tier`]],
    },
  ],
  [
    'add a response field',
    {
      given: (s) => (schemas(s).Environment.properties.region = { type: 'string' }),
      want: [['property-added', 'non-breaking', `${RES} body.region`]],
    },
  ],
  [
    'make a required response field optional',
    {
      given: (s) => (schemas(s).Environment.required = ['id', 'name', 'status']),
      want: [['property-became-optional', 'breaking', `${RES} body.replicas`]],
    },
  ],
  [
    'make an optional response field required',
    {
      given: (s) => schemas(s).Environment.required.push('description'),
      want: [['property-became-required', 'non-breaking', `${RES} body.description`]],
    },
  ],
  [
    'widen a response type with null',
    {
      given: (s) => (schemas(s).Environment.properties.name.type = ['string', 'null']),
      want: [['type-widened', 'breaking', `${RES} body.name`]],
    },
  ],
  [
    'widen a request type with null',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.name.type = ['string', 'null']),
      want: [['type-widened', 'non-breaking', `${REQ} body.name`]],
    },
  ],
  [
    'integer to number in a request',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.replicas.type = 'number'),
      want: [['type-widened', 'non-breaking', `${REQ} body.replicas`]],
    },
  ],

  // Request bodies.
  [
    'add a required request field',
    {
      given: (s) => {
        schemas(s).UpdateRequest.properties.owner = { type: 'string' };
        schemas(s).UpdateRequest.required = ['owner'];
      },
      want: [['required-property-added', 'breaking', `${REQ} body.owner`]],
    },
  ],
  [
    'remove a request field the server now rejects',
    {
      given: (s) => delete schemas(s).UpdateRequest.properties.description,
      want: [['property-removed', 'breaking', `${REQ} body.description`]],
    },
  ],
  [
    'remove a request field the server ignores',
    {
      given: (s) => {
        delete schemas(s).UpdateRequest.properties.description;
        delete schemas(s).UpdateRequest.additionalProperties;
      },
      want: [
        ['property-removed', 'non-breaking', `${REQ} body.description`],
        ['additional-properties-widened', 'non-breaking', `${REQ} body`],
      ],
    },
  ],
  [
    'tighten a request maxLength',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.name.maxLength = 32),
      want: [['constraint-narrowed', 'breaking', `${REQ} body.name`]],
    },
  ],
  [
    'loosen a request minimum',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.replicas.minimum = 0),
      want: [['constraint-widened', 'non-breaking', `${REQ} body.replicas`]],
    },
  ],
  [
    'add a pattern to a request field',
    {
      given: (s) => (schemas(s).UpdateRequest.properties.description.pattern = '^[a-z]+$'),
      want: [['constraint-narrowed', 'breaking', `${REQ} body.description`]],
    },
  ],
  [
    'remove a request media type',
    {
      given: (s) =>
        (put(s).requestBody.content = {
          'application/merge-patch+json': put(s).requestBody.content['application/json'],
        }),
      want: [
        ['request-media-type-removed', 'breaking', REQ],
        ['request-media-type-added', 'non-breaking', 'request application/merge-patch+json'],
      ],
    },
  ],
  [
    'make the request body optional',
    {
      given: (s) => (put(s).requestBody.required = false),
      want: [['request-body-became-optional', 'non-breaking', 'request body']],
    },
  ],

  // Responses.
  [
    'loosen a response maxLength',
    {
      given: (s) => (schemas(s).Environment.properties.name.maxLength = 128),
      want: [['constraint-widened', 'breaking', `${RES} body.name`]],
    },
  ],
  [
    'change the type of array items',
    {
      given: (s) => (schemas(s).Environment.properties.tags.items.type = 'integer'),
      want: [['type-changed', 'breaking', `${RES} body.tags[]`]],
    },
  ],
  [
    'add a oneOf variant to a response',
    {
      given: (s) => {
        schemas(s).Nix = { type: 'object', properties: { flake: { type: 'string' } } };
        schemas(s).Environment.properties.image.oneOf.push({ $ref: '#/components/schemas/Nix' });
      },
      want: [['variant-added', 'breaking', `${RES} body.image`]],
    },
  ],
  [
    'remove a field inside a oneOf variant',
    {
      given: (s) => {
        delete schemas(s).DockerImage.properties.docker;
        schemas(s).DockerImage.required = [];
      },
      want: [['property-removed', 'breaking', `${RES} body.image<DockerImage>.docker`]],
    },
  ],
  [
    'remove a response status',
    { given: (s) => delete put(s).responses['404'], want: [['response-status-removed', 'breaking', 'response 404']] },
  ],
  [
    'add a response status',
    {
      given: (s) => (put(s).responses['409'] = { description: 'Conflict.' }),
      want: [['response-status-added', 'non-breaking', 'response 409']],
    },
  ],
  [
    'remove a response header',
    {
      given: (s) => delete put(s).responses['200'].headers.ETag,
      want: [['response-header-removed', 'breaking', 'response 200 header ETag']],
    },
  ],
  [
    'change a shared schema used by one response',
    {
      given: (s) => delete schemas(s).Error.properties.message,
      want: [['property-removed', 'breaking', 'response 404 application/json body.message']],
    },
  ],

  // Parameters, operations, security.
  [
    'add a required query parameter',
    {
      given: (s) => put(s).parameters.push({ name: 'reason', in: 'query', required: true, schema: { type: 'string' } }),
      want: [['required-parameter-added', 'breaking', 'request query parameter reason']],
    },
  ],
  [
    'add an optional header parameter',
    {
      given: (s) => put(s).parameters.push({ name: 'If-Match', in: 'header', schema: { type: 'string' } }),
      want: [['parameter-added', 'non-breaking', 'request header parameter If-Match']],
    },
  ],
  [
    'make a query parameter required',
    {
      given: (s) => (put(s).parameters[0].required = true),
      want: [['parameter-became-required', 'breaking', 'request query parameter dry_run']],
    },
  ],
  [
    'remove a query parameter',
    {
      given: (s) => (put(s).parameters = []),
      want: [['parameter-removed', 'breaking', 'request query parameter dry_run']],
    },
  ],
  [
    'change a path parameter type',
    {
      given: (s) => (s.components.parameters.Id.schema = { type: 'integer' }),
      want: [['type-changed', 'breaking', 'request path parameter id']],
    },
  ],
  [
    'rename a path parameter',
    {
      given: (s) => {
        s.paths['/environments/{environment_id}'] = s.paths['/environments/{id}'];
        delete s.paths['/environments/{id}'];
        s.components.parameters.Id.name = 'environment_id';
      },
      want: [],
    },
  ],
  ['remove the operation', { given: (s) => (s.paths = {}), want: [['operation-removed', 'breaking', 'operation']] }],
  [
    'add an operation',
    {
      given: (s) =>
        (s.paths['/environments/{id}'].get = {
          operationId: 'getEnvironment',
          responses: { '200': { description: 'OK.' } },
        }),
      want: [['operation-added', 'non-breaking', 'operation']],
    },
  ],
  [
    'require another security scheme',
    {
      given: (s) => (put(s).security = [{ apiKey: [] }]),
      want: [['security-changed', 'breaking', 'request security']],
    },
  ],

  // No change, and edits a client cannot observe.
  ['no change', { given: () => {}, want: [] }],
  [
    'reword descriptions and examples',
    {
      given: (s) => {
        schemas(s).Environment.description = 'Reworded.';
        schemas(s).Environment.properties.id.examples = ['env_1'];
      },
      want: [],
    },
  ],
];

describe('diffSpecs classifies each spec change', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const head = fixture();
    given(head);
    const changes = diffSpecs(fixture() as OpenApiDocument, head as OpenApiDocument);
    expect(changes.map((change) => [change.rule, change.severity, change.where])).toEqual(want);
  });
});

describe('diffSpecs reports what a reviewer needs', () => {
  it('names the operation, the field and what breaks, with a stable change id', () => {
    const head = fixture();
    delete schemas(head).Environment.properties.description;
    const [change] = diffSpecs(fixture() as OpenApiDocument, head as OpenApiDocument);
    expect(change).toMatchObject({
      operation: 'PUT /environments/{id}',
      operationId: 'updateEnvironment',
      change: `property-removed: ${RES} body.description`,
      impact: 'Clients that read `description` get undefined.',
    });
  });

  it('puts enum values and constraint bounds into the change id', () => {
    const head = fixture();
    schemas(head).Environment.properties.status.enum.push('deleting', 'deleted');
    schemas(head).UpdateRequest.properties.name.maxLength = 32;
    expect(diffSpecs(fixture() as OpenApiDocument, head as OpenApiDocument).map((change) => change.change)).toEqual([
      `constraint-narrowed: ${REQ} body.name (maxLength 64 → 32)`,
      `enum-value-added: ${RES} body.status ("deleting")`,
      `enum-value-added: ${RES} body.status ("deleted")`,
    ]);
  });

  it('treats a spec missing at the base as all new', () => {
    expect(diffSpecs(undefined, fixture() as OpenApiDocument).map((change) => [change.rule, change.severity])).toEqual([
      ['operation-added', 'non-breaking'],
    ]);
  });

  it.each(vendors)(
    'finds no change between the committed %s bundle and itself (and terminates on its refs)',
    (vendor) => {
      expect(diffSpecs(loadBundle(vendor), loadBundle(vendor))).toEqual([]);
    },
  );
});
