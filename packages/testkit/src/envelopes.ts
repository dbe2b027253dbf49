import {
  bundleOf,
  createSchemaValidator,
  formatIssues,
  resolve,
  type ResponseObject,
  type Vendor,
} from '@envspec/specs';
import { operationOf } from './spec-requests.ts';

const validators = new Map<Vendor, ReturnType<typeof createSchemaValidator>>();
function validatorOf(vendor: Vendor) {
  const known = validators.get(vendor);
  if (known) return known;
  const created = createSchemaValidator(bundleOf(vendor));
  validators.set(vendor, created);
  return created;
}

/** The JSON Pointer of the vendor's error envelope: the schema of its write operation's documented 4xx answers. */
export function errorSchemaOf(vendor: Vendor): string {
  const entry = operationOf(vendor, 'write');
  const errorResponse = Object.entries(entry.operation.responses).find(([status]) => status.startsWith('4'))!;
  const schema = Object.values(resolve<ResponseObject>(bundleOf(vendor), errorResponse[1]).content ?? {})[0]?.schema;
  return (schema as { $ref: string }).$ref;
}

/** Problems with a body as the vendor's error envelope ('' when there are none). */
export function envelopeIssues(vendor: Vendor, body: unknown): string {
  return formatIssues(validatorOf(vendor).validate(errorSchemaOf(vendor), body), 'body');
}

/** The error message inside any vendor's envelope. */
export function errorMessage(body: unknown): string {
  const value = (body ?? {}) as {
    error?: { message?: string };
    errors?: Array<string | { detail?: string }>;
    message?: string;
  };
  if (value.error?.message) return value.error.message;
  if (value.errors) return value.errors.map((item) => (typeof item === 'string' ? item : item.detail)).join('; ');
  return value.message ?? '';
}

/** The machine-readable code inside any vendor's envelope (Datadog's has none). */
export function errorCode(body: unknown): string | undefined {
  const value = (body ?? {}) as {
    error?: { code?: string };
    errors?: Array<string | { code?: string }>;
    code?: string;
  };
  const first = value.errors?.[0];
  return value.error?.code ?? (typeof first === 'object' ? first.code : undefined) ?? value.code;
}

/** The request ids each vendor mints: Fabro a UUID (version 4), as its request-id layer does; the others `req_` + 32 hex. */
const requestIdPatterns: Record<Vendor, RegExp> = {
  qoder: /^req_[0-9a-f]{32}$/,
  fabro: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  datadog: /^req_[0-9a-f]{32}$/,
  launchdarkly: /^req_[0-9a-f]{32}$/,
};

export function requestIdPattern(vendor: Vendor): RegExp {
  return requestIdPatterns[vendor];
}
