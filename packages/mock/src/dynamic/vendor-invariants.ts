/**
 * What must hold between the fields of a vendor's answer, which a schema cannot say and a generator
 * therefore breaks: the resource's id is the one in the path, timestamps run forwards, Fabro's ETag
 * is the quoted `revision` of the very body it comes with. One entry per vendor, compile-checked.
 */
import type { Vendor } from '@envspec/specs';
import { etagOf, revisionOf } from '@envspec/vendors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A generated success answer, being made coherent. */
export interface GeneratedAnswer {
  body: { [key: string]: Json };
  /** Response headers by lower-case name; a rule may change the ones present. */
  headers: Map<string, string>;
  /** The request path, still percent-encoded. */
  path: string;
  /** The request's path parameters, decoded. */
  parameters: Record<string, string>;
}

export interface VendorInvariants {
  /** Path parameter → JSON Pointer of the body field that holds the same value. */
  identity: Record<string, string>;
  /** JSON Pointers of a creation and a last-change timestamp: the first is never later than the second. */
  timestamps?: readonly [created: string, updated: string];
  /** Anything else, applied after the identity and timestamps. */
  amend?(answer: GeneratedAnswer): void;
}

/**
 * Fabro's `revision` is the vendor core's digest of the definition (the environment without its
 * `revision`), as the reference server and stateful mode compute it, and the ETag is it quoted.
 */
function fabroRevision(answer: GeneratedAnswer): void {
  const { revision: _generated, ...definition } = answer.body;
  // Generated from the environment schema, so it has the shape `revisionOf` digests.
  const revision = revisionOf(definition as unknown as Parameters<typeof revisionOf>[0]);
  answer.body.revision = revision;
  if (answer.headers.has('etag')) answer.headers.set('etag', etagOf(revision));
}

/** LaunchDarkly links a resource to itself: `_links.self` is the path it was read from. */
function launchDarklySelfLink(answer: GeneratedAnswer): void {
  answer.body._links = { self: { href: answer.path, type: 'application/json' } };
}

export const vendorInvariants = {
  qoder: {
    identity: { environment_id: '/id' },
    timestamps: ['/created_at', '/updated_at'],
  },
  fabro: {
    identity: { id: '/id' },
    amend: fabroRevision,
  },
  datadog: {
    identity: { environment_id: '/data/id' },
    timestamps: ['/data/attributes/created_at', '/data/attributes/updated_at'],
  },
  launchdarkly: {
    identity: { environmentKey: '/key' },
    amend: launchDarklySelfLink,
  },
} satisfies Record<Vendor, VendorInvariants>;
