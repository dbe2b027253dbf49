/** What the server benchmark compares, per vendor, in this order. */
export const serverVariants = ['reference', 'unvalidated', 'bare', 'prism'] as const;

export type ServerVariant = (typeof serverVariants)[number];

export const variantLabels: Record<ServerVariant, string> = {
  reference: 'reference server (validated)',
  unvalidated: 'same app, no validator',
  bare: 'bare node:http',
  prism: 'Prism mock',
};

export function isServerVariant(value: string): value is ServerVariant {
  return (serverVariants as readonly string[]).includes(value);
}
