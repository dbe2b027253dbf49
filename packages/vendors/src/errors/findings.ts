import { ApiError } from './api-error.ts';

/**
 * One request-validation finding, in express-openapi-validator's terms, which the reference server
 * gets from its validator and the mock builds from Ajv or Prism: the vendors' re-wordings key on it.
 */
export interface Finding {
  /** Where, e.g. `/body/name`, `/headers/if-match`, `/params/environment_id`. A missing property is named itself. */
  path: string;
  /** What, in Ajv's words, e.g. `must be string`. */
  message: string;
  /** Ajv keyword + `.openapi.validation`, e.g. `required.openapi.validation`. */
  errorCode: string;
}

const requestLocations = /^[./]?(body|params|query|headers|path|response)\b/;

/** One finding in words: `body/config must be object`, naming a missing property's parent. */
export function describeFinding(finding: Partial<Finding>): string {
  const message = finding.message ?? 'is invalid';
  const path = finding.path ?? '';
  // Only request locations (`/body/config`, `.headers.if-match`) say where; route paths do not.
  if (!requestLocations.test(path)) return message;
  let where = path.replace(/^[./]/, '').replaceAll('.', '/');
  // Ajv points a missing property at the property itself; name its parent instead.
  const missing = /^must have required property '(.+)'$/.exec(message)?.[1];
  if (missing && where.endsWith(`/${missing}`)) where = where.slice(0, -missing.length - 1);
  return `${where} ${message}`;
}

/** Every finding in words, `; `-separated. */
export function describeFindings(findings: ReadonlyArray<Partial<Finding>>): string {
  return findings.map(describeFinding).join('; ');
}

/** A request that breaks the spec: 400, with its findings kept for the vendor's re-wording. */
export function invalidRequest(findings: readonly Finding[]): ApiError {
  return new ApiError(400, describeFindings(findings), { findings });
}
