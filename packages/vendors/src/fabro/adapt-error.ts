import type { ApiError } from '../errors/api-error.ts';
import { describeFindings, type Finding } from '../errors/findings.ts';

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

function isMissingIfMatch(finding: Finding): boolean {
  return finding.path === ifMatchPath && finding.errorCode === 'required.openapi.validation';
}

/**
 * Fabro answers a missing If-Match with 428, but request validation rejects a missing required
 * header with 400 before the operation runs. Any other findings of the same request are kept in the detail.
 */
function preconditionRequired(error: ApiError): ApiError {
  const others = error.findings.filter((finding) => !isMissingIfMatch(finding));
  const also = others.length ? ` The request has other problems too: ${describeFindings(others)}` : '';
  return error.with({
    status: 428,
    message: `If-Match is required: GET the environment and send its ETag as If-Match.${also}`,
    code: 'precondition_required',
  });
}

/** Prefixes the shared message with what the spec means, keeping every finding after it. */
function explainFindings(error: ApiError): ApiError {
  const found = hints.filter((hint) =>
    error.findings.some((finding) => finding.path === hint.path && finding.errorCode === hint.errorCode),
  );
  if (!found.length) return error;
  return error.with({ message: `${found.map(({ hint }) => hint).join('; ')}. Validator findings: ${error.message}` });
}

/** The shared 415 names the type in lower case; say what Fabro accepts instead. */
function unsupportedMediaType(error: ApiError): ApiError {
  const type = /^unsupported media type (.+)$/.exec(error.message)?.[1];
  if (!type) return error;
  const message =
    type === 'undefined'
      ? "The request has no body or no Content-Type: send the environment definition as 'application/json'."
      : `Content-Type '${type}' is not supported: send the body as 'application/json'.`;
  return error.with({ message });
}

/** Re-maps generic failures to Fabro's documented statuses, codes and clearer details. */
export function adaptFabroError(error: ApiError): ApiError {
  // The shared checks name a missing or unknown credential `unauthenticated`; Fabro documents `unauthorized`.
  if (error.status === 401) return error.with({ code: 'unauthorized' });
  if (error.status === 415) return unsupportedMediaType(error);
  if (error.status !== 400) return error;
  if (error.findings.some(isMissingIfMatch)) return preconditionRequired(error);
  return explainFindings(error);
}
