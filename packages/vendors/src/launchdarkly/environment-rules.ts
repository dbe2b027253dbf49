import { createSchemaValidator, escapeSegment, type OpenApiDocument } from '@envspec/specs';
import type { LaunchDarklyApprovalSettings, LaunchDarklyEnvironment } from '@envspec/types/launchdarkly';

const environmentSchema = '#/components/schemas/Environment';

/**
 * What a patched environment must satisfy before it is stored: the spec's Environment schema
 * (a patch can write any JSON value, e.g. a string into `/defaultTtl`, or remove a required field)
 * and LaunchDarkly's rule that approvals are required either for all flags or for tagged ones.
 */
export function createEnvironmentRules(document: OpenApiDocument): (environment: LaunchDarklyEnvironment) => string[] {
  const validator = createSchemaValidator(document);
  return (environment) => {
    const schemaProblems = validator.validate(environmentSchema, environment).map(({ instancePath, message }) => {
      // Ajv reports a missing property at its parent; name the property, which is what the patch removed.
      const missing = /^must have required property '(.+)'$/.exec(message)?.[1];
      return missing === undefined
        ? `${instancePath || '/'} ${message}`
        : `${instancePath}/${escapeSegment(missing)} is required and cannot be removed`;
    });
    // The approval rule reads typed fields, so it only runs on a schema-valid environment.
    return schemaProblems.length > 0 ? [...new Set(schemaProblems)] : approvalConflicts(environment);
  };
}

/**
 * LaunchDarkly: "You can specify either required approvals for all flags in an environment or
 * those with specific tags, but not both." envspec reads this as a rule on the result: after the
 * patch, no approval settings may have `required: true` together with a non-empty
 * `requiredApprovalTags`. So one patch may switch from one mode to the other (`required` to false
 * and tags added, or tags emptied and `required` to true); only a patch ending in both is refused.
 */
function approvalConflicts(environment: LaunchDarklyEnvironment): string[] {
  const settings: Array<[string, LaunchDarklyApprovalSettings | undefined]> = [
    ['/approvalSettings', environment.approvalSettings],
    ...Object.entries(environment.resourceApprovalSettings ?? {}).map(
      ([kind, value]): [string, LaunchDarklyApprovalSettings] => [
        `/resourceApprovalSettings/${escapeSegment(kind)}`,
        value,
      ],
    ),
  ];
  return settings
    .filter(([, value]) => value?.required === true && value.requiredApprovalTags.length > 0)
    .map(
      ([where]) =>
        `${where} would have both required (true) and requiredApprovalTags set. You can specify either required approvals for all flags in an environment or those with specific tags, but not both: set required to false to require approval only for tagged flags, or empty requiredApprovalTags`,
    );
}
