import { readFileSync } from 'node:fs';
import { bundlePath, type Vendor } from './targets.ts';

type Json = Record<string, any>;

const bundles = new Map<Vendor, Json>();

function bundle(vendor: Vendor): Json {
  let document = bundles.get(vendor);
  if (!document) {
    document = JSON.parse(readFileSync(bundlePath(vendor), 'utf8')) as Json;
    bundles.set(vendor, document);
  }
  return document;
}

function resolve(document: Json, node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: Json, segment) => at[segment.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  }
  return current;
}

/** The documented response of an operation for a status: its JSON example and its header examples. */
export function documentedResponse(
  vendor: Vendor,
  operationId: string,
  status: number,
): { example: unknown; headers: Record<string, unknown> } {
  const document = bundle(vendor);
  for (const pathItem of Object.values(document.paths as Json)) {
    for (const operation of Object.values(pathItem as Json)) {
      if ((operation as Json)?.operationId !== operationId) continue;
      const response = resolve(document, (operation as Json).responses[String(status)]);
      const examples = response.content?.['application/json']?.examples ?? {};
      const [first] = Object.values(examples as Json);
      const headers = Object.fromEntries(
        Object.entries((response.headers ?? {}) as Json).map(([name, header]) => {
          const resolved = resolve(document, header as Json);
          return [name, resolved.example ?? resolve(document, resolved.schema ?? {}).example];
        }),
      );
      return { example: first === undefined ? undefined : resolve(document, first as Json).value, headers };
    }
  }
  throw new Error(`no operation ${operationId} in the ${vendor} bundle`);
}

/** The documented example of an operation's request body with this name. */
export function documentedRequest(vendor: Vendor, operationId: string, name: string): unknown {
  const document = bundle(vendor);
  for (const pathItem of Object.values(document.paths as Json)) {
    for (const operation of Object.values(pathItem as Json)) {
      if ((operation as Json)?.operationId !== operationId) continue;
      const body = resolve(document, (operation as Json).requestBody);
      const example = body.content?.['application/json']?.examples?.[name];
      if (!example) throw new Error(`${operationId} has no request example '${name}'`);
      return resolve(document, example as Json).value;
    }
  }
  throw new Error(`no operation ${operationId} in the ${vendor} bundle`);
}

/** The spec's servers other than the local mock and reference server. */
export function publicServerUrls(vendor: Vendor): string[] {
  return (bundle(vendor).servers as Array<{ url: string }>)
    .map((server) => server.url)
    .filter((url) => !url.startsWith('http://127.0.0.1'));
}

/** The `site` enum of the Datadog bundle's first server. */
export function datadogSiteEnum(): string[] {
  return bundle('datadog').servers[0].variables.site.enum as string[];
}
