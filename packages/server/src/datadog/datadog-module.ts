import type { Request, Response } from 'express';
import type {
  DatadogEnvironment,
  DatadogEnvironmentResponse,
  DatadogUpdateEnvironmentRequest,
} from '@envspec/types/datadog';
import { ApiError } from '../http/api-error.ts';
import { expressPath } from '../http/express-path.ts';
import type { VendorModule } from '../http/vendor-module.ts';
import { responseExample } from '../seed/examples.ts';
import { updateWithRetry } from '../store/store.ts';
import { adaptDatadogError } from './adapt-error.ts';
import { applyDatadogUpdate } from './apply-update.ts';
import { datadogDemoCredentials, datadogPresentedSecret } from './credentials.ts';
import { canonicalEnvironmentId } from './environment-id.ts';
import { renderDatadogError } from './error-envelope.ts';
import { datadogRateLimitHeaders } from './rate-limit-headers.ts';

const environmentPath = expressPath('/api/v2/feature-flags/environments/{environment_id}');
type EnvironmentRequest<Body = unknown> = Request<{ environment_id: string }, DatadogEnvironmentResponse, Body>;

function notFound(id: string): never {
  throw new ApiError(404, `Environment ${id} not found`, { code: 'environment_not_found' });
}

/**
 * The store holds the JSON:API resource (the document's `data`), not the whole document: the
 * `{data: ...}` wrapper is presentation that every response adds, and keeping only the resource
 * means an update can only ever touch the resource.
 */
export const datadogModule: VendorModule<DatadogEnvironment> = {
  vendor: 'datadog',
  demoCredentials: datadogDemoCredentials,
  // Datadog has no 401: a missing or wrong key pair is 403 like a missing permission.
  unauthenticatedStatus: 403,
  authHint: 'send a valid key pair as the DD-API-KEY and DD-APPLICATION-KEY headers',
  presentedSecret: datadogPresentedSecret,
  adaptError: adaptDatadogError,
  renderError: renderDatadogError,
  rateLimitHeadersOnEveryResponse: true,
  rateLimitHeaders: datadogRateLimitHeaders,
  seed(document) {
    const fixture = responseExample<DatadogEnvironmentResponse>(document, 'GetFeatureFlagsEnvironment', '200').data;
    return [[canonicalEnvironmentId(fixture.id), fixture]];
  },
  routes(router, { store, clock }) {
    router.get(environmentPath, async (req: EnvironmentRequest, res: Response<DatadogEnvironmentResponse>) => {
      const id = canonicalEnvironmentId(req.params.environment_id);
      const found = await store.get(id);
      if (!found) notFound(id);
      res.json({ data: found.value });
    });
    router.put(
      environmentPath,
      async (req: EnvironmentRequest<DatadogUpdateEnvironmentRequest>, res: Response<DatadogEnvironmentResponse>) => {
        const id = canonicalEnvironmentId(req.params.environment_id);
        const updated = await updateWithRetry(
          store,
          id,
          ({ value }) => applyDatadogUpdate(value, req.body, clock()),
          () => notFound(id),
        );
        res.json({ data: updated.value });
      },
    );
  },
};
