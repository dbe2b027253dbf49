import {
  createSchemaValidator,
  formatIssues,
  locate,
  pointer,
  type HeaderObject,
  type OpenApiDocument,
  type OperationEntry,
  type ResponseObject,
  type SchemaValidator,
} from '@envspec/specs';

export interface ObservedResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined when there was none / it was not JSON. */
  body: unknown;
  text: string;
}

/** Coerces a header's text to the JSON type its schema declares, as a client would read it. */
function headerValue(schema: unknown, raw: string): unknown {
  const type = (schema as { type?: string } | undefined)?.type;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/**
 * Checks a response against everything the spec says about it — the status is documented, the
 * content type is one of the documented ones, the body validates, and every documented header
 * that is present (or required) validates — with a validator built from the bundled spec.
 * Returns problems as `<operationId> <status>: <where> <what>` lines; empty means conformant.
 */
export class ResponseConformance {
  private readonly validator: SchemaValidator;

  constructor(private readonly document: OpenApiDocument) {
    this.validator = createSchemaValidator(document);
  }

  check(entry: OperationEntry, response: ObservedResponse): string[] {
    const label = `${entry.operation.operationId} ${response.status}`;
    const documented = entry.operation.responses[String(response.status)] ?? entry.operation.responses.default;
    if (!documented) {
      const statuses = Object.keys(entry.operation.responses).join(', ');
      return [
        `${label}: status ${response.status} is not documented (documented: ${statuses}); body: ${response.text.slice(0, 300)}`,
      ];
    }
    const located = locate<ResponseObject>(this.document, documented, [
      'paths',
      entry.path,
      entry.method,
      'responses',
      String(response.status),
    ]);
    const problems: string[] = [];
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const media = Object.keys(located.value.content ?? {});
    if (media.length === 0) {
      if (response.text !== '')
        problems.push(`${label}: the spec documents no body, got ${response.text.slice(0, 100)}`);
    } else if (!media.includes(contentType)) {
      problems.push(`${label}: content-type '${contentType}' is not one of ${media.join(', ')}`);
    } else if (response.body === undefined) {
      problems.push(`${label}: body is not JSON: ${response.text.slice(0, 200)}`);
    } else {
      const issues = this.validator.validate(pointer(...located.at, 'content', contentType, 'schema'), response.body);
      if (issues.length > 0) problems.push(`${label}: ${formatIssues(issues, 'body')}`);
    }
    for (const [name, headerOrRef] of Object.entries(located.value.headers ?? {})) {
      const header = locate<HeaderObject>(this.document, headerOrRef, [...located.at, 'headers', name]);
      const raw = response.headers.get(name);
      if (raw === null) {
        if (header.value.required) problems.push(`${label}: required header ${name} is missing`);
        continue;
      }
      const issues = this.validator.validate(pointer(...header.at, 'schema'), headerValue(header.value.schema, raw));
      if (issues.length > 0) problems.push(`${label}: ${formatIssues(issues, `header ${name}`)} (got '${raw}')`);
    }
    return problems;
  }
}
