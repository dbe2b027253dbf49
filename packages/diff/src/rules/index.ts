/** The rule table: every rule the engine applies, in the order the README lists them. */
import { mediaTypeRules, requestBodyRules, responseHeaderRules, responseRules } from './bodies.ts';
import { operationRules } from './operations.ts';
import { parameterRules } from './parameters.ts';
import { roundTripRule } from './round-trip.ts';
import type { AnyRule } from './rule.ts';
import { boundRules } from './schema-bounds.ts';
import { compositionRules } from './schema-composition.ts';
import { objectRules } from './schema-objects.ts';
import { patternRules } from './schema-pattern.ts';
import { structureRules } from './schema-structure.ts';
import { typeRules } from './schema-types.ts';
import { valueRules } from './schema-values.ts';
import { securityRules } from './security.ts';
import { versioningRules } from './versioning.ts';

export const rules: readonly AnyRule[] = [
  ...operationRules,
  roundTripRule,
  ...securityRules,
  ...parameterRules,
  ...requestBodyRules,
  ...mediaTypeRules,
  ...responseRules,
  ...responseHeaderRules,
  ...objectRules,
  ...typeRules,
  ...valueRules,
  ...boundRules,
  ...patternRules,
  ...compositionRules,
  ...structureRules,
  ...versioningRules,
] as readonly AnyRule[];

export function findRule(id: string): AnyRule | undefined {
  return rules.find((entry) => entry.id === id);
}
