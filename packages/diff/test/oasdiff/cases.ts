/**
 * Agreement fixtures: one base/head pair per oasdiff rule, written here after the scenario each
 * of oasdiff's checker tests (`checker/*_test.go`) pins, to compare our verdict with the level
 * oasdiff's catalogue gives that rule. Schema changes are written once and placed in every spot
 * oasdiff has a rule for (request or response, body or property, parameter, header).
 */
import {
  document,
  operation,
  parameters,
  property,
  query,
  requestBody,
  responseBody,
  responseHeader,
  v30,
} from '../../src/rules/fixtures.ts';
import { oasdiffLevels } from './levels.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are built and spread freely
type Json = Record<string, any>;

export interface AgreementCase {
  /** oasdiff's rule id. */
  oasdiff: string;
  level: 'breaking' | 'warning' | 'info';
  base: Json;
  head: Json;
}

const cases: AgreementCase[] = [];

function add(oasdiff: string, base: Json, head: Json): void {
  const level = oasdiffLevels[oasdiff];
  if (!level) throw new Error(`${oasdiff} is not in oasdiff's catalogue`);
  if (cases.some((existing) => existing.oasdiff === oasdiff)) return;
  cases.push({ oasdiff, level, base, head });
}

const schemas = {
  Cat: { type: 'object', properties: { meow: { type: 'boolean' }, kind: { type: 'string' } }, required: ['meow'] },
  Dog: { type: 'object', properties: { bark: { type: 'boolean' }, kind: { type: 'string' } }, required: ['bark'] },
  Bird: { type: 'object', properties: { tweet: { type: 'boolean' }, kind: { type: 'string' } }, required: ['tweet'] },
  Note: { description: 'Annotations only.' },
};
const components = { schemas };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const spots = {
  'request-body': (schema: unknown) => requestBody(schema, { components }),
  'request-property': (schema: unknown) => requestBody(property(schema), { components }),
  'response-body': (schema: unknown) => responseBody(schema, { components }),
  'response-property': (schema: unknown) => responseBody(property(schema), { components }),
} as const;

/** A schema change, placed at every body/property spot oasdiff has a rule id for. */
function schemaChange(
  suffix: string,
  base: unknown,
  head: unknown,
  only: Array<keyof typeof spots> = ['request-body', 'request-property', 'response-body', 'response-property'],
): void {
  for (const spot of only) {
    const id = `${spot}-${suffix}`;
    if (oasdiffLevels[id]) add(id, spots[spot](base), spots[spot](head));
  }
}

const str = (extra: Json = {}) => ({ type: 'string', ...extra });
const int = (extra: Json = {}) => ({ type: 'integer', ...extra });
const num = (extra: Json = {}) => ({ type: 'number', ...extra });
const arr = (extra: Json = {}) => ({ type: 'array', items: str(), ...extra });
const obj = (extra: Json = {}) => ({ type: 'object', properties: { a: str(), b: str() }, ...extra });

// Bounds.
schemaChange('max-length-decreased', str({ maxLength: 10 }), str({ maxLength: 5 }));
schemaChange('max-length-increased', str({ maxLength: 5 }), str({ maxLength: 10 }));
schemaChange('max-length-set', str(), str({ maxLength: 10 }));
schemaChange('max-length-unset', str({ maxLength: 10 }), str());
schemaChange('min-length-increased', str({ minLength: 1 }), str({ minLength: 3 }));
schemaChange('min-length-decreased', str({ minLength: 3 }), str({ minLength: 1 }));
schemaChange('max-decreased', int({ maximum: 10 }), int({ maximum: 5 }));
schemaChange('max-increased', int({ maximum: 5 }), int({ maximum: 10 }));
schemaChange('max-set', int(), int({ maximum: 10 }));
schemaChange('min-increased', int({ minimum: 1 }), int({ minimum: 3 }));
schemaChange('min-decreased', int({ minimum: 3 }), int({ minimum: 1 }));
schemaChange('min-set', int(), int({ minimum: 1 }));
schemaChange('exclusive-max-decreased', num({ exclusiveMaximum: 10 }), num({ exclusiveMaximum: 5 }));
schemaChange('exclusive-max-increased', num({ exclusiveMaximum: 5 }), num({ exclusiveMaximum: 10 }));
schemaChange('exclusive-max-set', num(), num({ exclusiveMaximum: 10 }));
schemaChange('exclusive-min-increased', num({ exclusiveMinimum: 1 }), num({ exclusiveMinimum: 3 }));
schemaChange('exclusive-min-decreased', num({ exclusiveMinimum: 3 }), num({ exclusiveMinimum: 1 }));
schemaChange('exclusive-min-set', num(), num({ exclusiveMinimum: 1 }));
schemaChange('min-items-increased', arr({ minItems: 1 }), arr({ minItems: 3 }));
schemaChange('min-items-decreased', arr({ minItems: 3 }), arr({ minItems: 1 }));
schemaChange('min-items-set', arr(), arr({ minItems: 1 }));
schemaChange('min-items-unset', arr({ minItems: 1 }), arr());
schemaChange(
  'min-contains-increased',
  arr({ contains: str(), minContains: 1 }),
  arr({ contains: str(), minContains: 2 }),
);
schemaChange(
  'min-contains-decreased',
  arr({ contains: str(), minContains: 2 }),
  arr({ contains: str(), minContains: 1 }),
);
schemaChange(
  'max-contains-increased',
  arr({ contains: str(), maxContains: 2 }),
  arr({ contains: str(), maxContains: 3 }),
);
schemaChange(
  'max-contains-decreased',
  arr({ contains: str(), maxContains: 3 }),
  arr({ contains: str(), maxContains: 2 }),
);

// Values.
schemaChange('became-enum', str(), str({ enum: ['a', 'b'] }));
schemaChange('enum-value-removed', str({ enum: ['a', 'b', 'c'] }), str({ enum: ['a', 'b'] }));
schemaChange('enum-value-added', str({ enum: ['a', 'b'] }), str({ enum: ['a', 'b', 'c'] }));
schemaChange('const-added', str(), str({ const: 'a' }));
schemaChange('const-removed', str({ const: 'a' }), str());
schemaChange('const-changed', str({ const: 'a' }), str({ const: 'b' }));
schemaChange('default-value-added', str(), str({ default: 'a' }));
schemaChange('default-value-removed', str({ default: 'a' }), str());
schemaChange('default-value-changed', str({ default: 'a' }), str({ default: 'b' }));
schemaChange(
  'x-extensible-enum-value-removed',
  str({ 'x-extensible-enum': ['a', 'b'] }),
  str({ 'x-extensible-enum': ['a'] }),
);
add(
  'response-mediatype-enum-value-removed',
  responseBody(str({ enum: ['a', 'b'] })),
  responseBody(str({ enum: ['a'] })),
);
add(
  'request-read-only-property-enum-value-removed',
  requestBody(property(str({ readOnly: true, enum: ['a', 'b'] }), { required: false })),
  requestBody(property(str({ readOnly: true, enum: ['a'] }), { required: false })),
);
add(
  'response-write-only-property-enum-value-added',
  responseBody(property(str({ writeOnly: true, enum: ['a'] }), { required: false })),
  responseBody(property(str({ writeOnly: true, enum: ['a', 'b'] }), { required: false })),
);

// Types and nullability.
schemaChange('type-changed', str(), int());
schemaChange('type-generalized', int(), num());
schemaChange('type-specialized', num(), int());
schemaChange('list-of-types-widened', { type: ['string'] }, { type: ['string', 'integer'] });
schemaChange('list-of-types-narrowed', { type: ['string', 'integer'] }, { type: ['string'] });
schemaChange('became-nullable', str(), { type: ['string', 'null'] });
schemaChange('became-not-nullable', { type: ['string', 'null'] }, str());
add(
  'request-body-type-compatible',
  requestBody(int(), { mediaType: 'application/xml' }),
  requestBody(str(), { mediaType: 'application/xml' }),
);
add(
  'request-property-type-compatible',
  requestBody(property(int()), { mediaType: 'application/x-www-form-urlencoded' }),
  requestBody(property(str()), { mediaType: 'application/x-www-form-urlencoded' }),
);
add(
  'response-body-type-compatible',
  responseBody(str(), { mediaType: 'text/plain' }),
  responseBody(int(), { mediaType: 'text/plain' }),
);
add(
  'response-property-type-compatible',
  responseBody(property(str()), { mediaType: 'application/xml' }),
  responseBody(property(int()), { mediaType: 'application/xml' }),
);

// Patterns.
schemaChange('pattern-added', str(), str({ pattern: '^[a-z]+$' }));
schemaChange('pattern-removed', str({ pattern: '^[a-z]+$' }), str());
schemaChange('pattern-changed', str({ pattern: '^[a-z]+$' }), str({ pattern: '^[0-9]+$' }));
schemaChange('pattern-generalized', str({ pattern: '^[a-z]+$' }), str({ pattern: '.*' }));

// Composition.
schemaChange('one-of-added', { oneOf: [ref('Cat'), ref('Dog')] }, { oneOf: [ref('Cat'), ref('Dog'), ref('Bird')] });
schemaChange('one-of-removed', { oneOf: [ref('Cat'), ref('Dog'), ref('Bird')] }, { oneOf: [ref('Cat'), ref('Dog')] });
schemaChange('any-of-added', { anyOf: [ref('Cat'), ref('Dog')] }, { anyOf: [ref('Cat'), ref('Dog'), ref('Bird')] });
schemaChange('any-of-removed', { anyOf: [ref('Cat'), ref('Dog'), ref('Bird')] }, { anyOf: [ref('Cat'), ref('Dog')] });
schemaChange('all-of-added', { allOf: [ref('Cat')] }, { allOf: [ref('Cat'), ref('Dog')] });
schemaChange('all-of-removed', { allOf: [ref('Cat'), ref('Dog')] }, { allOf: [ref('Cat')] });
schemaChange('all-of-added-annotation-only', { allOf: [ref('Cat')] }, { allOf: [ref('Cat'), ref('Note')] });
schemaChange('all-of-removed-annotation-only', { allOf: [ref('Cat'), ref('Note')] }, { allOf: [ref('Cat')] });
schemaChange('wrapped-in-one-of', ref('Cat'), { oneOf: [ref('Cat'), ref('Dog')] });
const discriminated = (discriminator: Json | undefined) => ({
  oneOf: [ref('Cat'), ref('Dog')],
  ...(discriminator ? { discriminator } : {}),
});
schemaChange('discriminator-added', discriminated(undefined), discriminated({ propertyName: 'kind' }));
schemaChange('discriminator-removed', discriminated({ propertyName: 'kind' }), discriminated(undefined));
schemaChange(
  'discriminator-property-name-changed',
  discriminated({ propertyName: 'kind' }),
  discriminated({ propertyName: 'type' }),
);
schemaChange(
  'discriminator-mapping-added',
  discriminated({ propertyName: 'kind' }),
  discriminated({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }),
);
schemaChange(
  'discriminator-mapping-deleted',
  discriminated({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }),
  discriminated({ propertyName: 'kind' }),
);
schemaChange(
  'discriminator-mapping-changed',
  discriminated({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }),
  discriminated({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Dog' } }),
);

// Keywords that constrain by being there.
schemaChange('contains-added', arr(), arr({ contains: { const: 'a' } }));
schemaChange('contains-removed', arr({ contains: { const: 'a' } }), arr());
schemaChange('content-encoding-changed', str({ contentEncoding: 'base64' }), str({ contentEncoding: 'base64url' }));
schemaChange(
  'content-media-type-changed',
  str({ contentMediaType: 'application/json' }),
  str({ contentMediaType: 'application/xml' }),
);
schemaChange(
  'content-schema-added',
  str({ contentMediaType: 'application/json' }),
  str({ contentMediaType: 'application/json', contentSchema: obj() }),
);
schemaChange(
  'content-schema-removed',
  str({ contentMediaType: 'application/json', contentSchema: obj() }),
  str({ contentMediaType: 'application/json' }),
);
schemaChange('dependent-required-added', obj(), obj({ dependentRequired: { a: ['b'] } }));
schemaChange('dependent-required-removed', obj({ dependentRequired: { a: ['b'] } }), obj());
schemaChange(
  'dependent-required-changed',
  obj({ dependentRequired: { a: ['b'] } }),
  obj({ dependentRequired: { a: ['c'] } }),
);
schemaChange('dependent-schema-added', obj(), obj({ dependentSchemas: { a: { required: ['b'] } } }));
schemaChange('dependent-schema-removed', obj({ dependentSchemas: { a: { required: ['b'] } } }), obj());
schemaChange('pattern-property-added', obj(), obj({ patternProperties: { '^x-': str() } }));
schemaChange('pattern-property-removed', obj({ patternProperties: { '^x-': str() } }), obj());
schemaChange('property-names-added', obj(), obj({ propertyNames: { pattern: '^[a-z]+$' } }));
schemaChange('property-names-removed', obj({ propertyNames: { pattern: '^[a-z]+$' } }), obj());
schemaChange(
  'prefix-items-added',
  { type: 'array', prefixItems: [str()] },
  { type: 'array', prefixItems: [str(), int()] },
);
schemaChange(
  'prefix-items-removed',
  { type: 'array', prefixItems: [str(), int()] },
  { type: 'array', prefixItems: [str()] },
);
for (const keyword of ['if', 'then', 'else'] as const) {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise
  const conditional = { if: { required: ['a'] }, then: { required: ['b'] }, else: { required: ['c'] } };
  const without = Object.fromEntries(Object.entries(conditional).filter(([key]) => key !== keyword));
  schemaChange(`${keyword}-added`, obj(without), obj(conditional));
  schemaChange(`${keyword}-removed`, obj(conditional), obj(without));
}
schemaChange(
  'unevaluated-items-added',
  { type: 'array', prefixItems: [str()] },
  { type: 'array', prefixItems: [str()], unevaluatedItems: false },
);
schemaChange(
  'unevaluated-items-removed',
  { type: 'array', prefixItems: [str()], unevaluatedItems: false },
  { type: 'array', prefixItems: [str()] },
);
schemaChange('unevaluated-properties-added', obj(), obj({ unevaluatedProperties: false }));
schemaChange('unevaluated-properties-removed', obj({ unevaluatedProperties: false }), obj());

// Properties of objects.
const open = (properties: Json, required: string[] = []) => ({
  type: 'object',
  properties: { name: str(), ...properties },
  ...(required.length ? { required } : {}),
});
add('new-required-request-property', requestBody(open({})), requestBody(open({ size: int() }, ['size'])));
add(
  'new-required-request-property-with-default',
  requestBody(open({})),
  requestBody(open({ size: int({ default: 1 }) }, ['size'])),
);
add('new-optional-request-property', requestBody(open({})), requestBody(open({ size: int() })));
add('request-property-removed', requestBody(open({ size: int() })), requestBody(open({})));
add(
  'request-property-became-required',
  requestBody(open({ size: int() })),
  requestBody(open({ size: int() }, ['size'])),
);
add(
  'request-property-became-required-with-default',
  requestBody(open({ size: int({ default: 1 }) })),
  requestBody(open({ size: int({ default: 1 }) }, ['size'])),
);
add(
  'request-property-became-optional',
  requestBody(open({ size: int() }, ['size'])),
  requestBody(open({ size: int() })),
);
add('response-required-property-removed', responseBody(open({ size: int() }, ['size'])), responseBody(open({})));
add('response-optional-property-removed', responseBody(open({ size: int() })), responseBody(open({})));
add('response-required-property-added', responseBody(open({})), responseBody(open({ size: int() }, ['size'])));
add('response-optional-property-added', responseBody(open({})), responseBody(open({ size: int() })));
add(
  'response-property-became-optional',
  responseBody(open({ size: int() }, ['size'])),
  responseBody(open({ size: int() })),
);
add(
  'response-property-became-required',
  responseBody(open({ size: int() })),
  responseBody(open({ size: int() }, ['size'])),
);
add(
  'response-required-write-only-property-removed',
  responseBody(open({ secret: str({ writeOnly: true }) }, ['secret'])),
  responseBody(open({})),
);
add(
  'response-required-write-only-property-added',
  responseBody(open({})),
  responseBody(open({ secret: str({ writeOnly: true }) }, ['secret'])),
);
add(
  'response-optional-write-only-property-removed',
  responseBody(open({ secret: str({ writeOnly: true }) })),
  responseBody(open({})),
);
add(
  'response-optional-write-only-property-added',
  responseBody(open({})),
  responseBody(open({ secret: str({ writeOnly: true }) })),
);
add(
  'response-write-only-property-became-optional',
  responseBody(open({ secret: str({ writeOnly: true }) }, ['secret'])),
  responseBody(open({ secret: str({ writeOnly: true }) })),
);
add(
  'response-write-only-property-became-required',
  responseBody(open({ secret: str({ writeOnly: true }) })),
  responseBody(open({ secret: str({ writeOnly: true }) }, ['secret'])),
);
add(
  'request-read-only-property-max-length-decreased',
  requestBody(open({ id: str({ readOnly: true, maxLength: 10 }) })),
  requestBody(open({ id: str({ readOnly: true, maxLength: 5 }) })),
);
add(
  'request-read-only-property-max-decreased',
  requestBody(open({ id: int({ readOnly: true, maximum: 10 }) })),
  requestBody(open({ id: int({ readOnly: true, maximum: 5 }) })),
);
add(
  'request-read-only-property-min-increased',
  requestBody(open({ id: int({ readOnly: true, minimum: 1 }) })),
  requestBody(open({ id: int({ readOnly: true, minimum: 5 }) })),
);
add(
  'request-read-only-property-exclusive-max-decreased',
  requestBody(open({ id: num({ readOnly: true, exclusiveMaximum: 10 }) })),
  requestBody(open({ id: num({ readOnly: true, exclusiveMaximum: 5 }) })),
);
add(
  'request-read-only-property-exclusive-min-increased',
  requestBody(open({ id: num({ readOnly: true, exclusiveMinimum: 1 }) })),
  requestBody(open({ id: num({ readOnly: true, exclusiveMinimum: 5 }) })),
);
for (const [flag, name] of [
  ['readOnly', 'read-only'],
  ['writeOnly', 'write-only'],
] as const) {
  for (const required of [false, true]) {
    const kind = required ? 'required' : 'optional';
    const plain = open({ note: str() }, required ? ['note'] : []);
    const flagged = open({ note: str({ [flag]: true }) }, required ? ['note'] : []);
    add(`request-${kind}-property-became-${name}`, requestBody(plain), requestBody(flagged));
    add(`request-${kind}-property-became-not-${name}`, requestBody(flagged), requestBody(plain));
    add(`response-${kind}-property-became-${name}`, responseBody(plain), responseBody(flagged));
    add(`response-${kind}-property-became-not-${name}`, responseBody(flagged), responseBody(plain));
  }
}

// Parameters.
const none = parameters([]);
const q = (schema: unknown, extra: Json = {}) => query(schema, extra);
add('new-required-request-parameter', none, q(str(), { required: true }));
add('new-optional-request-parameter', none, q(str()));
add('request-parameter-removed', q(str()), none);
add('request-parameter-became-required', q(str()), q(str(), { required: true }));
add('request-parameter-became-optional', q(str(), { required: true }), q(str()));
const atPath = (list: Json[]) =>
  document({
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: str() }, ...list],
      get: { responses: { '200': { description: 'OK' } } },
    },
  });
add(
  'new-required-request-default-parameter-to-existing-path',
  atPath([]),
  atPath([{ name: 'tenant', in: 'header', required: true, schema: str() }]),
);
add(
  'new-optional-request-default-parameter-to-existing-path',
  atPath([]),
  atPath([{ name: 'tenant', in: 'header', schema: str() }]),
);
add(
  'new-request-path-parameter',
  document({ '/things/{id}': { get: { responses: { '200': { description: 'OK' } } } } }),
  atPath([]),
);
const parameterChange = (suffix: string, base: unknown, head: unknown) =>
  add(`request-parameter-${suffix}`, q(base), q(head));
parameterChange('became-enum', str(), str({ enum: ['a', 'b'] }));
parameterChange('enum-value-added', str({ enum: ['a'] }), str({ enum: ['a', 'b'] }));
parameterChange('enum-value-removed', str({ enum: ['a', 'b'] }), str({ enum: ['a'] }));
parameterChange('max-items-increased', arr({ maxItems: 2 }), arr({ maxItems: 3 }));
parameterChange('max-items-decreased', arr({ maxItems: 3 }), arr({ maxItems: 2 }));
parameterChange('min-items-increased', arr({ minItems: 1 }), arr({ minItems: 2 }));
parameterChange('min-items-decreased', arr({ minItems: 2 }), arr({ minItems: 1 }));
parameterChange('min-items-set', arr(), arr({ minItems: 1 }));
parameterChange('max-length-increased', str({ maxLength: 5 }), str({ maxLength: 10 }));
parameterChange('max-length-decreased', str({ maxLength: 10 }), str({ maxLength: 5 }));
parameterChange('max-length-set', str(), str({ maxLength: 10 }));
parameterChange('min-length-increased', str({ minLength: 1 }), str({ minLength: 2 }));
parameterChange('min-length-decreased', str({ minLength: 2 }), str({ minLength: 1 }));
parameterChange('max-increased', int({ maximum: 5 }), int({ maximum: 10 }));
parameterChange('max-decreased', int({ maximum: 10 }), int({ maximum: 5 }));
parameterChange('max-set', int(), int({ maximum: 10 }));
parameterChange('min-increased', int({ minimum: 1 }), int({ minimum: 5 }));
parameterChange('min-decreased', int({ minimum: 5 }), int({ minimum: 1 }));
parameterChange('min-set', int(), int({ minimum: 1 }));
parameterChange('exclusive-max-increased', num({ exclusiveMaximum: 5 }), num({ exclusiveMaximum: 10 }));
parameterChange('exclusive-max-decreased', num({ exclusiveMaximum: 10 }), num({ exclusiveMaximum: 5 }));
parameterChange('exclusive-max-set', num(), num({ exclusiveMaximum: 10 }));
parameterChange('exclusive-min-increased', num({ exclusiveMinimum: 1 }), num({ exclusiveMinimum: 5 }));
parameterChange('exclusive-min-decreased', num({ exclusiveMinimum: 5 }), num({ exclusiveMinimum: 1 }));
parameterChange('exclusive-min-set', num(), num({ exclusiveMinimum: 1 }));
parameterChange('pattern-added', str(), str({ pattern: '^[a-z]+$' }));
parameterChange('pattern-removed', str({ pattern: '^[a-z]+$' }), str());
parameterChange('pattern-changed', str({ pattern: '^[a-z]+$' }), str({ pattern: '^[0-9]+$' }));
parameterChange('pattern-generalized', str({ pattern: '^[a-z]+$' }), str({ pattern: '.*' }));
parameterChange('type-changed', str(), int());
parameterChange('type-generalized', int(), num());
parameterChange('list-of-types-widened', { type: ['string'] }, { type: ['string', 'integer'] });
parameterChange('list-of-types-narrowed', { type: ['string', 'integer'] }, { type: ['string'] });
parameterChange('became-nullable', str(), { type: ['string', 'null'] });
parameterChange('became-not-nullable', { type: ['string', 'null'] }, str());
parameterChange('default-value-added', str(), str({ default: 'a' }));
parameterChange('default-value-removed', str({ default: 'a' }), str());
parameterChange('default-value-changed', str({ default: 'a' }), str({ default: 'b' }));
parameterChange(
  'x-extensible-enum-value-removed',
  str({ 'x-extensible-enum': ['a', 'b'] }),
  str({ 'x-extensible-enum': ['a'] }),
);
const headerObject = (schema: unknown, required = false) =>
  parameters([{ name: 'X-Filter', in: 'header', schema: property(schema, { required }) }]);
const parameterPropertyChange = (suffix: string, base: unknown, head: unknown) =>
  add(`request-parameter-property-${suffix}`, headerObject(base), headerObject(head));
parameterPropertyChange('became-nullable', str(), { type: ['string', 'null'] });
parameterPropertyChange('became-not-nullable', { type: ['string', 'null'] }, str());
parameterPropertyChange('enum-value-added', str({ enum: ['a'] }), str({ enum: ['a', 'b'] }));
parameterPropertyChange('enum-value-removed', str({ enum: ['a', 'b'] }), str({ enum: ['a'] }));
parameterPropertyChange('list-of-types-widened', { type: ['string'] }, { type: ['string', 'integer'] });
parameterPropertyChange('list-of-types-narrowed', { type: ['string', 'integer'] }, { type: ['string'] });
parameterPropertyChange('type-changed', str(), int());
parameterPropertyChange('type-generalized', int(), num());
parameterPropertyChange('type-specialized', num(), int());
add(
  'new-required-request-header-property',
  parameters([{ name: 'X-Filter', in: 'header', schema: { type: 'object', properties: { a: str() } } }]),
  parameters([
    { name: 'X-Filter', in: 'header', schema: { type: 'object', properties: { a: str(), b: str() }, required: ['b'] } },
  ]),
);
add('request-header-property-became-required', headerObject(str()), headerObject(str(), true));
add('request-header-property-became-enum', headerObject(str()), headerObject(str({ enum: ['a'] })));

// Request bodies and media types.
const post = (requestBodyDefinition: Json | undefined) =>
  operation('post', '/things', requestBodyDefinition ? { requestBody: requestBodyDefinition } : {});
const jsonBody = (required: boolean) => ({ required, content: { 'application/json': { schema: obj() } } });
add('request-body-added-required', post(undefined), post(jsonBody(true)));
add('request-body-added-optional', post(undefined), post(jsonBody(false)));
add('request-body-removed', post(jsonBody(false)), post(undefined));
add('request-body-became-required', post(jsonBody(false)), post(jsonBody(true)));
add('request-body-became-optional', post(jsonBody(true)), post(jsonBody(false)));
const bodyTypes = (types: string[], schema = true) =>
  post({ required: true, content: Object.fromEntries(types.map((type) => [type, schema ? { schema: obj() } : {}])) });
add(
  'request-body-media-type-added',
  bodyTypes(['application/json']),
  bodyTypes(['application/json', 'application/xml']),
);
add(
  'request-body-media-type-removed',
  bodyTypes(['application/json', 'application/xml']),
  bodyTypes(['application/json']),
);
add('request-body-media-type-schema-added', bodyTypes(['application/json'], false), bodyTypes(['application/json']));
add('request-body-media-type-schema-removed', bodyTypes(['application/json']), bodyTypes(['application/json'], false));
add('request-body-enum-value-removed', requestBody(str({ enum: ['a', 'b'] })), requestBody(str({ enum: ['a'] })));

// Responses.
const get = (responses: Json) => operation('get', '/things', { responses });
const json = (schema: unknown = obj()) => ({ content: { 'application/json': { schema } } });
add(
  'response-success-status-removed',
  get({ '200': { description: 'OK' }, '201': { description: 'Created' } }),
  get({ '200': { description: 'OK' } }),
);
add(
  'response-success-status-added',
  get({ '200': { description: 'OK' } }),
  get({ '200': { description: 'OK' }, '201': { description: 'Created' } }),
);
add(
  'response-non-success-status-removed',
  get({ '200': { description: 'OK' }, '404': { description: 'Not found' } }),
  get({ '200': { description: 'OK' } }),
);
add(
  'response-non-success-status-added',
  get({ '200': { description: 'OK' } }),
  get({ '200': { description: 'OK' }, '404': { description: 'Not found' } }),
);
const types = (list: string[], schema = true) =>
  get({
    '200': {
      description: 'OK',
      content: Object.fromEntries(list.map((type) => [type, schema ? { schema: obj() } : {}])),
    },
  });
add('response-media-type-added', types(['application/json']), types(['application/json', 'application/xml']));
add('response-media-type-removed', types(['application/json', 'application/xml']), types(['application/json']));
add('response-media-type-name-changed', types(['application/json']), types(['application/json; charset=utf-8']));
add('response-media-type-name-generalized', types(['application/json']), types(['application/*']));
add('response-media-type-name-specialized', types(['application/*']), types(['application/json']));
add('response-body-media-type-schema-added', types(['application/json'], false), types(['application/json']));
add('response-body-media-type-schema-removed', types(['application/json']), types(['application/json'], false));
const headered = (header: Json | undefined) =>
  get({ '200': { description: 'OK', ...(header ? { headers: { 'X-Rate-Limit': header } } : {}), ...json() } });
add('required-response-header-removed', headered({ required: true, schema: int() }), headered(undefined));
add('optional-response-header-removed', headered({ schema: int() }), headered(undefined));
add('response-header-added', headered(undefined), headered({ schema: int() }));
add('response-header-became-optional', headered({ required: true, schema: int() }), headered({ schema: int() }));
add('response-header-type-changed', responseHeader({ schema: int() }), responseHeader({ schema: { type: 'boolean' } }));
add('response-header-type-generalized', responseHeader({ schema: int() }), responseHeader({ schema: num() }));
add('response-header-type-specialized', responseHeader({ schema: num() }), responseHeader({ schema: int() }));
add('response-header-type-compatible', responseHeader({ schema: str() }), responseHeader({ schema: int() }));
add(
  'response-header-became-nullable',
  responseHeader({ schema: str() }),
  responseHeader({ schema: { type: ['string', 'null'] } }),
);
add(
  'response-header-became-not-nullable',
  responseHeader({ schema: { type: ['string', 'null'] } }),
  responseHeader({ schema: str() }),
);

// Operations, paths, webhooks, tags, components.
const ok = { '200': { description: 'OK' } };
const two = document({
  '/things': { get: { responses: ok } },
  '/things/{id}': { get: { responses: ok }, delete: { responses: ok } },
});
const withoutDelete = document({ '/things': { get: { responses: ok } }, '/things/{id}': { get: { responses: ok } } });
const withoutPath = document({ '/things': { get: { responses: ok } } });
const deprecatedDelete = document({
  '/things': { get: { responses: ok } },
  '/things/{id}': { get: { responses: ok }, delete: { deprecated: true, responses: ok } },
});
const deprecatedPath = document({
  '/things': { get: { responses: ok } },
  '/things/{id}': { get: { deprecated: true, responses: ok }, delete: { deprecated: true, responses: ok } },
});
add('endpoint-added', withoutDelete, two);
add('api-removed-without-deprecation', two, withoutDelete);
add('api-removed-with-deprecation', deprecatedDelete, withoutDelete);
add('api-path-removed-without-deprecation', two, withoutPath);
add('api-path-removed-with-deprecation', deprecatedPath, withoutPath);
add('endpoint-deprecated', two, deprecatedDelete);
add('endpoint-reactivated', deprecatedDelete, two);
add(
  'api-operation-id-removed',
  operation('get', '/things', { operationId: 'listThings' }),
  operation('get', '/things', {}),
);
add(
  'api-operation-id-added',
  operation('get', '/things', {}),
  operation('get', '/things', { operationId: 'listThings' }),
);
add('api-tag-removed', operation('get', '/things', { tags: ['a', 'b'] }), operation('get', '/things', { tags: ['a'] }));
add('api-tag-added', operation('get', '/things', { tags: ['a'] }), operation('get', '/things', { tags: ['a', 'b'] }));
const hook = (webhooks: Json) => ({ ...withoutPath, webhooks });
const orderCreated = { post: { requestBody: { content: { 'application/json': { schema: obj() } } }, responses: ok } };
add('webhook-added', hook({}), hook({ orderCreated }));
add('webhook-removed', hook({ orderCreated }), hook({}));
add(
  'api-schema-removed',
  document({ '/things': { get: { responses: ok } } }, { components: { schemas: { Unused: obj() } } }),
  document({ '/things': { get: { responses: ok } } }, { components: { schemas: {} } }),
);
add('request-parameter-deprecated', q(str()), q(str(), { deprecated: true }));
add('request-parameter-reactivated', q(str(), { deprecated: true }), q(str()));
add('request-parameter-removed-with-deprecation', q(str(), { deprecated: true }), none);
add(
  'request-property-deprecated',
  requestBody(open({ size: int() })),
  requestBody(open({ size: int({ deprecated: true }) })),
);
add(
  'request-property-reactivated',
  requestBody(open({ size: int({ deprecated: true }) })),
  requestBody(open({ size: int() })),
);
add(
  'response-property-deprecated',
  responseBody(open({ size: int() })),
  responseBody(open({ size: int({ deprecated: true }) })),
);
add(
  'response-property-reactivated',
  responseBody(open({ size: int({ deprecated: true }) })),
  responseBody(open({ size: int() })),
);

// Security.
const securitySchemes = {
  bearer: { type: 'http', scheme: 'bearer' },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
  oauth: {
    type: 'oauth2',
    flows: {
      authorizationCode: {
        authorizationUrl: 'https://auth.example/authorize',
        tokenUrl: 'https://auth.example/token',
        scopes: { read: 'Read', write: 'Write' },
      },
    },
  },
};
const secured = (security: unknown[] | undefined, schemes: Json = securitySchemes, global?: unknown[]) =>
  document(
    { '/things': { get: { ...(security ? { security } : {}), responses: ok } } },
    { components: { securitySchemes: schemes }, ...(global ? { extra: { security: global } } : {}) },
  );
add('api-security-added', secured([{ bearer: [] }]), secured([{ bearer: [] }, { apiKey: [] }]));
add('api-security-removed', secured([{ bearer: [] }, { apiKey: [] }]), secured([{ bearer: [] }]));
add('api-security-scope-added', secured([{ oauth: ['read'] }]), secured([{ oauth: ['read', 'write'] }]));
add('api-security-scope-removed', secured([{ oauth: ['read', 'write'] }]), secured([{ oauth: ['read'] }]));
add(
  'api-global-security-added',
  secured(undefined, securitySchemes, [{ bearer: [] }]),
  secured(undefined, securitySchemes, [{ bearer: [] }, { apiKey: [] }]),
);
add(
  'api-global-security-removed',
  secured(undefined, securitySchemes, [{ bearer: [] }, { apiKey: [] }]),
  secured(undefined, securitySchemes, [{ bearer: [] }]),
);
add(
  'api-global-security-scope-added',
  secured(undefined, securitySchemes, [{ oauth: ['read'] }]),
  secured(undefined, securitySchemes, [{ oauth: ['read', 'write'] }]),
);
add(
  'api-global-security-scope-removed',
  secured(undefined, securitySchemes, [{ oauth: ['read', 'write'] }]),
  secured(undefined, securitySchemes, [{ oauth: ['read'] }]),
);
const { apiKey: _apiKey, ...withoutApiKey } = securitySchemes;
add('api-security-component-added', secured([{ bearer: [] }], withoutApiKey), secured([{ bearer: [] }]));
add('api-security-component-removed', secured([{ bearer: [] }]), secured([{ bearer: [] }], withoutApiKey));
add(
  'api-security-component-type-changed',
  secured([{ apiKey: [] }]),
  secured([{ apiKey: [] }], { ...securitySchemes, apiKey: { type: 'http', scheme: 'basic' } }),
);
const oauthWith = (flow: Json) => ({
  ...securitySchemes,
  oauth: {
    type: 'oauth2',
    flows: { authorizationCode: { ...securitySchemes.oauth.flows.authorizationCode, ...flow } },
  },
});
add(
  'api-security-component-oauth-url-changed',
  secured([{ oauth: ['read'] }]),
  secured([{ oauth: ['read'] }], oauthWith({ authorizationUrl: 'https://login.example/authorize' })),
);
add(
  'api-security-component-oauth-token-url-changed',
  secured([{ oauth: ['read'] }]),
  secured([{ oauth: ['read'] }], oauthWith({ tokenUrl: 'https://login.example/token' })),
);
add(
  'api-security-component-oauth-scope-added',
  secured([{ oauth: ['read'] }]),
  secured([{ oauth: ['read'] }], oauthWith({ scopes: { read: 'Read', write: 'Write', admin: 'Admin' } })),
);
add(
  'api-security-component-oauth-scope-removed',
  secured([{ oauth: ['read'] }]),
  secured([{ oauth: ['read'] }], oauthWith({ scopes: { read: 'Read' } })),
);
add(
  'api-security-component-oauth-scope-changed',
  secured([{ oauth: ['read'] }]),
  secured([{ oauth: ['read'] }], oauthWith({ scopes: { read: 'Read everything', write: 'Write' } })),
);

// Versioning (oasdiff judges info.version against the changes it found).
const versioned = (fixture: Json, version: string) => ({ ...fixture, info: { ...fixture.info, version } });
add('api-version-not-bumped', versioned(q(str()), '1.0.0'), versioned(q(int()), '1.0.0'));
add('api-major-version-not-bumped', versioned(q(str()), '1.0.0'), versioned(q(int()), '1.1.0'));
add('api-version-decreased', versioned(q(str()), '1.2.0'), versioned(q(int()), '1.1.0'));

// The same scenarios written as OpenAPI 3.0: nullable and boolean exclusive bounds.
add(
  'request-property-became-not-nullable',
  v30(requestBody(property(str({ nullable: true })))),
  v30(requestBody(property(str()))),
);

export const agreementCases: readonly AgreementCase[] = cases;

/** oasdiff rules not modelled: policy checks on its own extensions (`x-sunset`, `x-stability-level`) and dates. */
export const notModelled = Object.keys(oasdiffLevels).filter((id) => !cases.some((entry) => entry.oasdiff === id));
