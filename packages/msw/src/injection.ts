import type { Vendor } from '@envspec/specs';
import { ApiError, answerFailure, reasonPhrase, vendorCore } from '@envspec/vendors';

/** What the injection hook knows of a request before it is answered. */
export interface InjectionContext {
  vendor: Vendor;
  /** The operation the request falls under; undefined for a path or method outside the spec. */
  operationId: string | undefined;
  /** The statuses that operation documents. */
  documentedStatuses: readonly string[];
}

/**
 * A failure to answer instead of the mock: a status (a documented one is served from the spec's
 * example with its headers, any other in the vendor's envelope), a status with the message the
 * vendor's envelope should carry, or a whole Response of your own.
 */
export type InjectedFailure = number | { status: number; message?: string } | Response;

/** Decides per request whether to fail it; `undefined` lets the mock answer. */
export type InjectionHook = (
  request: Request,
  context: InjectionContext,
) => InjectedFailure | undefined | Promise<InjectedFailure | undefined>;

function checkStatus(vendor: Vendor, status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new RangeError(`${vendor} injection: the status must be an HTTP error status (400–599), got ${status}`);
}

/**
 * The answer for an injected failure: a Response as given; a documented status without a message
 * from `documented` (the spec's example); anything else rendered by the vendor core, so it carries
 * the vendor's envelope, `X-Request-Id` and security headers like any other failure.
 */
export function injectedResponse(
  vendor: Vendor,
  injected: InjectedFailure,
  request: Request,
  documented: (status: number) => Response | undefined,
): Response {
  if (injected instanceof Response) return injected;
  const { status, message } = typeof injected === 'number' ? { status: injected, message: undefined } : injected;
  checkStatus(vendor, status);
  if (message === undefined) {
    const example = documented(status);
    if (example) return example;
  }
  const failure = new ApiError(status, message ?? `injected failure: ${reasonPhrase(status) ?? status}`, {
    code: 'injected',
  });
  const core = vendorCore(vendor);
  const answer = answerFailure(core, failure, core.requestId(request.headers.get('x-request-id') ?? undefined));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
