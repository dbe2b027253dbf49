import { bundleOf, type Vendor } from '@envspec/specs';

interface ServerObject {
  url: string;
  variables?: Record<string, { default: string }>;
}

/**
 * The vendor's own host, from the first `servers` entry of its spec with each variable at its
 * default (`https://api.datadoghq.com`, Fabro's documented `https://api.example.com`): by default
 * the handlers answer where a client pointed at the real vendor sends its requests.
 */
export function defaultBaseUrl(vendor: Vendor): string {
  const [server] = (bundleOf(vendor) as { servers?: ServerObject[] }).servers ?? [];
  if (!server) throw new Error(`the ${vendor} spec lists no server`);
  return server.url.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = server.variables?.[name]?.default;
    if (value === undefined) throw new Error(`the ${vendor} spec's server variable ${name} has no default`);
    return value;
  });
}

/** Where handlers answer: the origin, and the path prefix before the spec's paths ('' for none, else `/…` without a trailing slash). */
export interface BaseLocation {
  origin: string;
  prefix: string;
}

/** An absolute http(s) URL split into origin and path prefix, or a TypeError saying what is wrong with it. */
export function normalizeBaseUrl(vendor: Vendor, baseUrl: string): BaseLocation {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `${vendor} baseUrl must be an absolute URL such as 'https://api.example.com', got '${baseUrl}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`${vendor} baseUrl must be http or https, got '${baseUrl}'`);
  if (url.search || url.hash) throw new TypeError(`${vendor} baseUrl takes no query or fragment, got '${baseUrl}'`);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}
