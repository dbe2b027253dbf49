/**
 * The committed bundles as JSON modules, so a browser build (the mock's in-page engine) gets them
 * from its bundler the same way Node gets them here, without a file system.
 */
import datadog from '../bundled/datadog.json' with { type: 'json' };
import fabro from '../bundled/fabro.json' with { type: 'json' };
import launchdarkly from '../bundled/launchdarkly.json' with { type: 'json' };
import qoder from '../bundled/qoder.json' with { type: 'json' };
import type { OpenApiDocument } from './document.ts';
import type { Vendor } from './vendors.ts';

// One line per vendor; `satisfies` fails the build when a vendor has no bundle.
const bundled = { qoder, fabro, datadog, launchdarkly } satisfies Record<Vendor, object>;

/**
 * A vendor's bundle, shared by every caller in the process: read it, never change it (use
 * `loadBundle` for a copy of your own).
 */
export function bundleOf(vendor: Vendor): OpenApiDocument {
  // The JSON module's inferred type is the literal shape of one file; the bundler guarantees OpenAPI.
  return bundled[vendor] as unknown as OpenApiDocument;
}

/** A private deep copy of a vendor's bundle, free to modify (express-openapi-validator does). */
export function loadBundle(vendor: Vendor): OpenApiDocument {
  return structuredClone(bundleOf(vendor));
}
