import { bundleOf, type Vendor } from '@envspec/specs';
import {
  AccessGate,
  ApiError,
  answerFailure,
  explainAuthentication,
  isApiError,
  protocolErrors,
  resolveBodyLimits,
  securityHeaders,
  vendorCore,
  type BodyLimits,
} from '@envspec/vendors';
import { checkPreferences, parsePrefer } from '../spec/prefer.ts';
import { routeRequest } from '../spec/route.ts';
import { indexSpec, type IndexedOperation } from '../spec/spec-index.ts';
import { readRequestBody } from '../stateful/request-body.ts';
import { createRequestValidator, type RequestValidator } from '../stateful/request-validation.ts';
import { checkSecurity } from '../stateful/security-check.ts';
import type { FetchHandler } from '../stateful/stateful-engine.ts';
import { documentedAnswer, successStatus } from './documented-response.ts';

export interface ExamplesEngineOptions {
  /** Body size and nesting limits; default the reference server's. */
  body?: Partial<BodyLimits>;
  /** Called with anything that made the engine answer 500 (a bug). */
  onError?: (error: unknown, request: Request) => void;
}

/** One vendor's API answered from its spec's examples, in process, with no state. */
export interface ExamplesEngine {
  vendor: Vendor;
  /** Answers a request with the documented response it asks for (`Prefer`), or the operation's success example. */
  handle: FetchHandler;
  /** The operation a request falls under and the statuses it documents; undefined outside the spec. */
  describe(request: Request): { operationId: string; statuses: string[] } | undefined;
  /**
   * The documented response of the request's operation for `status` (its first example, its
   * documented headers, a fresh `X-Request-Id`), without checking the request; undefined when the
   * operation does not document `status`. What an injected failure of a documented status serves.
   */
  documented(request: Request, status: number): Response | undefined;
}

/**
 * A vendor's API from its spec's examples, browser-safe: a request is checked as the reference
 * server checks it (body, route, credentials present in the vendor's scheme, parameters and body
 * against the bundled spec with Ajv), every failure in the vendor's envelope; a valid request gets
 * the documented response it names with `Prefer: code=…, example=…` (Prism's syntax, checked
 * against what the operation documents), else the first example of the operation's success status.
 * It takes the documented demo credentials and nothing else, as the Prism mock and stateful mode do
 * (a read-only one may read but not write), so a token that works here works on the reference server.
 */
export function createExamplesEngine(vendor: Vendor, options: ExamplesEngineOptions = {}): ExamplesEngine {
  const core = vendorCore(vendor);
  const document = bundleOf(vendor);
  const index = indexSpec(document);
  const limits = resolveBodyLimits(options.body);
  const validatorFor = createRequestValidator(document);
  const validators = new Map<IndexedOperation, RequestValidator>();
  // No rate limits: examples keep no state to count in (ask for the 429 with Prefer).
  const gate = new AccessGate(core);

  const validatorOf = (operation: IndexedOperation) => {
    let validator = validators.get(operation);
    if (!validator) {
      validator = validatorFor(operation.entry);
      validators.set(operation, validator);
    }
    return validator;
  };

  async function answer(request: Request, header: (name: string) => string | undefined, requestId: string) {
    const url = new URL(request.url);
    const body = await readRequestBody(request, limits);
    const routed = routeRequest(index.paths, request.method.toUpperCase(), url.pathname);
    if (!('operation' in routed)) throw routed;
    const { operation, params } = routed;
    const credential = gate.identify(header);
    const refused = checkSecurity(document, operation.operation, header, () =>
      gate.authorize(credential, request.method.toUpperCase()),
    );
    if (refused) throw explainAuthentication(core, refused, credential);
    const preferences = parsePrefer(header('prefer'));
    const misfit = checkPreferences(preferences, operation);
    if (misfit) throw misfit;
    if (preferences.dynamic === 'true') {
      throw new ApiError(
        400,
        'Prefer: dynamic=true is not served in process: the examples engine answers examples only',
        {
          code: 'invalid_prefer',
        },
      );
    }
    const invalid = validatorOf(operation).check({
      params,
      headers: Object.fromEntries(request.headers),
      query: url.searchParams,
      contentType: header('content-type'),
      body: body.value,
    });
    if (invalid) throw invalid;
    const status = preferences.code ?? successStatus(operation);
    if (status === undefined) throw new Error(`${operation.method} ${operation.template} documents no success`);
    return respond(operation, status, requestId, preferences.example);
  }

  const respond = (operation: IndexedOperation, status: string, requestId: string, example?: string) => {
    const documented = documentedAnswer(document, operation, status, example);
    return new Response(documented.body ?? null, {
      status: documented.status,
      headers: { ...securityHeaders, ...documented.headers, 'X-Request-Id': requestId },
    });
  };

  const operationOf = (request: Request) => {
    const routed = routeRequest(index.paths, request.method.toUpperCase(), new URL(request.url).pathname);
    return 'operation' in routed ? routed.operation : undefined;
  };

  return {
    vendor,
    describe(request) {
      const operation = operationOf(request);
      if (!operation) return undefined;
      return { operationId: operation.operation.operationId, statuses: [...operation.responses.keys()] };
    },
    documented(request, status) {
      const operation = operationOf(request);
      if (!operation?.responses.has(String(status))) return undefined;
      return respond(operation, String(status), core.requestId(request.headers.get('x-request-id') ?? undefined));
    },
    async handle(request) {
      const header = (name: string) => request.headers.get(name) ?? undefined;
      const requestId = core.requestId(header('x-request-id'));
      try {
        return await answer(request, header, requestId);
      } catch (error) {
        if (!isApiError(error)) options.onError?.(error, request);
        const failure = explainAuthentication(
          core,
          isApiError(error) ? error : protocolErrors.internalError(),
          undefined,
        );
        const { status, headers, body } = answerFailure(core, failure, requestId);
        return new Response(body, { status, headers });
      }
    },
  };
}
