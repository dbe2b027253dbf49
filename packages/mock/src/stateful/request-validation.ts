import {
  createSchemaValidator,
  documentRef,
  locate,
  pointer,
  type OpenApiDocument,
  type OperationEntry,
  type SchemaIssue,
} from '@envspec/specs';
import { ApiError, invalidRequest, protocolErrors, type Finding } from '@envspec/vendors';

/** A Content-Type as express-openapi-validator compares them: media type, then sorted parameters but `boundary`. */
function normalized(contentType: string): { mediaType: string; full: string; charset: boolean } {
  const parameters = [...contentType.matchAll(/;\s*([^=]+)=([^;]+)/g)].map(([, key = '', value = '']) => {
    const name = key.toLowerCase();
    return [name, name === 'charset' ? value.toLowerCase() : value] as const;
  });
  const mediaType = contentType.split(';')[0]!.toLowerCase().trim();
  const kept = parameters.filter(([name]) => name !== 'boundary').sort(([left], [right]) => left.localeCompare(right));
  return {
    mediaType,
    full: mediaType + kept.map(([name, value]) => `; ${name}=${value}`).join(''),
    charset: parameters.some(([name]) => name === 'charset'),
  };
}

/** What one request sends that the spec has something to say about. */
export interface ValidatedParts {
  params: Record<string, string>;
  /** Header values by lower-case name. */
  headers: Record<string, string>;
  query: URLSearchParams;
  contentType: string | undefined;
  /** The parsed body; undefined when there was none. */
  body: unknown;
}

/** An operation's request checks, compiled once. */
export interface RequestValidator {
  /**
   * The findings of a request against the spec, in the reference server's validator terms (path,
   * Ajv's message, keyword), or the 415 for a Content-Type the operation does not take.
   */
  check(parts: ValidatedParts): ApiError | undefined;
}

function toFinding(issue: SchemaIssue): Finding {
  const missing = issue.params.missingProperty ?? issue.params.additionalProperty ?? issue.params.unevaluatedProperty;
  const allowed = issue.params.allowedValues;
  const message =
    issue.keyword === 'enum' && Array.isArray(allowed)
      ? `${issue.ajvMessage}: ${allowed.join(', ')}`
      : issue.ajvMessage;
  return {
    path: typeof missing === 'string' ? `${issue.instancePath}/${missing}` : issue.instancePath,
    message,
    errorCode: `${issue.keyword}.openapi.validation`,
  };
}

/**
 * Request validation as the reference server's express-openapi-validator does it, with Ajv
 * (JSON Schema 2020-12) over the bundled spec: path parameters, header parameters and the query
 * (no unknown parameters) with types coerced from text, then the body against the schema of its
 * Content-Type. Findings name where (`/body/name`, `/headers/if-match`) as the vendors' re-wordings expect.
 */
export function createRequestValidator(document: OpenApiDocument): (entry: OperationEntry) => RequestValidator {
  const parameterValidator = createSchemaValidator(document, { coerceTypes: true });
  const bodyValidator = createSchemaValidator(document);

  return (entry) => {
    const group = (location: 'path' | 'header' | 'query') => {
      const parameters = entry.parameters.filter(({ value }) => value.in === location);
      const name = (parameterName: string) => (location === 'header' ? parameterName.toLowerCase() : parameterName);
      return {
        names: new Set(parameters.map(({ value }) => name(value.name))),
        schema: {
          type: 'object',
          required: parameters
            .filter(({ value }) => value.required || location === 'path')
            .map(({ value }) => name(value.name)),
          properties: Object.fromEntries(
            parameters.map(({ value, at }) => [name(value.name), documentRef(pointer(...at, 'schema'))]),
          ),
        },
      };
    };
    const path = group('path');
    const header = group('header');
    const query = group('query');
    const general = {
      type: 'object',
      required: ['query', 'headers', 'params'],
      properties: { params: path.schema, headers: header.schema, query: query.schema },
    };

    const requestBody = entry.operation.requestBody
      ? locate(document, entry.operation.requestBody, ['paths', entry.path, entry.method, 'requestBody'])
      : undefined;
    const bodySchemas = new Map<string, object>();
    const bodySchemaFor = (contentType: string | undefined): object | ApiError | undefined => {
      if (!requestBody) return undefined;
      const types = Object.keys(requestBody.value.content);
      const sent = contentType === undefined ? undefined : normalized(contentType);
      const candidates = sent
        ? [sent.full, sent.mediaType, ...(sent.charset ? [] : [`${sent.mediaType}; charset=utf-8`])]
        : [];
      const type = types.find((declared) => candidates.includes(normalized(declared).full));
      if (type === undefined) {
        if (requestBody.value.required === false && sent === undefined) return undefined;
        return protocolErrors.unsupportedMediaType(sent?.full);
      }
      let schema = bodySchemas.get(type);
      if (!schema) {
        schema = {
          type: 'object',
          ...(requestBody.value.required ? { required: ['body'] } : {}),
          properties: { body: documentRef(pointer(...requestBody.at, 'content', type, 'schema')) },
        };
        bodySchemas.set(type, schema);
      }
      return schema;
    };

    return {
      check(parts) {
        const bodySchema = bodySchemaFor(parts.contentType);
        if (bodySchema instanceof ApiError) return bodySchema;
        for (const key of parts.query.keys()) {
          if (!query.names.has(key))
            return new ApiError(400, `query/${key} Unknown query parameter '${key}'`, {
              findings: [{ path: `/query/${key}`, message: `Unknown query parameter '${key}'`, errorCode: '' }],
            });
        }
        const data = {
          params: { ...parts.params },
          headers: { ...parts.headers },
          query: Object.fromEntries(parts.query),
        };
        const issues = [
          ...parameterValidator.validateSchema(general, data),
          ...(bodySchema ? bodyValidator.validateSchema(bodySchema, { body: parts.body }) : []),
        ];
        if (issues.length === 0) return undefined;
        return invalidRequest(issues.map(toFinding));
      },
    };
  };
}
