export { vendors, isVendor, bundlePath, specRootPath, type Vendor } from './vendors.ts';
export {
  loadBundle,
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
export { createSchemaValidator, formatIssues, type SchemaIssue, type SchemaValidator } from './schema-validator.ts';
