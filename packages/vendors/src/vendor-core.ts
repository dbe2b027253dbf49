import type { OpenApiDocument, Vendor } from '@envspec/specs';
import type { Credential, HeaderLookup } from './credentials/credential.ts';
import type { ApiError } from './errors/api-error.ts';
import type { RateLimitState } from './rate-limit/rate-limiter.ts';
import type { Store } from './store/store.ts';

/** How a vendor's API takes credentials, and what it says when they are missing or wrong. */
export interface VendorCredentials {
  /** Demo credentials used when none are configured (documented in the README). */
  readonly demo: readonly Credential[];
  /** The request headers that carry a credential, lower case (the server's log redacts them). */
  readonly headerNames: readonly string[];
  /** Status for a missing or unknown credential (Datadog answers 403, the others 401). */
  readonly unauthenticatedStatus: 401 | 403;
  /** How to authenticate, appended to every authentication failure. */
  readonly hint: string;
  /** The credential secret a request presents, in the vendor's scheme, or undefined. */
  presented(header: HeaderLookup): string | undefined;
  /** The request headers that present `secret` in the vendor's scheme (what a client sends). */
  present(secret: string): Record<string, string>;
}

/** How a vendor tells a client about its rate limit. */
export interface VendorRateLimit {
  /** Headers describing the rate-limit window. */
  headers(state: RateLimitState, now: number): Record<string, string>;
  /** Whether answers other than a 429 carry them too. */
  readonly onEveryResponse: boolean;
}

/** A numeric setting of one vendor's semantics, with its default and the flag servers expose it as. */
export interface VendorOption {
  readonly default: number;
  /** The command-line flag, without dashes (`max-patch-operations`). */
  readonly flag: string;
  /** One line for `--help`, ending with what happens above the limit. */
  readonly description: string;
}

/** One request as an operation sees it, already checked against the spec (params, headers, body). */
export interface OperationRequest<Body = unknown, Params extends Record<string, string> = Record<string, string>> {
  /** Path parameters, percent-decoded, by the spec's names. */
  params: Params;
  header: HeaderLookup;
  /** The parsed JSON body; undefined for an operation that takes none. */
  body: Body;
}

/** An operation's successful answer (failures are thrown as ApiError). */
export interface OperationReply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** What an operation works with: the vendor's store, a clock, and the vendor's option values. */
export interface OperationContext<Resource, OptionName extends string = string> {
  store: Store<Resource>;
  now: () => Date;
  options: Readonly<Record<OptionName, number>>;
}

/**
 * One documented operation's semantics, framework-neutral: the reference server mounts it on
 * Express, the mock's stateful engine answers fetch Requests with it. A method, so an operation
 * typed for its own body and params still fits the registry's general shape.
 */
export interface VendorOperation<Resource, OptionName extends string = string> {
  handle(request: OperationRequest, context: OperationContext<Resource, OptionName>): Promise<OperationReply>;
}

/**
 * Everything true of one vendor whatever serves it. `Resource` is what its store holds; the
 * options are the vendor's own settings (LaunchDarkly's `maxPatchOperations`).
 */
export interface VendorCore<Resource, OptionName extends string = string> {
  readonly vendor: Vendor;
  /** Default ports: the mock's, and the reference server's (the mock's minus 1000). */
  readonly ports: { readonly mock: number; readonly server: number };
  readonly credentials: VendorCredentials;
  /** How the vendor tells a client about its rate limit; undefined when it has none (Fabro), so nothing is ever throttled. */
  readonly rateLimit?: VendorRateLimit;
  /**
   * The id of a request, echoed as `X-Request-Id` and in error envelopes, from the `X-Request-Id`
   * the client sent (undefined: none): reused when well-formed, or always minted, as the vendor does.
   */
  requestId(incoming: string | undefined): string;
  readonly options: { readonly [Name in OptionName]: VendorOption };
  /**
   * Re-maps a generic failure to the vendor's documented status, code and wording (Fabro: a
   * missing If-Match is 428). Applied exactly once, just before rendering.
   */
  adaptError(error: ApiError): ApiError;
  /** The vendor's error envelope. */
  renderError(error: ApiError, requestId: string): unknown;
  /** Store key and value of each fixture, taken from the spec's examples. */
  fixtures(document: OpenApiDocument): Array<readonly [string, Resource]>;
  /** The semantics of every operation of the spec, by operationId. */
  operations(document: OpenApiDocument): Readonly<Record<string, VendorOperation<Resource, OptionName>>>;
}

/** A vendor core of any resource, as code that serves every vendor alike sees it. */
export type AnyVendorCore = VendorCore<unknown>;
