/** Every vendor envspec models; each has `specs/<vendor>/openapi.yaml` and an API alias in `redocly.yaml`. */
export const vendors = ['qoder', 'fabro', 'datadog', 'launchdarkly'] as const;

export type Vendor = (typeof vendors)[number];

export function isVendor(value: string): value is Vendor {
  return (vendors as readonly string[]).includes(value);
}
