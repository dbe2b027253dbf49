import { describe, expect, it } from 'vitest';
import {
  createLaunchDarklyClient,
  isLaunchDarklyError,
  launchDarklyErrorStatuses,
  patch,
  type LaunchDarklyClient,
  type LaunchDarklyOperationId,
} from '../../src/launchdarkly/index.ts';
import { itThrowsEveryDocumentedError } from '../support/documented-errors.ts';
import type { LaunchDarklyError } from '@envspec/types/launchdarkly';
import { documentedResponse } from '@envspec/testkit';
import { usePrismMock, useReferenceServer } from '../support/targets.ts';

const project = 'default';
const environment = 'production';
const tokens = { write: 'api-0000demo-write', throttled: 'api-0000demo-throttled' };

const mock = usePrismMock('launchdarkly');
const server = useReferenceServer('launchdarkly');

const client = (baseUrl: string, apiKey = tokens.write, headers?: Record<string, string>): LaunchDarklyClient =>
  createLaunchDarklyClient({ baseUrl, apiKey, ...(headers ? { headers } : {}) });

describe('launchdarkly client against the Prism mock', () => {
  it('environments.get resolves to the documented example', async () => {
    expect(await client(mock.url).environments.get(project, environment)).toEqual(
      documentedResponse('launchdarkly', 'getEnvironment', 200).example,
    );
  });

  it('environments.patch sends the builder’s operations and resolves to the documented example', async () => {
    const updated = await client(mock.url).environments.patch(
      project,
      environment,
      patch().replace('/name', 'Production (EU)'),
    );
    expect(updated).toEqual(documentedResponse('launchdarkly', 'patchEnvironment', 200).example);
  });

  itThrowsEveryDocumentedError({
    vendor: 'launchdarkly',
    target: mock,
    statuses: launchDarklyErrorStatuses,
    client: (url, headers) => client(url, tokens.write, headers),
    calls: {
      getEnvironment: (launchDarkly) => launchDarkly.environments.get(project, environment),
      patchEnvironment: (launchDarkly) =>
        launchDarkly.environments.patch(project, environment, patch().test('/critical', true)),
    },
    isVendorError: isLaunchDarklyError,
    expected: (example: LaunchDarklyError, headers, status) => ({
      code: example.code,
      message: example.message,
      requestId: headers['X-Request-Id'],
      rateLimit:
        status === 429
          ? {
              // Retry-After wins over X-Ratelimit-Reset when both are sent.
              retryAfterMs: Number(headers['Retry-After']) * 1000,
              globalRemaining: Number(headers['X-Ratelimit-Global-Remaining']),
              routeRemaining: Number(headers['X-Ratelimit-Route-Remaining']),
              resetAt: Number(headers['X-Ratelimit-Reset']),
            }
          : undefined,
    }),
  });
});

describe('launchdarkly client against the reference server', () => {
  it('patch applies the builder’s operations in order', async () => {
    const launchDarkly = client(server.url);
    const before = await launchDarkly.environments.get(project, environment);
    const name = `Production ${Date.now()}`;
    const updated = await launchDarkly.environments.patch(
      project,
      environment,
      patch().test('/critical', before.critical).replace('/name', name).add('/tags/0', 'first').add('/tags/-', 'last'),
    );
    expect(updated).toMatchObject({ key: environment, name, tags: ['first', ...before.tags, 'last'] });
    expect(await launchDarkly.environments.get(project, environment)).toEqual(updated);
  });

  it('patch switches approvals from all flags to tagged flags in one request', async () => {
    const launchDarkly = client(server.url);
    const updated = await launchDarkly.environments.patch(
      project,
      environment,
      patch()
        .replace('/approvalSettings/required', false)
        .replace('/approvalSettings/requiredApprovalTags', ['critical'])
        .replace('/approvalSettings/minNumApprovals', 2),
    );
    expect(updated.approvalSettings).toMatchObject({
      required: false,
      requiredApprovalTags: ['critical'],
      minNumApprovals: 2,
    });
  });

  it('a failing test throws a 409 optimistic_locking_error and applies nothing', async () => {
    const launchDarkly = client(server.url);
    const before = await launchDarkly.environments.get(project, environment);
    const error = await launchDarkly.environments
      .patch(project, environment, patch().replace('/name', 'never').test('/critical', !before.critical))
      .catch((caught: unknown) => caught);
    expect(isLaunchDarklyError(error, 'patchEnvironment') && error.status === 409 && error.code).toBe(
      'optimistic_locking_error',
    );
    expect(await launchDarkly.environments.get(project, environment)).toEqual(before);
  });

  type ErrorCase = {
    call: (url: string) => Promise<unknown>;
    operation: LaunchDarklyOperationId;
    status: number;
    code: string;
  };
  const errorCases: Array<[string, ErrorCase]> = [
    [
      'a malformed key',
      {
        call: (url) => client(url).environments.get(project, '-bad'),
        operation: 'getEnvironment',
        status: 400,
        code: 'invalid_request',
      },
    ],
    [
      'an unknown token',
      {
        call: (url) => client(url, 'api-nope').environments.get(project, environment),
        operation: 'getEnvironment',
        status: 401,
        code: 'unauthorized',
      },
    ],
    [
      'an unknown environment',
      {
        call: (url) => client(url).environments.get(project, 'nowhere'),
        operation: 'getEnvironment',
        status: 404,
        code: 'not_found',
      },
    ],
    [
      'a read-only field (raw operations)',
      {
        call: (url) =>
          client(url).environments.patch(project, environment, [{ op: 'replace', path: '/apiKey', value: 'sdk-x' }]),
        operation: 'patchEnvironment',
        status: 400,
        code: 'invalid_request',
      },
    ],
    [
      'an unknown token on patch',
      {
        call: (url) => client(url, 'api-nope').environments.patch(project, environment, patch().replace('/name', 'x')),
        operation: 'patchEnvironment',
        status: 401,
        code: 'unauthorized',
      },
    ],
    [
      'an unknown environment on patch',
      {
        call: (url) => client(url).environments.patch(project, 'nowhere', patch().replace('/name', 'x')),
        operation: 'patchEnvironment',
        status: 404,
        code: 'not_found',
      },
    ],
    [
      'a failing test',
      {
        call: (url) => client(url).environments.patch(project, environment, patch().test('/key', 'staging')),
        operation: 'patchEnvironment',
        status: 409,
        code: 'optimistic_locking_error',
      },
    ],
    [
      'a body over the limit',
      {
        call: (url) =>
          client(url).environments.patch(project, environment, patch().replace('/name', 'x'.repeat(200_000))),
        operation: 'patchEnvironment',
        status: 413,
        code: 'request_entity_too_large',
      },
    ],
    [
      'a body that is not JSON',
      {
        call: (url) =>
          client(url).environments.patch(project, environment, patch().replace('/name', 'x'), {
            headers: { 'Content-Type': 'text/plain' },
          }),
        operation: 'patchEnvironment',
        status: 415,
        code: 'unsupported_media_type',
      },
    ],
  ];

  it.each(errorCases)('%s throws the typed error', async (_, { call, operation, status, code }) => {
    const error = await call(server.url).then(
      () => expect.unreachable('the call resolved'),
      (caught: unknown) => caught,
    );
    expect(isLaunchDarklyError(error, operation)).toBe(true);
    expect(error).toMatchObject({ vendor: 'launchdarkly', operation, status, code, requestId: expect.any(String) });
  });

  it('the throttled token gets a 429 with the reset time in epoch milliseconds', async () => {
    const launchDarkly = client(server.url, tokens.throttled);
    await launchDarkly.environments.get(project, environment);
    await launchDarkly.environments.get(project, environment);
    const error = await launchDarkly.environments.get(project, environment).catch((caught: unknown) => caught);
    if (!isLaunchDarklyError(error, 'getEnvironment') || error.status !== 429)
      throw new Error(`expected a 429, got ${String(error)}`);
    expect(error.code).toBe('rate_limited');
    expect(error.rateLimit.resetAt).toBeGreaterThan(Date.now());
    expect(error.rateLimit.retryAfterMs).toBeGreaterThan(0);
  });
});
