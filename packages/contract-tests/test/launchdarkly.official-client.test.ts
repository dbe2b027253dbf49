/**
 * Code written against the real LaunchDarkly works against envspec: the official TypeScript client
 * (`launchdarkly-api-typescript`, axios-based), pointed at the mock and the reference server,
 * accepts every response and surfaces each documented error as an AxiosError with LD's envelope.
 */
import { Agent } from 'node:http';
import { Configuration, EnvironmentsApi } from 'launchdarkly-api-typescript';
import { describe, expect, inject, it } from 'vitest';
import '../src/suite/provided.ts';
import { serveInProcess } from '../src/targets/in-process.ts';
import { endpointsFor, targetTraits } from '../src/targets/target.ts';
import { secretFor } from '../src/vendors/contract-credentials.ts';

// Every target but the proxy (see suiteKinds), stateful ones this suite's own: its writes never land between
// another file's reads.
const endpoints = endpointsFor(inject('endpoints'), 'launchdarkly', 'official-client');
// Errors are provoked for real, so only on targets with real behaviour.
const behavingEndpoints = endpoints.filter((endpoint) => !targetTraits[endpoint.kind].statusByPrefer);
// A connection per request: axios on Node's kept-alive global agent reuses a socket the target closed
// after its keep-alive timeout (5 s) whenever this worker is starved that long between two requests
// (six workers on two busy cores), and the request dies with "socket hang up". Connection reuse is
// not what this file is about; the reference server's keep-alive is tested in the server's suite.
const freshConnections = new Agent({ keepAlive: false });
const environmentsApi = (basePath: string, apiKey = secretFor('launchdarkly', 'write')!) =>
  new EnvironmentsApi(new Configuration({ apiKey, basePath, baseOptions: { httpAgent: freshConnections } }));

async function axiosFailure(
  promise: Promise<unknown>,
): Promise<{ status: number; data: { code?: string; message?: string } }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  // The client rejects with axios's own error type; it is recognised by its flag.
  const axiosError = error as {
    isAxiosError?: boolean;
    response?: { status: number; data: { code?: string; message?: string } };
  };
  if (axiosError?.isAxiosError !== true || !axiosError.response)
    throw new Error(`expected an AxiosError with a response, got ${String(error)}`);
  return axiosError.response;
}

describe.each(endpoints.map((endpoint) => [endpoint.kind, endpoint] as const))(
  'launchdarkly-api-typescript against the %s',
  (_kind, endpoint) => {
    serveInProcess(endpoint);
    const api = environmentsApi(endpoint.baseUrl);

    it('gets and patches an environment', async () => {
      const got = await api.getEnvironment('default', 'production');
      expect(got.data.key).toBe('production');
      const patched = await api.patchEnvironment('default', 'production', [
        { op: 'replace', path: '/name', value: 'Production (EU)' },
      ]);
      expect(patched.status).toBe(200);
      expect(patched.data.name).toBe('Production (EU)');
    });
  },
);

describe.each(behavingEndpoints.map((endpoint) => [endpoint.kind, endpoint] as const))(
  'launchdarkly-api-typescript errors from the %s',
  (_kind, endpoint) => {
    serveInProcess(endpoint);
    const api = environmentsApi(endpoint.baseUrl);

    it.each([
      [
        '400 for a read-only field',
        400,
        'invalid_request',
        () => api.patchEnvironment('default', 'production', [{ op: 'replace', path: '/apiKey', value: 'sdk-x' }]),
      ],
      [
        '401 for an unknown key',
        401,
        'unauthorized',
        () => environmentsApi(endpoint.baseUrl, 'api-unknown').getEnvironment('default', 'production'),
      ],
      [
        '404 for an unknown environment',
        404,
        'not_found',
        () => api.patchEnvironment('default', 'nowhere', [{ op: 'replace', path: '/name', value: 'x' }]),
      ],
      [
        '409 for a failing test op',
        409,
        'optimistic_locking_error',
        () => api.patchEnvironment('default', 'production', [{ op: 'test', path: '/name', value: 'not the name' }]),
      ],
      [
        '429 for a throttled key',
        429,
        'rate_limited',
        async () => {
          const throttled = environmentsApi(endpoint.baseUrl, secretFor('launchdarkly', 'throttled'));
          for (let attempt = 0; attempt < 5; attempt += 1)
            await throttled.getEnvironment('default', 'production').catch(() => undefined);
          return throttled.getEnvironment('default', 'production');
        },
      ],
    ] as const)('surfaces %s as an AxiosError with the LD envelope', async (_name, status, code, call) => {
      const failure = await axiosFailure(call());
      expect(failure.status).toBe(status);
      expect(failure.data.code).toBe(code);
      expect(failure.data.message).toBeTruthy();
    });
  },
);
