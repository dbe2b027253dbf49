/**
 * Validation against the spec that also refuses undeclared properties: a copy of the bundle in
 * which every object schema that leaves `additionalProperties` open says
 * `unevaluatedProperties: false` (a map's `additionalProperties: {schema}` still declares its keys).
 * Independent of the mock's own schema handling: Ajv 2020-12 through @envspec/specs.
 */
import {
  bundleOf,
  createSchemaValidator,
  formatIssues,
  listOperations,
  locate,
  pointer,
  type OpenApiDocument,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

function close(node: unknown, insideAllOf = false): void {
  if (Array.isArray(node)) {
    for (const item of node) close(item, insideAllOf);
    return;
  }
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) close(value, key === 'allOf');
  const objectLike = node.type === 'object' || isNode(node.properties);
  const open = node.additionalProperties === undefined && node.unevaluatedProperties === undefined;
  // An allOf member is judged with its siblings: the schema holding the allOf is closed instead.
  if (objectLike && open && !node.patternProperties && !insideAllOf) node.unevaluatedProperties = false;
}

function closedCopy(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  close(copy.components);
  for (const item of Object.values(copy.paths)) close(item);
  return copy;
}

const validators = new Map<Vendor, ReturnType<typeof createSchemaValidator>>();

/** Problems of `body` as the `status` answer of `method path-template`, undeclared properties included; '' when none. */
export function closedResponseIssues(
  vendor: Vendor,
  template: string,
  method: string,
  status: number,
  body: unknown,
): string {
  const document = bundleOf(vendor);
  const validator = validators.get(vendor) ?? createSchemaValidator(closedCopy(document));
  validators.set(vendor, validator);
  const entry = listOperations(document).find(
    (candidate) => candidate.path === template && candidate.method === method,
  );
  if (!entry) return `${method} ${template} is not in the ${vendor} spec`;
  const node = entry.operation.responses[String(status)];
  if (!node) return `${status} is not a documented answer of ${method} ${template}`;
  const located = locate<ResponseObject>(document, node, ['paths', template, method, 'responses', String(status)]);
  const [mediaType] = Object.keys(located.value.content ?? {});
  if (!mediaType) return body === undefined ? '' : 'the spec documents no body';
  return formatIssues(validator.validate(pointer(...located.at, 'content', mediaType, 'schema'), body), 'body');
}
