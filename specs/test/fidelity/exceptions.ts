/**
 * Every deliberate departure from a vendor's own definition, in one table. The fidelity test fails
 * on a departure no row explains and on a row that explains nothing, so this table is the complete
 * list. `where` matches a departure's place, `<METHOD> <place> <instance path>`: `PUT request
 * /resources/memory`, `GET status 401`, `PUT parameter header if-match`, `GET response 200 /_access/…`.
 * Each row's `what` and `why` are what a reader sees; specs/README.md tells the same story at length.
 */
import type { Vendor } from '../../src/index.ts';

export interface Exception {
  vendors: Vendor[];
  /** The departure, in a few words. */
  what: string;
  where: RegExp;
  /**
   * The keywords it covers: JSON Schema keywords, `status` (a status the vendor does not document),
   * `example` (a vendor example both schemas reject), `sdk` (a body a Qoder SDK can send that we reject).
   */
  keywords: string[];
  why: string;
}

export const exceptions: Exception[] = [
  {
    vendors: ['fabro'],
    what: '401 documented',
    where: /^(GET|PUT) status 401$/,
    keywords: ['status'],
    why: "Fabro's handlers require a user: a missing or bad token is a 401 its definition leaves out.",
  },
  {
    vendors: ['fabro', 'datadog', 'launchdarkly'],
    what: '413 and 415 documented on body-taking operations',
    where: /^(PUT|PATCH) status (413|415)$/,
    keywords: ['status'],
    why: "Every server answers an oversized or non-JSON body; Fabro's framework does (413, 415), and so must a faithful mock.",
  },
  {
    vendors: ['datadog', 'launchdarkly'],
    what: '400 documented on GET',
    where: /^GET status 400$/,
    keywords: ['status'],
    why: 'A malformed path parameter (not a UUID, not a key) answers 400 in the vendor envelope instead of a 404.',
  },
  {
    vendors: ['fabro'],
    what: 'nested request objects closed',
    where: /^PUT request \/(resources|network|lifecycle|volumes\/\[\])$/,
    keywords: ['additionalProperties'],
    why: 'Fabro ignores unknown keys there, so in a full replace a typo (`memroy`) silently nulls the setting; we answer 422.',
  },
  {
    vendors: ['fabro'],
    what: 'size and duration patterns',
    where: /^PUT request \/(resources\/(memory|disk)|lifecycle\/auto_stop)$/,
    keywords: ['pattern'],
    why: "The definition types them as strings, but Fabro's parsers accept only `4GB`/`512MiB` and `30m` forms (else 422).",
  },
  {
    vendors: ['fabro'],
    what: 'If-Match pattern',
    where: /^PUT parameter header if-match$/,
    keywords: ['pattern'],
    why: 'Fabro parses If-Match as a quoted or bare 64-hex revision and answers 400 otherwise; the pattern says so.',
  },
  {
    vendors: ['fabro'],
    what: 'map keys restricted',
    where: /^PUT request \/(labels|env)$/,
    keywords: ['propertyNames'],
    why: '`__proto__`, `constructor` and `prototype` are refused as keys: a JavaScript server or client would corrupt objects with them.',
  },
  {
    vendors: ['datadog'],
    what: 'update body closed',
    where: /^PUT request( \/data(\/attributes)?)?$/,
    keywords: ['additionalProperties'],
    why: 'An unknown attribute in a partial update would be dropped without a word; read-only ones (`key`) must not look writable.',
  },
  {
    vendors: ['datadog'],
    what: 'non-empty name',
    where: /^PUT request \/data\/attributes\/name$/,
    keywords: ['minLength'],
    why: 'Renaming an environment to the empty string leaves it nameless in the UI; the response requires a name.',
  },
  {
    vendors: ['launchdarkly'],
    what: 'RFC 6902 operations',
    where: /^PATCH request( \/\[\](\/op)?)?$/,
    keywords: ['enum', 'minItems', 'additionalProperties'],
    why: 'The definition types `op` as any string; RFC 6902 has six operations, an operation has no other members, and an empty patch changes nothing.',
  },
  {
    vendors: ['launchdarkly'],
    what: 'JSON Pointer patterns',
    where: /^PATCH request \/\[\]\/(path|from)$/,
    keywords: ['pattern', 'type'],
    why: '`path` and `from` are RFC 6901 pointers (the definition omits `from`, which move and copy need).',
  },
  {
    vendors: ['launchdarkly'],
    what: 'key patterns on path parameters',
    where: /^(GET|PATCH) parameter path (projectKey|environmentKey)$/,
    keywords: ['pattern'],
    why: "The definition's `format: string` says nothing; a key is letters, digits, `.`, `_`, `-`, so anything else is a 400.",
  },
  {
    vendors: ['launchdarkly'],
    what: "the definition's own `_access` examples",
    where: /^(GET|PATCH) response 200 \/_access\/(denied|allowed)\/(\d+|\[\])\/reason\/notActions\/\d+$/,
    keywords: ['example'],
    why: 'Its generated examples list `null` action specifiers, which its own schema (strings) rejects; ours rejects them too.',
  },
  {
    vendors: ['qoder'],
    what: 'config.type required',
    where: /^(POST|PUT) request \(SDK\) a cloud config without its type/,
    keywords: ['sdk'],
    why: 'The seed states `config.type` is required whenever `config` is sent; the TypeScript SDK may leave it out (Go never does).',
  },
  {
    vendors: ['qoder'],
    what: 'null config, networking, packages, metadata refused',
    where: /^(POST|PUT) request \(SDK\) (a )?null (config|metadata|networking)/,
    keywords: ['sdk'],
    why: "The TypeScript SDK's types allow these nulls but nothing documents what Qoder does with them; we answer 400 rather than guess.",
  },
];
