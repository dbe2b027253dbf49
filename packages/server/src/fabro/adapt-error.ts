import { ApiError } from '../http/api-error.ts';
import { toApiError, validatorErrorItems } from '../http/to-api-error.ts';

type ValidatorErrorItem = ReturnType<typeof validatorErrorItems>[number];

const ifMatchPath = '/headers/if-match';

/**
 * What the spec means where a validator finding alone is cryptic: a oneOf only says "must match
 * exactly one schema", an unknown property does not name the rule, a pattern is a regex.
 */
const hints: Array<{ path: string; errorCode: string; hint: string }> = [
  {
    path: '/body/image',
    errorCode: 'oneOf.openapi.validation',
    hint: 'body/image must set exactly one of \'docker\' (a prebuilt image reference) or \'dockerfile\' ({"type": "inline", "value": "<Dockerfile contents>"}); local Dockerfile paths are not accepted',
  },
  {
    path: '/body/id',
    errorCode: 'additionalProperties.openapi.validation',
    hint: 'body/id is not accepted: the path id is authoritative, so leave id out of the body',
  },
  {
    path: ifMatchPath,
    errorCode: 'pattern.openapi.validation',
    hint: "If-Match must be the environment's ETag from a GET: its 64-character lowercase hex revision, quoted or bare",
  },
];

function isMissingIfMatch(item: ValidatorErrorItem): boolean {
  return item.path === ifMatchPath && item.errorCode === 'required.openapi.validation';
}

/**
 * Fabro answers a missing If-Match with 428, but the validator rejects a missing required header
 * with 400 before the handler runs. Any other findings of the same request are kept in the detail.
 */
function preconditionRequired(error: ApiError, items: ValidatorErrorItem[]): ApiError {
  const others = items.filter((item) => !isMissingIfMatch(item));
  const also = others.length
    ? ` The request has other problems too: ${toApiError({ status: 400, errors: others }).message}`
    : '';
  return new ApiError(428, `If-Match is required: GET the environment and send its ETag as If-Match.${also}`, {
    code: 'precondition_required',
    headers: error.headers,
  });
}

/** Prefixes the validator's message with what the spec means, keeping every finding after it. */
function explainValidatorFindings(error: ApiError, items: ValidatorErrorItem[]): ApiError {
  const found = hints.filter((hint) =>
    items.some((item) => item.path === hint.path && item.errorCode === hint.errorCode),
  );
  if (!found.length) return error;
  const message = `${found.map(({ hint }) => hint).join('; ')}. Validator findings: ${error.message}`;
  return new ApiError(error.status, message, { code: error.code, headers: error.headers });
}

/** The machinery's 415 names the type in lower case; say what Fabro accepts instead. */
function unsupportedMediaType(error: ApiError): ApiError {
  const type = /^unsupported media type (.+)$/.exec(error.message)?.[1];
  if (!type) return error;
  const message =
    type === 'undefined'
      ? "The request has no body or no Content-Type: send the environment definition as 'application/json'."
      : `Content-Type '${type}' is not supported: send the body as 'application/json'.`;
  return new ApiError(415, message, { code: error.code, headers: error.headers });
}

/** Re-maps generic failures to Fabro's documented statuses, codes and clearer details. */
export function adaptFabroError(error: ApiError, cause: unknown): ApiError {
  // The machinery names a missing or unknown credential `unauthenticated`; Fabro documents `unauthorized`.
  if (error.status === 401) return new ApiError(401, error.message, { code: 'unauthorized', headers: error.headers });
  if (error.status === 415) return unsupportedMediaType(error);
  if (error.status !== 400) return error;
  const items = validatorErrorItems(cause);
  if (items.some(isMissingIfMatch)) return preconditionRequired(error, items);
  return explainValidatorFindings(error, items);
}
