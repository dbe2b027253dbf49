import { describe, expect, it } from 'vitest';
import { AccessGate } from '../../src/access/access-gate.ts';
import { adaptDatadogError } from '../../src/datadog/adapt-error.ts';
import { datadogCore } from '../../src/datadog/datadog-core.ts';

describe("datadog's 403 names the permission the key is missing", () => {
  it.each([
    ['a write-only key reading', 'datadog-demo-write-only', 'GET', 'feature_flag_environment_config_read'],
    ['a read-only key writing', 'datadog-demo-read', 'PUT', 'feature_flag_environment_config_write'],
  ])('%s', (_name, id, method, permission) => {
    const credential = datadogCore.credentials.demo.find((candidate) => candidate.id === id);
    const refusal = new AccessGate(datadogCore).authorize(credential, method)!;
    const adapted = adaptDatadogError(refusal);
    expect([adapted.status, adapted.code]).toEqual([403, 'missing_permission']);
    expect(adapted.message).toBe(`Forbidden: the application key is missing the ${permission} permission`);
  });
});
