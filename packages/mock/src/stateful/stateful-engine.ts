import { bundleOf, type Vendor } from '@envspec/specs';
import {
  AccessGate,
  MemoryStore,
  answerFailure,
  explainAuthentication,
  failureOf,
  isApiError,
  jsonContentType,
  resolveBodyLimits,
  securityHeaders,
  vendorCore,
  vendorOptionValues,
  type BodyLimits,
  type Credential,
  type RateLimitRule,
  type Store,
  type VendorOptionName,
} from '@envspec/vendors';
import { checkPreferences, parsePrefer } from '../spec/prefer.ts';
import { routeRequest } from '../spec/route.ts';
import { indexSpec, type IndexedOperation } from '../spec/spec-index.ts';
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
  /** Called with anything that made the engine answer 5xx (a store that failed or is unavailable, a bug). */
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
    const matched = routeRequest(index.paths, method, url.pathname);
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
      const requestId = core.requestId(header('x-request-id'));
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
        // An unavailable store is a 503 with Retry-After, anything else unknown a bare 500.
        const failure = explainAuthentication(core, failureOf(error), credential);
        const { status, headers, body } = answerFailure(core, failure, requestId);
        return new Response(body, { status, headers: { ...metered.headers, ...headers } });
      }
    },
  };
}
