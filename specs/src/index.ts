/**
 * The browser-safe entry point: the vendor list, the bundles (as JSON modules), the document
 * helpers, the OAS 3.0 → JSON Schema 2020-12 conversion and the schema validator. File-system
 * paths for Node tools are in `@envspec/specs/files`; the vendors' own definitions, read from
 * disk, in `@envspec/specs/vendor-definitions`.
 */
export { vendors, isVendor, type Vendor } from './vendors.ts';
export { bundleOf, loadBundle } from './bundles.ts';
export {
  resolve,
  locate,
  type Located,
  listOperations,
  pointer,
  httpMethods,
  type HttpMethod,
  type OpenApiDocument,
  type OperationEntry,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
  type HeaderObject,
  type MediaTypeObject,
  type ExampleObject,
  type Reference,
} from './document.ts';
export { componentExample, requestExample, responseExample } from './examples.ts';
export { escapeSegment, pointerSegments } from './json-pointer.ts';
export { isJsonObject, type Json, type JsonObject } from './json.ts';
export { toJsonSchemaDialect } from './openapi-30.ts';
export {
  createSchemaValidator,
  documentRef,
  formatIssues,
  type SchemaIssue,
  type SchemaValidator,
  type SchemaValidatorOptions,
} from './schema-validator.ts';
