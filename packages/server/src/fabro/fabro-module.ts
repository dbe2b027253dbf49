import type { Request, Response } from 'express';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { ApiError } from '../http/api-error.ts';
import { expressPath } from '../http/express-path.ts';
import type { VendorModule } from '../http/vendor-module.ts';
import { responseExample } from '../seed/examples.ts';
import { updateWithRetry } from '../store/store.ts';
import { adaptFabroError } from './adapt-error.ts';
import { fabroDemoCredentials } from './credentials.ts';
import { renderFabroError } from './error-envelope.ts';
import { etagOf, revisionFromIfMatch } from './if-match.ts';
import { fabroEnvironment } from './revision.ts';

const environmentPath = expressPath('/api/v1/environments/{id}');
type EnvironmentRequest<Body = unknown> = Request<{ id: string }, FabroEnvironment, Body>;

function notFound(id: string): never {
  throw new ApiError(404, `Environment '${id}' does not exist.`, { code: 'not_found' });
}

function stale(sent: string, current: string): never {
  throw new ApiError(
    409,
    `If-Match revision "${sent}" is stale; the current revision is "${current}". GET the environment, re-apply your change, and send its ETag.`,
    { code: 'revision_mismatch' },
  );
}

export const fabroModule: VendorModule<FabroEnvironment> = {
  vendor: 'fabro',
  demoCredentials: fabroDemoCredentials,
  unauthenticatedStatus: 401,
  authHint: "send a dev token as 'Authorization: Bearer fabro_dev_...'",
  presentedSecret(req) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    return match?.[1];
  },
  adaptError: adaptFabroError,
  renderError: renderFabroError,
  rateLimitHeadersOnEveryResponse: false,
  rateLimitHeaders: (state, now) => ({ 'Retry-After': String(Math.max(1, Math.ceil((state.resetAt - now) / 1000))) }),
  seed(document) {
    // Re-derive the revision rather than trust the example's, so the stored revision is always ours
    // (a test checks the two agree).
    const {
      id,
      revision: _exampleRevision,
      ...definition
    } = responseExample<FabroEnvironment>(document, 'getEnvironment', '200');
    return [[id, fabroEnvironment(id, definition)]];
  },
  routes(router, { store }) {
    router.get(environmentPath, async (req: EnvironmentRequest, res: Response<FabroEnvironment>) => {
      const found = await store.get(req.params.id);
      if (!found) notFound(req.params.id);
      res.set('ETag', etagOf(found.value.revision)).json(found.value);
    });
    router.put(
      environmentPath,
      async (req: EnvironmentRequest<FabroReplaceEnvironmentRequest>, res: Response<FabroEnvironment>) => {
        const id = req.params.id;
        // Present and well-formed: the validator answered 428/400 otherwise.
        const sent = revisionFromIfMatch(req.get('if-match') ?? '');
        const replacement = fabroEnvironment(id, req.body);
        // The compare happens on every attempt against the version the compare-and-set is guarded by,
        // so it is atomic: a lost compare-and-set re-reads, and a revision changed meanwhile is a 409.
        const written = await updateWithRetry(
          store,
          id,
          ({ value }) => (value.revision === sent ? replacement : stale(sent, value.revision)),
          () => notFound(id),
        );
        res.set('ETag', etagOf(written.value.revision)).json(written.value);
      },
    );
  },
};
