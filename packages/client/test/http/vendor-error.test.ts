import { describe, expect, it } from 'vitest';
import { ApiError, UnexpectedResponseError } from '../../src/http/api-error.ts';
import { DatadogApiError, datadogError } from '../../src/datadog/index.ts';
import { FabroApiError, fabroError } from '../../src/fabro/index.ts';
import { LaunchDarklyApiError, launchDarklyError } from '../../src/launchdarkly/index.ts';
import { QoderApiError, qoderError } from '../../src/qoder/index.ts';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

const qoderEnvelope = {
  type: 'error',
  error: { type: 'not_found_error', message: 'gone', code: 'environment_not_found' },
  request_id: 'req_1',
};
const fabroRequestId = '0b9c2a7e-5f3d-4e8a-9c1b-2d4f6a8e0c13';
const fabroEnvelope = {
  errors: [
    {
      status: '401',
      title: 'Unauthorized',
      detail: 'Authentication required.',
      code: 'access_token_invalid',
      request_id: fabroRequestId,
    },
    { status: '401', title: 'Unauthorized', detail: 'again', request_id: fabroRequestId },
  ],
  request_id: fabroRequestId,
};
// Fabro leaves `code` out of ordinary errors.
const fabroEnvelopeWithoutCode = {
  errors: [
    {
      status: '409',
      title: 'Conflict',
      detail: 'environment revision is stale: ci-runner',
      request_id: fabroRequestId,
    },
  ],
  request_id: fabroRequestId,
};

describe('errors from responses', () => {
  const cases: Array<
    [string, { error: ApiError; type: abstract new (...args: never[]) => ApiError; want: Record<string, unknown> }]
  > = [
    [
      'qoder envelope',
      {
        error: qoderError('getEnvironment', response(404), qoderEnvelope),
        type: QoderApiError,
        want: {
          status: 404,
          type: 'not_found_error',
          code: 'environment_not_found',
          message: 'gone',
          requestId: 'req_1',
        },
      },
    ],
    [
      'fabro envelope: details joined, first code',
      {
        error: fabroError('replaceEnvironment', response(401), fabroEnvelope),
        type: FabroApiError,
        want: { code: 'access_token_invalid', message: 'Authentication required.; again', requestId: fabroRequestId },
      },
    ],
    [
      'fabro envelope without a code',
      {
        error: fabroError('replaceEnvironment', response(409), fabroEnvelopeWithoutCode),
        type: FabroApiError,
        want: {
          status: 409,
          code: undefined,
          message: 'environment revision is stale: ci-runner',
          requestId: fabroRequestId,
        },
      },
    ],
    [
      'a status Fabro does not send: it has no rate limiting',
      {
        error: fabroError('retrieveEnvironment', response(429), fabroEnvelopeWithoutCode),
        type: UnexpectedResponseError,
        want: { status: 429 },
      },
    ],
    [
      'datadog envelope: request id from the header',
      {
        error: datadogError('GetFeatureFlagsEnvironment', response(404, { 'X-Request-Id': 'dd-3' }), {
          errors: ['a', 'b'],
        }),
        type: DatadogApiError,
        want: { code: undefined, message: 'a; b', requestId: 'dd-3', errors: ['a', 'b'] },
      },
    ],
    [
      'launchdarkly envelope',
      {
        error: launchDarklyError('patchEnvironment', response(409, { 'X-Request-Id': 'ld-4' }), {
          code: 'optimistic_locking_error',
          message: 'test failed',
        }),
        type: LaunchDarklyApiError,
        want: { code: 'optimistic_locking_error', message: 'test failed', requestId: 'ld-4' },
      },
    ],
    [
      'an undocumented status',
      {
        error: qoderError('getEnvironment', response(500), qoderEnvelope),
        type: UnexpectedResponseError,
        want: { status: 500, code: undefined, requestId: undefined },
      },
    ],
    [
      'a status documented for another operation only',
      {
        error: qoderError('getEnvironment', response(413), qoderEnvelope),
        type: UnexpectedResponseError,
        want: { status: 413 },
      },
    ],
    [
      'a documented status without the envelope (a proxy page)',
      {
        error: fabroError('retrieveEnvironment', response(500, { 'X-Request-Id': 'p' }), '<html>busy</html>'),
        type: UnexpectedResponseError,
        want: { status: 500, body: '<html>busy</html>', requestId: 'p' },
      },
    ],
    [
      'another vendor’s envelope',
      {
        error: launchDarklyError('getEnvironment', response(404), qoderEnvelope),
        type: UnexpectedResponseError,
        want: { vendor: 'launchdarkly' },
      },
    ],
  ];

  it.each(cases)('%s', (_, { error, type, want }) => {
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(want);
  });

  it('an unexpected answer says what came back', () => {
    expect(qoderError('getEnvironment', response(502), 'Bad gateway').message).toMatch(
      /qoder getEnvironment answered 502 .*does not document.*Bad gateway/,
    );
  });
});
