import createClient, { type Client, type HeadersOptions, type Middleware } from 'openapi-fetch';

/** Options every vendor client takes. */
export interface BaseClientOptions {
  /** Root URL of the API; each vendor defaults it to its public host. */
  baseUrl?: string;
  /** The fetch to use, called with the Request (default: `globalThis.fetch`), e.g. to add a proxy or record requests. */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers sent on every request, under the authentication headers. */
  headers?: HeadersOptions;
}

/** The init each request was built from, so `directFetch` can send its body as given. */
const sourceInits = new WeakMap<Request, RequestInit>();

/**
 * The Request class openapi-fetch builds requests with: a plain `Request` that remembers its init.
 * Every `Request` passes `instanceof`, so middleware may still return a `new Request(…)`.
 */
class InitKeepingRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    if (init) sourceInits.set(this, init);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request;
  }
}

/**
 * The default fetch. Node's `fetch(request)` re-reads a Request's body through a TransformStream,
 * which costs more than the rest of a call's client-side work (bench/README.md): a request built by
 * openapi-fetch whose body is unread is sent as `fetch(url, init)` with its original body and its
 * current headers (middleware may have set some) instead. Any other request goes as it is.
 */
function directFetch(request: Request, extension?: RequestInit): Promise<Response> {
  const init = sourceInits.get(request);
  if (!init || request.bodyUsed) return extension ? fetch(request, extension) : fetch(request);
  // `init.signal` (when given) is what `request.signal` follows; linking a new signal per call is costly.
  return fetch(request.url, { ...init, ...extension, method: request.method, headers: request.headers });
}

/** An openapi-fetch client for `Paths` with the vendor's authentication middleware registered first. */
export function createVendorClient<Paths extends {}>(
  baseUrl: string,
  options: BaseClientOptions,
  auth: Middleware,
): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl,
    Request: InitKeepingRequest,
    // A fetch of the caller's gets the Request itself, as documented.
    fetch: options.fetch ?? directFetch,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  client.use(auth);
  return client;
}
