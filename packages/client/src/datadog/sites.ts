/** The Datadog sites, as enumerated by the spec's `site` server variable. */
export const datadogSites = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'datadoghq.eu',
  'ddog-gov.com',
  'us2.ddog-gov.com',
  'uk1.datadoghq.com',
] as const;

export type DatadogSite = (typeof datadogSites)[number];

export const datadogDefaultSite: DatadogSite = 'datadoghq.com';

/** The API root of a Datadog site: `https://api.<site>`. */
export function datadogBaseUrl(site: DatadogSite = datadogDefaultSite): string {
  if (!(datadogSites as readonly string[]).includes(site)) {
    throw new TypeError(
      `unknown Datadog site '${site}': use one of ${datadogSites.join(', ')}, or pass baseUrl instead`,
    );
  }
  return `https://api.${site}`;
}
