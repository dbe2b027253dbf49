import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './document.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the callable sits one level down.
const addFormats = addFormatsModule.default.default ?? addFormatsModule.default;

export interface SchemaIssue {
  /** Where in the instance, as a JSON Pointer ("" is the root). */
  instancePath: string;
  /** What is wrong, naming an unexpected property when that is the problem. */
  message: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `additionalProperties`, …). */
  keyword: string;
  /** Ajv's parameters of the failure (`missingProperty`, `additionalProperty`, `allowedValues`, …). */
  params: Readonly<Record<string, unknown>>;
  /** Ajv's own wording, without the property name `message` may add. */
  ajvMessage: string;
}

export interface SchemaValidator {
  /** Validates `value` against the schema at `schemaPointer` (for example `#/components/schemas/Environment`). */
  validate(schemaPointer: string, value: unknown): SchemaIssue[];
  /**
   * Validates `value` against a schema of the caller's, which reaches into the document through
   * `documentRef(pointer)`. The schema is compiled once per object, so pass the same one each time.
   */
  validateSchema(schema: object, value: unknown): SchemaIssue[];
}

export interface SchemaValidatorOptions {
  /** Coerce strings to the schema's type first, as HTTP parameters and headers need (default off). */
  coerceTypes?: boolean;
}

const documentId = 'urn:envspec:openapi';

/** A `$ref` to the schema at `schemaPointer` in the document, for `validateSchema`. */
export function documentRef(schemaPointer: string): { $ref: string } {
  return { $ref: `${documentId}${schemaPointer}` };
}

/**
 * A JSON Schema 2020-12 validator over a whole OpenAPI 3.1 document, so schemas are addressed
 * by their JSON Pointer and every `$ref` inside resolves against the document.
 */
export function createSchemaValidator(
  document: OpenApiDocument,
  { coerceTypes = false }: SchemaValidatorOptions = {},
): SchemaValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, coerceTypes });
  addFormats(ajv);
  // OpenAPI annotation keywords that are not JSON Schema vocabulary.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  ajv.addSchema({ ...document, $id: documentId });
  const byPointer = new Map<string, ValidateFunction>();
  const bySchema = new WeakMap<object, ValidateFunction>();
  const run = (check: ValidateFunction, value: unknown) => (check(value) ? [] : (check.errors ?? []).map(toIssue));

  return {
    validate(schemaPointer, value) {
      let check = byPointer.get(schemaPointer);
      if (!check) {
        check = ajv.compile(documentRef(schemaPointer));
        byPointer.set(schemaPointer, check);
      }
      return run(check, value);
    },
    validateSchema(schema, value) {
      let check = bySchema.get(schema);
      if (!check) {
        check = ajv.compile(schema);
        bySchema.set(schema, check);
      }
      return run(check, value);
    },
  };
}

function toIssue(error: ErrorObject): SchemaIssue {
  const ajvMessage = error.message ?? error.keyword;
  const message =
    error.keyword === 'additionalProperties'
      ? `${ajvMessage} '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`
      : ajvMessage;
  return { instancePath: error.instancePath, message, keyword: error.keyword, params: error.params, ajvMessage };
}

/** One line per issue: `<where> <what>`. */
export function formatIssues(issues: SchemaIssue[], root = 'value'): string {
  return issues.map((issue) => `${root}${issue.instancePath} ${issue.message}`).join('; ');
}
