import createClient, { type Client, type HeadersOptions, type Middleware } from 'openapi-fetch';

/** Options every vendor client takes. */
export interface BaseClientOptions {
  /** Root URL of the API; each vendor defaults it to its public host. */
  baseUrl?: string;
  /** The fetch to use (defaults to `globalThis.fetch`), e.g. to add a proxy or record requests. */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers sent on every request, under the authentication headers. */
  headers?: HeadersOptions;
}

/** An openapi-fetch client for `Paths` with the vendor's authentication middleware registered first. */
export function createVendorClient<Paths extends {}>(baseUrl: string, options: BaseClientOptions, auth: Middleware): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  client.use(auth);
  return client;
}
