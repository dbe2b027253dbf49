import { unknownCredentialMessage } from '../access/access-gate.ts';
import type { ApiError } from '../errors/api-error.ts';
import { describeFindings, type Finding } from '../errors/findings.ts';

const ifMatchPath = '/headers/if-match';

/**
 * What the spec means where a validator finding alone is cryptic: a oneOf only says "must match
 * exactly one schema", an unknown property does not name the rule, a pattern is a regex.
 */
const hints: Array<{ path: string; errorCode: string; hint: string }> = [
  {
    path: '/body/image/dockerfile',
    errorCode: 'oneOf.openapi.validation',
    hint: 'body/image/dockerfile must be null or an inline Dockerfile ({"type": "inline", "value": "<Dockerfile contents>"}): Dockerfile path sources are not supported by the environments REST API; use inline Dockerfile content',
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

const inBody = (finding: Finding) => finding.path === '/body' || finding.path.startsWith('/body/');
const inPathId = (finding: Finding) => finding.path === '/params/id';
const isMissingIfMatch = (finding: Finding) =>
  finding.path === ifMatchPath && finding.errorCode === 'required.openapi.validation';

/** The findings in words, led by what the spec means where a finding alone is cryptic. */
function explain(findings: readonly Finding[]): string {
  const found = hints.filter((hint) =>
    findings.some((finding) => finding.path === hint.path && finding.errorCode === hint.errorCode),
  );
  const described = describeFindings(findings);
  return found.length ? `${found.map(({ hint }) => hint).join('; ')}. Validator findings: ${described}` : described;
}

/**
 * Request-validation findings with the status Fabro's handler answers them with, in the order its
 * extractors run: the JSON body first (a body of the wrong shape is 422, even when If-Match is
 * missing too), then the path id (400), then If-Match, missing (428) or malformed (400).
 */
function validationFailure(error: ApiError): ApiError {
  const { findings } = error;
  const body = findings.filter(inBody);
  if (body.length) {
    return error.with({
      status: 422,
      message: `Failed to deserialize the JSON body into the target type: ${explain(body)}`,
      findings: body,
    });
  }
  const id = findings.filter(inPathId);
  if (id.length) return error.with({ message: `invalid environment id: ${explain(id)}`, findings: id });
  if (findings.some(isMissingIfMatch)) {
    return error.with({
      status: 428,
      message: 'If-Match header is required for environment: GET the environment and send its ETag as If-Match',
    });
  }
  const ifMatch = findings.filter((finding) => finding.path === ifMatchPath);
  if (ifMatch.length) {
    return error.with({ message: `invalid If-Match environment revision: ${explain(ifMatch)}`, findings: ifMatch });
  }
  return error.with({ message: explain(findings) });
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

/**
 * Fabro's authentication failure: "Authentication required.", coded `access_token_invalid` when a
 * token was sent but is not a valid one (a missing token carries no code), with how to authenticate.
 */
function unauthorized(error: ApiError): ApiError {
  const explanation = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  return error.with({
    message: `Authentication required. ${explanation}.`,
    code: error.message.startsWith(unknownCredentialMessage) ? 'access_token_invalid' : undefined,
  });
}

/** Re-maps a failure to Fabro's status and wording before its code is settled. */
function remap(error: ApiError): ApiError {
  if (error.status === 401) return unauthorized(error);
  if (error.status === 415) return unsupportedMediaType(error);
  // The store (or anything else behind the operation) failed: Fabro's handlers say only this.
  if (error.status === 500 && error.code === 'internal_error') {
    return error.with({ message: 'environment store operation failed' });
  }
  if (error.status === 400 && error.findings.length) return validationFailure(error);
  return error;
}

/**
 * Re-maps generic failures to Fabro's documented statuses and wording. Fabro sets `code` only
 * where a client must tell causes apart (a 401's `access_token_invalid`); every other code goes.
 */
export function adaptFabroError(error: ApiError): ApiError {
  const adapted = remap(error);
  return adapted.code === 'access_token_invalid' ? adapted : adapted.with({ code: undefined });
}
