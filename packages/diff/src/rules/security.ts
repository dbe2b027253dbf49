/**
 * Rules on security: what an operation requires (its own `security`, else the document's) and the
 * security schemes themselves. oasdiff reports all of these as info; here a change that makes a
 * client's existing credentials insufficient is breaking.
 */
import { isObject, type Json } from '../document/resolver.ts';
import type { OperationView, Side } from '../walk/pairs.ts';
import { document, operation, pair } from './fixtures.ts';
import { rule, type OasdiffDifference, type Rule } from './rule.ts';

/**
 * Alternatives (any one suffices), each a set of schemes (all needed) with their scopes. Schemes
 * are named by how credentials are sent (`http bearer`, `apiKey header X-Key`), not by their
 * component name, so renaming a security scheme component is no change.
 */
type Requirements = Map<string, Map<string, string[]>>;

function signatureOf(side: Side, name: string): string {
  const components = side.document.root.components;
  const definitions = isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : {};
  if (definitions[name] === undefined) return name;
  const node = { value: definitions[name], file: side.document.name, pointer: `/components/securitySchemes/${name}` };
  const scheme = side.resolver.object(node).value;
  const parts = [
    scheme.type,
    scheme.type === 'http' ? String(scheme.scheme ?? '').toLowerCase() : undefined,
    scheme.in,
    scheme.name,
    scheme.openIdConnectUrl,
  ];
  return parts.filter((part) => typeof part === 'string' && part !== '').join(' ') || name;
}

function requirementsOf(side: Side, view: OperationView): Requirements | undefined {
  const list = view.value.security ?? side.document.root.security;
  if (!Array.isArray(list)) return undefined;
  const result: Requirements = new Map();
  for (const item of list) {
    if (!isObject(item)) continue;
    const schemes = new Map(
      Object.entries(item).map(([name, scopes]) => [
        signatureOf(side, name),
        Array.isArray(scopes) ? scopes.map(String) : [],
      ]),
    );
    result.set([...schemes.keys()].sort().join(' + '), schemes);
  }
  return result;
}

/** No requirement, or an empty alternative (`{}`): anonymous calls are allowed. */
const open = (requirements: Requirements | undefined) =>
  !requirements || requirements.size === 0 || requirements.has('');

const why =
  'A client holds the credentials the old contract asked for; when those no longer suffice its calls fail with 401/403, which is what breaking means. oasdiff reports security changes as info.';
const difference = (ids: string[], level: OasdiffDifference['level'] = 'info'): OasdiffDifference => ({
  level,
  ids,
  why,
});

const schemes = {
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer' },
    apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
    oauth: {
      type: 'oauth2',
      flows: {
        clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { read: 'read', write: 'write' } },
      },
    },
  },
};
const secured = (security: unknown[] | undefined) =>
  operation('get', '/things', security ? { security } : {}, { components: schemes });

function operationSecurityRule(
  id: string,
  level: Rule['level'],
  find: (from: Requirements | undefined, to: Requirements | undefined) => Array<{ message: string; detail: string }>,
  description: string,
  cases: Rule['cases'],
  oasdiff?: OasdiffDifference,
): Rule<'operation'> {
  return rule({
    id,
    level,
    location: 'operation',
    description,
    cases,
    ...(oasdiff ? { oasdiff } : {}),
    check({ base, head, document }, emit) {
      if (!base || !head) return;
      for (const finding of find(requirementsOf(document.base, base), requirementsOf(document.head, head))) {
        emit({ ...finding, location: 'request security' });
      }
    },
  });
}

export const securityRules: Array<Rule<'operation'> | Rule<'document'>> = [
  operationSecurityRule(
    'security-added',
    'breaking',
    (from, to) =>
      open(from) && !open(to)
        ? [{ message: `authentication now required (${[...to!.keys()].join(' or ')})`, detail: 'added' }]
        : [],
    'An operation that allowed anonymous calls now requires authentication: anonymous clients get 401.',
    [
      pair('bearer required where none was', secured(undefined), secured([{ bearer: [] }])),
      pair(
        'global security added',
        document({ '/things': { get: { responses: { '200': { description: 'OK' } } } } }, { components: schemes }),
        document(
          { '/things': { get: { responses: { '200': { description: 'OK' } } } } },
          { components: schemes, extra: { security: [{ bearer: [] }] } },
        ),
      ),
    ],
    difference(['api-security-added', 'api-global-security-added']),
  ),
  operationSecurityRule(
    'security-removed',
    'info',
    (from, to) =>
      !open(from) && open(to) ? [{ message: 'authentication no longer required', detail: 'removed' }] : [],
    'An operation no longer requires authentication.',
    [pair('security removed', secured([{ bearer: [] }]), secured([]))],
  ),
  operationSecurityRule(
    'security-requirement-removed',
    'breaking',
    (from, to) =>
      open(from) || open(to)
        ? []
        : [...from!.keys()]
            .filter((key) => !to!.has(key))
            .map((key) => ({
              message: `security alternative ${key} removed: clients that authenticate that way get 401`,
              detail: key,
            })),
    "A way to authenticate was removed (one of the operation's security alternatives): clients that use it get 401.",
    [
      pair('API key alternative removed', secured([{ bearer: [] }, { apiKey: [] }]), secured([{ bearer: [] }])),
      pair('scheme swapped', secured([{ apiKey: [] }]), secured([{ bearer: [] }])),
      pair(
        'a renamed scheme component sends the same credentials',
        secured([{ bearer: [] }]),
        operation(
          'get',
          '/things',
          { security: [{ BearerAuth: [] }] },
          { components: { securitySchemes: { BearerAuth: { type: 'http', scheme: 'Bearer' } } } },
        ),
        false,
      ),
    ],
    difference(['api-security-removed', 'api-global-security-removed']),
  ),
  operationSecurityRule(
    'security-requirement-added',
    'info',
    (from, to) =>
      open(from) || open(to)
        ? []
        : [...to!.keys()]
            .filter((key) => !from!.has(key))
            .map((key) => ({ message: `security alternative ${key} added`, detail: key })),
    'A new way to authenticate was added (an alternative): existing credentials still work.',
    [pair('API key alternative added', secured([{ bearer: [] }]), secured([{ bearer: [] }, { apiKey: [] }]))],
  ),
  operationSecurityRule(
    'security-scope-added',
    'breaking',
    (from, to) => {
      if (open(from) || open(to)) return [];
      const found: Array<{ message: string; detail: string }> = [];
      for (const [key, schemesNow] of to!) {
        const before = from!.get(key);
        if (!before) continue;
        for (const [scheme, scopes] of schemesNow)
          for (const scope of scopes.filter((item) => !(before.get(scheme) ?? []).includes(item)))
            found.push({
              message: `scope ${scope} of ${scheme} now required: tokens without it get 403`,
              detail: `${scheme}:${scope}`,
            });
      }
      return found;
    },
    'An operation requires one more OAuth scope: tokens issued without it get 403.',
    [pair('write scope required', secured([{ oauth: ['read'] }]), secured([{ oauth: ['read', 'write'] }]))],
    difference(['api-security-scope-added', 'api-global-security-scope-added']),
  ),
  operationSecurityRule(
    'security-scope-removed',
    'info',
    (from, to) => {
      if (open(from) || open(to)) return [];
      const found: Array<{ message: string; detail: string }> = [];
      for (const [key, schemesBefore] of from!) {
        const now = to!.get(key);
        if (!now) continue;
        for (const [scheme, scopes] of schemesBefore)
          for (const scope of scopes.filter((item) => !(now.get(scheme) ?? []).includes(item)))
            found.push({ message: `scope ${scope} of ${scheme} no longer required`, detail: `${scheme}:${scope}` });
      }
      return found;
    },
    'An operation requires one OAuth scope fewer.',
    [pair('write scope dropped', secured([{ oauth: ['read', 'write'] }]), secured([{ oauth: ['read'] }]))],
  ),
  rule({
    id: 'security-scheme-changed',
    level: 'breaking',
    location: 'document',
    description:
      'A security scheme changed how credentials are sent (`type`, `scheme`, `in`, `name`, `bearerFormat`): clients keep sending them the old way.',
    oasdiff: difference(['api-security-component-type-changed']),
    cases: [
      pair('API key header renamed', secured([{ apiKey: [] }]), {
        ...secured([{ apiKey: [] }]),
        components: {
          securitySchemes: { ...schemes.securitySchemes, apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
        },
      }),
    ],
    check({ base, head }, emit) {
      for (const [name, from, to] of schemePairs(base, head)) {
        for (const key of ['type', 'scheme', 'in', 'name', 'openIdConnectUrl']) {
          if (from[key] !== to[key])
            emit({
              message: `security scheme ${name}: ${key} changed from ${String(from[key] ?? 'none')} to ${String(to[key] ?? 'none')}`,
              location: `components securitySchemes ${name}`,
              detail: key,
            });
        }
      }
    },
  }),
  rule({
    id: 'security-scheme-flow-changed',
    level: 'warning',
    location: 'document',
    description:
      'An OAuth flow of a security scheme changed (a token or authorization URL, a flow added or removed, a scope removed from the scheme): clients configured with the old one must be updated.',
    oasdiff: difference([
      'api-security-component-oauth-token-url-changed',
      'api-security-component-oauth-url-changed',
      'api-security-component-oauth-scope-removed',
    ]),
    cases: [
      pair('token URL changed', secured([{ oauth: ['read'] }]), {
        ...secured([{ oauth: ['read'] }]),
        components: {
          securitySchemes: {
            ...schemes.securitySchemes,
            oauth: {
              type: 'oauth2',
              flows: {
                clientCredentials: {
                  tokenUrl: 'https://login.example/token',
                  scopes: { read: 'read', write: 'write' },
                },
              },
            },
          },
        },
      }),
    ],
    check({ base, head }, emit) {
      for (const [name, from, to] of schemePairs(base, head)) {
        const flowsFrom = isObject(from.flows) ? from.flows : {};
        const flowsTo = isObject(to.flows) ? to.flows : {};
        for (const flow of new Set([...Object.keys(flowsFrom), ...Object.keys(flowsTo)])) {
          const a = isObject(flowsFrom[flow]) ? flowsFrom[flow] : undefined;
          const b = isObject(flowsTo[flow]) ? flowsTo[flow] : undefined;
          const location = `components securitySchemes ${name} flows ${flow}`;
          if (!a || !b) {
            emit({
              message: `security scheme ${name}: ${flow} flow ${a ? 'removed' : 'added'}`,
              location,
              detail: flow,
            });
            continue;
          }
          for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) {
            if (a[key] !== b[key])
              emit({
                message: `security scheme ${name}: ${flow} ${key} changed from ${String(a[key] ?? 'none')} to ${String(b[key] ?? 'none')}`,
                location,
                detail: key,
              });
          }
          const scopesTo = isObject(b.scopes) ? b.scopes : {};
          for (const scope of Object.keys(isObject(a.scopes) ? a.scopes : {}).filter((item) => !(item in scopesTo))) {
            emit({
              message: `security scheme ${name}: ${flow} scope ${scope} removed`,
              location,
              detail: `scope ${scope}`,
            });
          }
        }
      }
    },
  }),
];

function schemePairs(base: Side, head: Side): Array<[string, Json, Json]> {
  const of = (side: Side): Json => {
    const components = side.document.root.components;
    return isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : {};
  };
  const from = of(base);
  const to = of(head);
  const result: Array<[string, Json, Json]> = [];
  for (const name of Object.keys(from)) {
    if (!(name in to)) continue;
    const a = base.resolver.object({
      value: from[name],
      file: base.document.name,
      pointer: `/components/securitySchemes/${name}`,
    }).value;
    const b = head.resolver.object({
      value: to[name],
      file: head.document.name,
      pointer: `/components/securitySchemes/${name}`,
    }).value;
    result.push([name, a, b]);
  }
  return result;
}
