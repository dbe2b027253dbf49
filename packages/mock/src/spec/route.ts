import { protocolErrors, type ApiError } from '@envspec/vendors';
import type { IndexedOperation, IndexedPath } from './spec-index.ts';

/** The operation a request falls under, with its path parameters decoded. */
export interface RoutedRequest {
  path: IndexedPath;
  operation: IndexedOperation;
  params: Record<string, string>;
}

/**
 * The methods a path has, in the order the reference server's `Allow` lists them: express-openapi-
 * validator sorts its routes with this comparator, which puts the methods of one path in reverse.
 */
function allowedMethods(path: IndexedPath): string[] {
  const route = path.template.replace(/\{([^}]+)\}/g, ':$1').replace(/\/:/g, '/~');
  const routes = [...path.operations.keys()].map((method) => ({ route, method }));
  routes.sort((left, right) =>
    left.route.startsWith(right.route)
      ? -1
      : right.route.startsWith(left.route)
        ? 1
        : left.route > right.route
          ? 1
          : -1,
  );
  return routes.map(({ method }) => method);
}

/**
 * The operation of a raw path and method name, as the reference server routes: any case, an
 * optional trailing slash; a path outside the spec is 404, a method the path lacks 405 (with `Allow`).
 */
export function routeRequest(paths: readonly IndexedPath[], method: string, rawPath: string): RoutedRequest | ApiError {
  const trimmed = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  for (const path of paths) {
    const match = new RegExp(path.pattern.source, 'i').exec(trimmed);
    if (!match) continue;
    const operation = path.operations.get(method);
    if (!operation) return protocolErrors.methodNotAllowed(method, allowedMethods(path));
    const params: Record<string, string> = {};
    for (const [index, name] of path.parameterNames.entries()) {
      try {
        params[name] = decodeURIComponent(match[index + 1]!);
      } catch {
        return protocolErrors.malformedPath();
      }
    }
    return { path, operation, params };
  }
  return protocolErrors.routeNotFound(method, rawPath);
}
