/** Rules on operations and webhooks: removed, added, deprecated, renamed (`operationId`), re-tagged. */
import { document, operation, pair } from './fixtures.ts';
import { rule, type Rule } from './rule.ts';

const ok = { '200': { description: 'OK' } };
const two = document({ '/things': { get: { responses: ok } }, '/things/{id}': { delete: { responses: ok } } });
const one = document({ '/things': { get: { responses: ok } } });
const deprecatedTwo = document({
  '/things': { get: { responses: ok } },
  '/things/{id}': { delete: { deprecated: true, responses: ok } },
});
const hook = (webhooks: Record<string, unknown>) => ({ ...one, webhooks });
const orderCreated = {
  post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok },
};

export const operationRules: Rule<'operation'>[] = [
  rule({
    id: 'operation-removed',
    level: 'breaking',
    location: 'operation',
    description: 'An operation was removed without being deprecated first: clients that call it get 404 or 405.',
    cases: [
      pair('DELETE removed', two, one),
      pair(
        'renaming a path parameter is no removal',
        operation('get', '/things/{id}', {}),
        operation('get', '/things/{key}', {}),
        false,
      ),
    ],
    check({ base, head }, emit) {
      if (base && !head && !base.webhook && base.value.deprecated !== true)
        emit({ message: `operation ${base.label} removed`, atBase: true });
    },
  }),
  rule({
    id: 'deprecated-operation-removed',
    level: 'warning',
    location: 'operation',
    description: 'A deprecated operation was removed: announced, but clients that still call it fail.',
    cases: [pair('deprecated DELETE removed', deprecatedTwo, one)],
    check({ base, head }, emit) {
      if (base && !head && !base.webhook && base.value.deprecated === true)
        emit({ message: `deprecated operation ${base.label} removed`, atBase: true });
    },
  }),
  rule({
    id: 'operation-added',
    level: 'info',
    location: 'operation',
    description: 'An operation was added.',
    cases: [pair('DELETE added', one, two)],
    check({ base, head }, emit) {
      if (!base && head && !head.webhook) emit({ message: `operation ${head.label} added` });
    },
  }),
  rule({
    id: 'webhook-removed',
    level: 'breaking',
    location: 'operation',
    description: 'A webhook was removed: subscribers stop receiving the calls they were built for.',
    cases: [pair('webhook removed', hook({ orderCreated }), hook({}))],
    check({ base, head }, emit) {
      if (base?.webhook && !head) emit({ message: `webhook ${base.label} removed`, atBase: true });
    },
  }),
  rule({
    id: 'webhook-added',
    level: 'info',
    location: 'operation',
    description: 'A webhook was added.',
    cases: [pair('webhook added', hook({}), hook({ orderCreated }))],
    check({ base, head }, emit) {
      if (!base && head?.webhook) emit({ message: `webhook ${head.label} added` });
    },
  }),
  rule({
    id: 'operation-deprecated-changed',
    level: 'info',
    location: 'operation',
    description: 'An operation was deprecated, or no longer is.',
    cases: [pair('DELETE deprecated', two, deprecatedTwo)],
    check({ base, head }, emit) {
      if (base && head && (base.value.deprecated === true) !== (head.value.deprecated === true)) {
        emit({
          message: `operation ${head.label} ${head.value.deprecated === true ? 'deprecated' : 'no longer deprecated'}`,
        });
      }
    },
  }),
  rule({
    id: 'operation-id-changed',
    level: 'warning',
    location: 'operation',
    description:
      "An operation's `operationId` changed or was removed: code generators name methods and types after it (openapi-typescript's `operations[…]`, SDK method names), so generated clients stop compiling.",
    oasdiff: {
      level: 'info',
      ids: ['api-operation-id-removed'],
      why: 'The wire is unchanged, but generated code is keyed by operationId, so consumers of generated clients must change their code.',
    },
    cases: [
      pair(
        'operationId renamed',
        operation('get', '/things', { operationId: 'listThings' }),
        operation('get', '/things', { operationId: 'getThings' }),
      ),
    ],
    check({ base, head }, emit) {
      const from = base?.value.operationId;
      const to = head?.value.operationId;
      if (base && head && typeof from === 'string' && from !== to)
        emit({ message: `operationId changed from ${from} to ${typeof to === 'string' ? to : 'none'}`, detail: from });
    },
  }),
  rule({
    id: 'operation-id-added',
    level: 'info',
    location: 'operation',
    description: 'An operation got an `operationId`.',
    cases: [
      pair(
        'operationId added',
        operation('get', '/things', {}),
        operation('get', '/things', { operationId: 'listThings' }),
      ),
    ],
    check({ base, head }, emit) {
      if (base && head && base.value.operationId === undefined && typeof head.value.operationId === 'string')
        emit({ message: `operationId ${head.value.operationId} added` });
    },
  }),
  rule({
    id: 'operation-tags-changed',
    level: 'info',
    location: 'operation',
    description: "An operation's tags changed (documentation grouping; some generators group methods by tag).",
    cases: [
      pair(
        'tag added',
        operation('get', '/things', { tags: ['a'] }),
        operation('get', '/things', { tags: ['a', 'b'] }),
      ),
    ],
    check({ base, head }, emit) {
      const tags = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
      if (!base || !head) return;
      const from = tags(base.value.tags);
      const to = tags(head.value.tags);
      for (const tag of from.filter((item) => !to.includes(item)))
        emit({ message: `tag ${tag} removed`, detail: `-${tag}` });
      for (const tag of to.filter((item) => !from.includes(item)))
        emit({ message: `tag ${tag} added`, detail: `+${tag}` });
    },
  }),
];
