import type { Request, Response } from 'express';
import type { QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import { ApiError } from '../http/api-error.ts';
import { expressPath } from '../http/express-path.ts';
import type { VendorModule } from '../http/vendor-module.ts';
import { responseExample } from '../seed/examples.ts';
import { updateWithRetry } from '../store/store.ts';
import { applyQoderUpdate } from './apply-update.ts';
import { qoderDemoCredentials } from './credentials.ts';
import { renderQoderError } from './error-envelope.ts';

const environmentPath = expressPath('/api/v1/cloud/environments/{environment_id}');
type EnvironmentRequest<Body = unknown> = Request<{ environment_id: string }, QoderEnvironment, Body>;

function notFound(id: string): never {
  throw new ApiError(404, `environment '${id}' does not exist`, { code: 'environment_not_found' });
}

export const qoderModule: VendorModule<QoderEnvironment> = {
  vendor: 'qoder',
  demoCredentials: qoderDemoCredentials,
  unauthenticatedStatus: 401,
  authHint: "send a valid personal access token as 'Authorization: Bearer <PAT>'",
  presentedSecret(req) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    return match?.[1];
  },
  adaptError: (error) => error,
  renderError: renderQoderError,
  rateLimitHeadersOnEveryResponse: false,
  rateLimitHeaders: (state, now) => ({ 'Retry-After': String(Math.max(1, Math.ceil((state.resetAt - now) / 1000))) }),
  seed(document) {
    const fixture = responseExample<QoderEnvironment>(document, 'getEnvironment', '200');
    return [[fixture.id, fixture]];
  },
  routes(router, { store, clock }) {
    router.get(environmentPath, async (req: EnvironmentRequest, res: Response<QoderEnvironment>) => {
      const found = await store.get(req.params.environment_id);
      if (!found) notFound(req.params.environment_id);
      res.json(found.value);
    });
    router.put(
      environmentPath,
      async (req: EnvironmentRequest<QoderUpdateEnvironmentRequest>, res: Response<QoderEnvironment>) => {
        const id = req.params.environment_id;
        const updated = await updateWithRetry(
          store,
          id,
          ({ value }) => applyQoderUpdate(value, req.body, clock()),
          () => notFound(id),
        );
        res.json(updated.value);
      },
    );
  },
};
