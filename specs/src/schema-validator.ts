import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './document.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the callable sits one level down.
const addFormats = addFormatsModule.default.default ?? addFormatsModule.default;

export interface SchemaIssue {
  /** Where in the instance, as a JSON Pointer ("" is the root). */
  instancePath: string;
  message: string;
}

export interface SchemaValidator {
  /** Validates `value` against the schema at `schemaPointer` (for example `#/components/schemas/Environment`). */
  validate(schemaPointer: string, value: unknown): SchemaIssue[];
}

const documentId = 'urn:envspec:openapi';

/**
 * A JSON Schema 2020-12 validator over a whole OpenAPI 3.1 document, so schemas are addressed
 * by their JSON Pointer and every `$ref` inside resolves against the document.
 */
export function createSchemaValidator(document: OpenApiDocument): SchemaValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI annotation keywords that are not JSON Schema vocabulary.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  ajv.addSchema({ ...document, $id: documentId });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

  return {
    validate(schemaPointer, value) {
      let check = compiled.get(schemaPointer);
      if (!check) {
        check = ajv.compile({ $ref: `${documentId}${schemaPointer}` });
        compiled.set(schemaPointer, check);
      }
      return check(value) ? [] : (check.errors ?? []).map(toIssue);
    },
  };
}

function toIssue(error: ErrorObject): SchemaIssue {
  const detail =
    error.keyword === 'additionalProperties'
      ? `${error.message} '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`
      : (error.message ?? error.keyword);
  return { instancePath: error.instancePath, message: detail };
}

/** One line per issue: `<where> <what>`. */
export function formatIssues(issues: SchemaIssue[], root = 'value'): string {
  return issues.map((issue) => `${root}${issue.instancePath} ${issue.message}`).join('; ');
}
