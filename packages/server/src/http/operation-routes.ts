import type { Router } from 'express';
import { listOperations, type OpenApiDocument } from '@envspec/specs';
import type { AnyVendorCore, OperationContext } from '@envspec/vendors';
import { expressPath } from './express-path.ts';

/** Express 5 gives a wildcard parameter as its segments; the spec's parameters are single segments. */
function pathParameters(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join('/') : value]),
  );
}

/**
 * Mounts each operation of the spec on `router` with the vendor core's semantics: the request as the
 * core sees it (params, a header lookup, the parsed body) in, its reply out as JSON.
 */
export function mountOperations(
  router: Router,
  core: AnyVendorCore,
  document: OpenApiDocument,
  context: OperationContext<unknown>,
): void {
  const operations = core.operations(document);
  for (const { path, method, operation } of listOperations(document)) {
    const semantics = operations[operation.operationId];
    if (!semantics) throw new Error(`the ${core.vendor} core has no semantics for ${operation.operationId}`);
    router[method](expressPath(path), async (req, res) => {
      const reply = await semantics.handle(
        { params: pathParameters(req.params), header: (name) => req.get(name), body: req.body },
        context,
      );
      res
        .status(reply.status)
        .set(reply.headers ?? {})
        .json(reply.body);
    });
  }
}
