/**
 * The vendors' own machine-readable definitions, as envspec measures itself against them: the
 * repository's byte-identical copy in `vendor-definitions/`, read with their schemas in JSON
 * Schema 2020-12 terms (an OAS 3.0 file converted), and a check of a response body against the
 * vendor's own schema for an operation and status. Node only: it reads files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { listOperations, locate, pointer, type OpenApiDocument, type ResponseObject } from './document.ts';
import { isJsonObject } from './json.ts';
import { toJsonSchemaDialect } from './openapi-30.ts';
import { createSchemaValidator, type SchemaIssue, type SchemaValidator } from './schema-validator.ts';
import type { Vendor } from './vendors.ts';

/** `<repo>/vendor-definitions/`. */
export const vendorDefinitionsDir = fileURLToPath(new URL('../../vendor-definitions/', import.meta.url));

/**
 * The definition each vendor's spec is measured against. Fabro's is the version its documentation
 * page renders (the seed); Qoder publishes none (its SDKs are the definition).
 */
export const definitionFiles = {
  fabro: 'fabro-2026-05-29.yaml',
  datadog: 'datadog.yaml',
  launchdarkly: 'launchdarkly.yaml',
} as const satisfies Partial<Record<Vendor, string>>;

export type DefinedVendor = keyof typeof definitionFiles;

export const definedVendors = Object.keys(definitionFiles) as DefinedVendor[];

const loaded = new Map<DefinedVendor, OpenApiDocument>();

/**
 * A vendor's definition, its schemas in JSON Schema 2020-12 terms, shared by every caller in the
 * process: read it, never change it.
 */
export function vendorDefinition(vendor: DefinedVendor): OpenApiDocument {
  let document = loaded.get(vendor);
  if (!document) {
    const parsed: unknown = parse(readFileSync(`${vendorDefinitionsDir}${definitionFiles[vendor]}`, 'utf8'));
    if (!isJsonObject(parsed)) throw new Error(`${definitionFiles[vendor]} is not an OpenAPI document`);
    document = toJsonSchemaDialect(parsed) as unknown as OpenApiDocument;
    loaded.set(vendor, document);
  }
  return document;
}

/** A private deep copy of a vendor's definition, free to modify. */
export function loadVendorDefinition(vendor: DefinedVendor): OpenApiDocument {
  return structuredClone(vendorDefinition(vendor));
}

const validators = new Map<DefinedVendor, SchemaValidator>();

/**
 * What the vendor's own definition finds wrong with `body` as the JSON response of `operationId`
 * with `status` (empty: it would accept it). Throws when the vendor documents no such response.
 */
export function vendorResponseIssues(
  vendor: DefinedVendor,
  operationId: string,
  status: number,
  body: unknown,
): SchemaIssue[] {
  const document = vendorDefinition(vendor);
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  const responseRef = entry?.operation.responses[String(status)];
  if (!entry || !responseRef) throw new Error(`${vendor}'s definition documents no ${status} for ${operationId}`);
  const response = locate<ResponseObject>(document, responseRef, [
    'paths',
    entry.path,
    entry.method,
    'responses',
    String(status),
  ]);
  if (!response.value.content?.['application/json']?.schema) {
    throw new Error(`${vendor}'s ${operationId} ${status} has no JSON schema`);
  }
  let validator = validators.get(vendor);
  if (!validator) {
    validator = createSchemaValidator(document);
    validators.set(vendor, validator);
  }
  return validator.validate(pointer(...response.at, 'content', 'application/json', 'schema'), body);
}
