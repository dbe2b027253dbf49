import { bundleOf, type Vendor } from '@envspec/specs';
import {
  AccessGate,
  MemoryStore,
  answerFailure,
  explainAuthentication,
  isApiError,
  jsonContentType,
  protocolErrors,
  requestIdFor,
  resolveBodyLimits,
  securityHeaders,
  vendorCore,
  vendorOptionValues,
  type ApiError,
  type BodyLimits,
  type Credential,
  type RateLimitRule,
  type Store,
  type VendorOptionName,
} from '@envspec/vendors';
import { checkPreferences, parsePrefer } from '../spec/prefer.ts';
import { indexSpec, type IndexedOperation, type IndexedPath } from '../spec/spec-index.ts';
import { preferredAnswer, statefulPreferenceMisfit } from './preferred-answer.ts';
import { readRequestBody } from './request-body.ts';
import { createRequestValidator, type RequestValidator } from './request-validation.ts';
import { checkSecurity } from './security-check.ts';

/** A fetch-style handler: one WHATWG Request in, its Response out. What MSW and the mock's node:http front both call. */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface StatefulEngineOptions {
  /** Where the vendor's resources live; default an in-memory store seeded with the spec's fixtures. */
  store?: Store<unknown>;
  /** The credentials accepted; default the vendor's demo credentials. */
  credentials?: readonly Credential[];
  /** Rate limit for every credential without its own; default none (the throttled demo credentials keep theirs). */
  rateLimit?: RateLimitRule;
  /** The clock updates are stamped with and rate limits counted by. */
  clock?: () => Date;
  /** Body size and nesting limits; default the reference server's. */
  body?: Partial<BodyLimits>;
  /** The vendors' own settings, e.g. `{ maxPatchOperations: 20 }`. */
  vendorOptions?: Partial<Record<VendorOptionName, number>>;
  /** Called with anything that made the engine answer 500 (a store that failed, a bug). */
  onError?: (error: unknown, request: Request) => void;
}

/** One vendor's API answered in process, with the reference server's semantics and statuses. */
export interface StatefulEngine {
  vendor: Vendor;
  /** Answers a request as the vendor's reference server would. */
  handle: FetchHandler;
  /** The store the engine reads and writes. */
  store: Store<unknown>;
  /** Closes the store. */
  close(): Promise<void>;
}

interface Matched {
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

/** The operation a raw path and method name, as the reference server routes: any case, an optional trailing slash. */
function route(paths: readonly IndexedPath[], method: string, rawPath: string): Matched | ApiError {
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

function headersOf(request: Request): Record<string, string> {
  return Object.fromEntries(request.headers);
}

/**
 * A vendor's API in process, browser-safe: each request is checked in the reference server's
 * order (rate limit, body, route, credentials, Content-Type and request validation against the
 * bundled spec with Ajv), then answered with the vendor core's semantics over `store`; every
 * failure in the vendor's envelope with the server's status, headers and wording. A mock's one
 * addition: `Prefer: code=…` (and `example=…`) answers with that documented response instead,
 * leaving the store alone; an undocumented choice is the static mock's 400.
 */
export function createStatefulEngine(vendor: Vendor, options: StatefulEngineOptions = {}): StatefulEngine {
  const core = vendorCore(vendor);
  const document = bundleOf(vendor);
  const clock = options.clock ?? (() => new Date());
  const store = options.store ?? new MemoryStore(core.fixtures(document));
  const gate = new AccessGate(core, {
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    now: () => clock().getTime(),
  });
  const limits = resolveBodyLimits(options.body);
  const index = indexSpec(document);
  const semantics = core.operations(document);
  const validatorFor = createRequestValidator(document);
  const validators = new Map<IndexedOperation, RequestValidator>();
  const context = { store, now: clock, options: vendorOptionValues(vendor, options.vendorOptions) };

  async function answer(
    request: Request,
    header: (name: string) => string | undefined,
    credentialKnown: Credential | undefined,
  ) {
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const body = await readRequestBody(request, limits);
    const matched = route(index.paths, method, url.pathname);
    if (!('operation' in matched)) throw matched;
    const { operation, params } = matched;
    const refused = checkSecurity(document, operation.operation, header, () => gate.authorize(credentialKnown, method));
    if (refused) throw refused;
    // Where the static mock checks it: after the credentials, before the request itself.
    const preferences = parsePrefer(header('prefer'));
    const misfit = checkPreferences(preferences, operation) ?? statefulPreferenceMisfit(preferences);
    if (misfit) throw misfit;
    let validator = validators.get(operation);
    if (!validator) {
      validator = validatorFor(operation.entry);
      validators.set(operation, validator);
    }
    const invalid = validator.check({
      params,
      headers: headersOf(request),
      query: url.searchParams,
      contentType: header('content-type'),
      body: body.value,
    });
    if (invalid) throw invalid;
    // A documented answer asked for (`Prefer: code=404`) is served from the spec: no state is read or written.
    const preferred = preferredAnswer(document, operation, preferences);
    if (preferred) return preferred;
    const handler = semantics[operation.operation.operationId];
    if (!handler) throw new Error(`the ${vendor} core has no semantics for ${operation.operation.operationId}`);
    return handler.handle({ params, header, body: body.value }, context);
  }

  return {
    vendor,
    store,
    close: () => store.close(),
    async handle(request) {
      const header = (name: string) => request.headers.get(name) ?? undefined;
      const requestId = requestIdFor(header('x-request-id'));
      const credential = gate.identify(header);
      const metered = gate.meter(credential);
      try {
        if (metered.refusal) throw metered.refusal;
        const reply = await answer(request, header, credential);
        return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
          status: reply.status,
          headers: {
            'Content-Type': jsonContentType,
            'X-Request-Id': requestId,
            ...securityHeaders,
            ...metered.headers,
            ...reply.headers,
          },
        });
      } catch (error) {
        if (!isApiError(error)) options.onError?.(error, request);
        const failure = explainAuthentication(
          core,
          isApiError(error) ? error : protocolErrors.internalError(),
          credential,
        );
        const { status, headers, body } = answerFailure(core, failure, requestId);
        return new Response(body, { status, headers: { ...metered.headers, ...headers } });
      }
    },
  };
}
