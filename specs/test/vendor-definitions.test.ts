import { describe, expect, it } from 'vitest';
import { bundleOf, responseExample } from '../src/index.ts';
import { definedVendors, vendorDefinition, vendorResponseIssues } from '../src/vendor-definitions.ts';

describe('the vendors’ own definitions', () => {
  it.each(definedVendors)('%s is read as OpenAPI with JSON Schema 2020-12 schemas', (vendor) => {
    const document = vendorDefinition(vendor);
    expect(document.paths).toBeTypeOf('object');
    // No OAS 3.0 `nullable` survives the conversion.
    expect(JSON.stringify(document.components)).not.toContain('"nullable"');
  });

  it("checks a response against the vendor's own schema", () => {
    const environment = responseExample<Record<string, unknown>>(bundleOf('fabro'), 'retrieveEnvironment', '200');
    expect(vendorResponseIssues('fabro', 'retrieveEnvironment', 200, environment)).toEqual([]);
    const { network: _network, ...withoutNetwork } = environment;
    const issues = vendorResponseIssues('fabro', 'retrieveEnvironment', 200, withoutNetwork);
    expect(issues.map((issue) => issue.message)).toContain("must have required property 'network'");
  });

  it('converts OAS 3.0 nullable: a null description is a valid Datadog answer', () => {
    const example = responseExample(bundleOf('datadog'), 'GetFeatureFlagsEnvironment', '200', 'withoutDescription');
    expect(vendorResponseIssues('datadog', 'GetFeatureFlagsEnvironment', 200, example)).toEqual([]);
  });

  it('refuses a status the vendor does not document', () => {
    expect(() => vendorResponseIssues('fabro', 'retrieveEnvironment', 429, {})).toThrow(/documents no 429/);
  });
});
