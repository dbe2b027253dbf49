/**
 * The categories the old classifier missed (issue 16), each pinned by a rule and a named case of
 * the rule table: if a rule or its case goes, this names what is no longer covered.
 */
import { expect, it } from 'vitest';
import { findRule } from '../src/index.ts';

const categories: Array<[category: string, rule: string, caseName: string]> = [
  ['dependentRequired', 'request-dependent-required-added', 'dependentRequired added'],
  ['dependentSchemas', 'response-dependent-schema-removed', 'dependentSchemas entry removed'],
  ['patternProperties', 'request-pattern-property-added', 'patternProperties entry added'],
  ['prefixItems', 'request-prefix-item-removed', 'prefixItems position removed'],
  ['contains', 'request-contains-added', 'contains added'],
  ['webhooks: removed', 'webhook-removed', 'webhook removed'],
  [
    'webhooks: payload',
    'response-required-property-removed',
    "a webhook's payload is written by the API: removing a required field breaks subscribers",
  ],
  ['parameter default added', 'request-parameter-default-changed', 'default added'],
  ['parameter default removed', 'request-parameter-default-changed', 'default removed'],
  ['parameter default changed', 'request-parameter-default-changed', 'default changed'],
  ['OAS 3.0 nullable', 'response-became-nullable', '3.0 nullable'],
  ['x-extensible-enum', 'request-extensible-enum-value-removed', 'value removed'],
  ['request body wrapped in oneOf', 'request-wrapped-in-one-of', 'body wrapped in oneOf'],
  [
    'enum moved into oneOf (false alarm)',
    'request-enum-value-removed',
    'enum moved into oneOf of constants is no change',
  ],
  ['allOf without validation effect (false alarm)', 'all-of-annotation-changed', 'annotation-only member added'],
  [
    'XML body type change (false alarm)',
    'request-type-changed',
    'an XML body integer → string is not a change clients notice',
  ],
  [
    'header string → integer (false alarm)',
    'response-type-changed',
    'a header string → integer stays readable as text',
  ],
  ['pattern "" (false alarm)', 'request-pattern-added', 'an empty pattern matches everything: no change'],
  [
    'path parameter not in the template (false alarm)',
    'request-parameter-added',
    'a path parameter the template does not name is not a new parameter',
  ],
  ['round-trip', 'round-trip-property-rejected', 'optional read-only field added while the PUT body is closed'],
  ['versioning', 'version-major-bump-missing', '1.2.3 → 1.3.0 with a breaking change'],
];

it.each(categories)('%s is pinned by %s: %s', (_category, id, caseName) => {
  const entry = findRule(id);
  expect(entry, id).toBeDefined();
  expect(entry!.cases.map((ruleCase) => ruleCase.name)).toContain(caseName);
});
