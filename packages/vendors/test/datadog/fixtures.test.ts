import { describe, expect, it } from 'vitest';
import { bundleOf, responseExample } from '@envspec/specs';
import type { DatadogEnvironmentResponse } from '@envspec/types/datadog';
import { datadogCore } from '../../src/datadog/datadog-core.ts';

describe('datadog fixtures', () => {
  it('are both documented environments, one of them without a description', () => {
    const document = bundleOf('datadog');
    const example = (name: string) =>
      responseExample<DatadogEnvironmentResponse>(document, 'GetFeatureFlagsEnvironment', '200', name).data;
    const fixtures = datadogCore.fixtures(document);
    expect(fixtures.map(([, environment]) => environment)).toEqual([
      example('environment'),
      example('withoutDescription'),
    ]);
    expect(fixtures.map(([, environment]) => environment.attributes.description ?? null)).toContain(null);
  });
});
