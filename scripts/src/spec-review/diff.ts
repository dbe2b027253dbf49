/**
 * A breaking-change classifier over two bundled OpenAPI 3.1 documents (the base and the head of
 * one vendor's spec). Every difference a client can observe becomes a `Change`, classified from
 * the client's side of the wire:
 *
 * - Request side (the client writes, the server validates): a change is breaking when the new
 *   spec accepts fewer requests than the old one did — a new required field or parameter, a
 *   narrowed enum or type, a tighter constraint, a removed field the server now rejects
 *   (`additionalProperties: false`), a removed media type.
 * - Response side (the server writes, the client reads): a change is breaking when the new spec
 *   can send something the old one could not, or stops sending something clients rely on — a
 *   removed or now-optional field, a changed or widened type, a new enum value or oneOf variant
 *   (strict clients switch exhaustively over these), a looser constraint, a removed status,
 *   header or media type. New response fields are not breaking: clients ignore unknown fields.
 *
 * The rules and their reasons are listed in `scripts/README.md`; `test/spec-review/diff.test.ts`
 * has a case for many of them, not yet for every rule.
 */
import { httpMethods, type OpenApiDocument } from '@envspec/specs';

export type Severity = 'breaking' | 'non-breaking';
export type Direction = 'request' | 'response';

export interface Change {
  /** Rule name, for example `property-removed`. */
  rule: string;
  severity: Severity;
  /** `METHOD /path` of the operation, as in the spec. */
  operation: string;
  operationId?: string;
  /** Where in the operation: `response 200 application/json body.description`. */
  where: string;
  /** What changed, in words. */
  message: string;
  /** What this means for a client (set for breaking changes). */
  impact?: string;
  /**
   * Stable identity of the change, printed by the review and copied into
   * `specs/breaking-changes.yaml` to acknowledge it: `<rule>: <where>[ (<detail>)]`.
   */
  change: string;
}

type Json = Record<string, unknown>;

interface Side {
  document: OpenApiDocument;
}

/** Resolves local `$ref`s; returns the schema and the name of the last component it went through. */
function deref(side: Side, node: unknown): { value: unknown; ref?: string } {
  let current = node;
  let ref: string | undefined;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    const segments = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    current = segments.reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), side.document);
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return ref === undefined ? { value: current } : { value: current, ref };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchema(value: unknown): Json {
  if (value === true || value === undefined) return {};
  if (value === false) return { not: {} };
  return isObject(value) ? value : {};
}

const show = (value: unknown): string => JSON.stringify(value);

/** Collects changes for one operation location; knows the direction and how to word impacts. */
class Collector {
  readonly changes: Change[] = [];
  constructor(
    private readonly operation: string,
    private readonly operationId: string | undefined,
  ) {}

  add(rule: string, severity: Severity, where: string, message: string, impact?: string, detail?: string): void {
    this.changes.push({
      rule,
      severity,
      operation: this.operation,
      ...(this.operationId ? { operationId: this.operationId } : {}),
      where,
      message,
      ...(severity === 'breaking' && impact ? { impact } : {}),
      change: `${rule}: ${where}${detail ? ` (${detail})` : ''}`,
    });
  }
}

interface SchemaContext {
  base: Side;
  head: Side;
  direction: Direction;
  out: Collector;
  /** Prefix of `where`, for example `response 200 application/json`. */
  location: string;
  /** `$ref` pairs being compared on the current path, to stop on recursive schemas. */
  stack: Set<string>;
}

/** Display path inside a body or parameter: `body.data.attributes.name`, `body.packages.apt[]`. */
function where(ctx: SchemaContext, path: string): string {
  return `${ctx.location} ${path}`;
}

/** A narrowing breaks requests; a widening breaks responses; a change in both ways breaks both. */
function severityOf(ctx: SchemaContext, kind: 'narrowed' | 'widened' | 'changed'): Severity {
  if (kind === 'changed') return 'breaking';
  return (kind === 'narrowed') === (ctx.direction === 'request') ? 'breaking' : 'non-breaking';
}

/** The field a reader would name: `body.data.name` → `data.name`; parameters and headers by name. */
function fieldName(path: string): string {
  return path.replace(/^body\.?/, '') || path;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'] as const;
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'] as const;
/** Keywords whose addition narrows, whose removal widens and whose change does both. */
const opaqueConstraints = ['pattern', 'format', 'multipleOf', 'not', 'contentMediaType', 'contentEncoding'] as const;

function typesOf(schema: Json): Set<string> | undefined {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  return undefined;
}

/** `integer` is a subset of `number`: moving between them narrows or widens rather than changes. */
function typeDelta(base: Set<string>, head: Set<string>): { removed: string[]; added: string[] } {
  const accepts = (set: Set<string>, type: string) => set.has(type) || (type === 'integer' && set.has('number'));
  return {
    removed: [...base].filter((type) => !accepts(head, type)),
    added: [...head].filter((type) => !accepts(base, type)),
  };
}

function enumOf(schema: Json): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function diffSchema(ctx: SchemaContext, baseNode: unknown, headNode: unknown, path: string): void {
  const baseRef = deref(ctx.base, baseNode);
  const headRef = deref(ctx.head, headNode);
  const key = `${baseRef.ref ?? ''}|${headRef.ref ?? ''}`;
  if (baseRef.ref && headRef.ref) {
    if (ctx.stack.has(key)) return;
    ctx.stack.add(key);
  }
  try {
    compareSchemas(ctx, asSchema(baseRef.value), asSchema(headRef.value), path);
  } finally {
    if (baseRef.ref && headRef.ref) ctx.stack.delete(key);
  }
}

function compareSchemas(ctx: SchemaContext, base: Json, head: Json, path: string): void {
  const field = fieldName(path);
  const at = where(ctx, path);

  // type
  const baseTypes = typesOf(base);
  const headTypes = typesOf(head);
  if (baseTypes || headTypes) {
    const { removed, added } =
      baseTypes && headTypes
        ? typeDelta(baseTypes, headTypes)
        : baseTypes
          ? { removed: [], added: ['any'] }
          : { removed: ['any'], added: [] };
    if (removed.length > 0 || added.length > 0) {
      const from = baseTypes ? [...baseTypes].join(' | ') : 'any';
      const to = headTypes ? [...headTypes].join(' | ') : 'any';
      const kind = removed.length > 0 && added.length > 0 ? 'changed' : removed.length > 0 ? 'narrowed' : 'widened';
      const impact =
        ctx.direction === 'request'
          ? `Requests that send \`${field}\` as ${removed.join(' or ')} are rejected.`
          : `Clients that read \`${field}\` as ${from} can receive ${added.join(' or ')}.`;
      ctx.out.add(
        `type-${kind}`,
        severityOf(ctx, kind),
        at,
        `type of \`${field}\` ${kind} from ${from} to ${to}`,
        impact,
        `${from} → ${to}`,
      );
      // Nothing in common: comparing the members of unrelated types would only repeat this.
      if (baseTypes && headTypes && ![...baseTypes].some((type) => headTypes.has(type))) return;
    }
  }

  // enum / const
  const baseEnum = enumOf(base);
  const headEnum = enumOf(head);
  if (baseEnum && headEnum) {
    const baseValues = new Set(baseEnum.map(show));
    const headValues = new Set(headEnum.map(show));
    for (const value of baseValues) {
      if (headValues.has(value)) continue;
      const impact =
        ctx.direction === 'request'
          ? `Requests that send ${value} for \`${field}\` are rejected.`
          : `Clients never receive ${value} for \`${field}\` any more.`;
      ctx.out.add(
        'enum-value-removed',
        severityOf(ctx, 'narrowed'),
        at,
        `enum value ${value} of \`${field}\` removed`,
        impact,
        value,
      );
    }
    for (const value of headValues) {
      if (baseValues.has(value)) continue;
      const impact =
        ctx.direction === 'request'
          ? `Requests may now send ${value} for \`${field}\`.`
          : `Clients that switch exhaustively over \`${field}\` meet the unknown value ${value}.`;
      ctx.out.add(
        'enum-value-added',
        severityOf(ctx, 'widened'),
        at,
        `enum value ${value} of \`${field}\` added`,
        impact,
        value,
      );
    }
  } else if (headEnum && !baseEnum) {
    ctx.out.add(
      'enum-added',
      severityOf(ctx, 'narrowed'),
      at,
      `\`${field}\` restricted to ${headEnum.map(show).join(', ')}`,
      `Requests that send any other value for \`${field}\` are rejected.`,
    );
  } else if (baseEnum && !headEnum) {
    ctx.out.add(
      'enum-removed',
      severityOf(ctx, 'widened'),
      at,
      `\`${field}\` no longer restricted to ${baseEnum.map(show).join(', ')}`,
      `Clients that switch exhaustively over \`${field}\` can receive values outside ${baseEnum.map(show).join(', ')}.`,
    );
  }

  compareConstraints(ctx, base, head, path);
  compareObjects(ctx, base, head, path);

  // arrays
  if (base.items !== undefined || head.items !== undefined) diffSchema(ctx, base.items, head.items, `${path}[]`);

  // composition
  for (const keyword of ['oneOf', 'anyOf'] as const) compareVariants(ctx, keyword, base, head, path);
  compareAllOf(ctx, base, head, path);
}

function compareConstraints(ctx: SchemaContext, base: Json, head: Json, path: string): void {
  const field = fieldName(path);
  const at = where(ctx, path);
  const report = (keyword: string, kind: 'narrowed' | 'widened' | 'changed', from: unknown, to: unknown) => {
    const detail = `${keyword} ${from === undefined ? 'none' : show(from)} → ${to === undefined ? 'none' : show(to)}`;
    const impact =
      ctx.direction === 'request'
        ? `Requests whose \`${field}\` met the old ${keyword} but not the new one are rejected.`
        : `Clients that rely on the old ${keyword} of \`${field}\` can receive values outside it.`;
    ctx.out.add(`constraint-${kind}`, severityOf(ctx, kind), at, `\`${field}\` ${detail}`, impact, detail);
  };
  for (const keyword of lowerBounds) {
    const from = base[keyword];
    const to = head[keyword];
    if (from === to) continue;
    if (typeof to === 'number' && (typeof from !== 'number' || to > from)) report(keyword, 'narrowed', from, to);
    else report(keyword, 'widened', from, to);
  }
  for (const keyword of upperBounds) {
    const from = base[keyword];
    const to = head[keyword];
    if (from === to) continue;
    if (typeof to === 'number' && (typeof from !== 'number' || to < from)) report(keyword, 'narrowed', from, to);
    else report(keyword, 'widened', from, to);
  }
  if (Boolean(base.uniqueItems) !== Boolean(head.uniqueItems)) {
    report('uniqueItems', head.uniqueItems ? 'narrowed' : 'widened', base.uniqueItems, head.uniqueItems);
  }
  for (const keyword of opaqueConstraints) {
    const from = base[keyword];
    const to = head[keyword];
    if (show(from) === show(to)) continue;
    report(keyword, from === undefined ? 'narrowed' : to === undefined ? 'widened' : 'changed', from, to);
  }
}

type Extra = { kind: 'open' } | { kind: 'closed' } | { kind: 'schema'; schema: unknown };

function extraOf(schema: Json): Extra {
  const value = schema.additionalProperties ?? schema.unevaluatedProperties;
  if (value === undefined || value === true) return { kind: 'open' };
  if (value === false) return { kind: 'closed' };
  return { kind: 'schema', schema: value };
}

function compareObjects(ctx: SchemaContext, base: Json, head: Json, path: string): void {
  const baseProps = isObject(base.properties) ? base.properties : {};
  const headProps = isObject(head.properties) ? head.properties : {};
  const baseRequired = new Set(Array.isArray(base.required) ? base.required.map(String) : []);
  const headRequired = new Set(Array.isArray(head.required) ? head.required.map(String) : []);
  const names = new Set([...Object.keys(baseProps), ...Object.keys(headProps), ...baseRequired, ...headRequired]);
  const headExtra = extraOf(head);
  // A property only one side of the wire ever sees does not exist on the other.
  const hidden = ctx.direction === 'request' ? 'readOnly' : 'writeOnly';
  const isHidden = (side: Side, schema: unknown) => {
    const { value } = deref(side, schema);
    return isObject(value) && value[hidden] === true;
  };

  for (const name of names) {
    const child = `${path}.${name}`;
    const at = where(ctx, child);
    // A name only listed in `required` has no schema of its own: only its requiredness is compared.
    const inBase = name in baseProps;
    const inHead = name in headProps;
    if (isHidden(ctx.base, baseProps[name]) && isHidden(ctx.head, headProps[name])) continue;

    if (inBase && !inHead) {
      if (ctx.direction === 'response') {
        ctx.out.add(
          'property-removed',
          'breaking',
          at,
          `property \`${name}\` removed`,
          `Clients that read \`${fieldName(child)}\` get undefined.`,
        );
      } else if (headExtra.kind === 'closed') {
        ctx.out.add(
          'property-removed',
          'breaking',
          at,
          `property \`${name}\` removed (additional properties are not allowed)`,
          `Requests that still send \`${fieldName(child)}\` are rejected (400).`,
        );
      } else {
        ctx.out.add(
          'property-removed',
          'non-breaking',
          at,
          `property \`${name}\` removed (the server ignores it if sent)`,
        );
      }
      continue;
    }
    if (!inBase && inHead) {
      const required = headRequired.has(name);
      if (ctx.direction === 'request' && required) {
        ctx.out.add(
          'required-property-added',
          'breaking',
          at,
          `required property \`${name}\` added`,
          `Requests without \`${fieldName(child)}\` are rejected (400).`,
        );
      } else {
        ctx.out.add(
          'property-added',
          'non-breaking',
          at,
          `${required ? 'required' : 'optional'} property \`${name}\` added`,
        );
      }
      continue;
    }

    if (inBase && inHead) diffSchema(ctx, baseProps[name], headProps[name], child);
    const wasRequired = baseRequired.has(name);
    const isRequired = headRequired.has(name);
    if (wasRequired === isRequired) continue;
    if (isRequired) {
      ctx.out.add(
        'property-became-required',
        ctx.direction === 'request' ? 'breaking' : 'non-breaking',
        at,
        `property \`${name}\` became required`,
        `Requests without \`${fieldName(child)}\` are rejected (400).`,
      );
    } else {
      ctx.out.add(
        'property-became-optional',
        ctx.direction === 'response' ? 'breaking' : 'non-breaking',
        at,
        `property \`${name}\` became optional`,
        `Clients that expect \`${fieldName(child)}\` to always be present can get undefined.`,
      );
    }
  }

  // additionalProperties / unevaluatedProperties
  const baseExtra = extraOf(base);
  const at = where(ctx, path);
  const field = fieldName(path);
  if (baseExtra.kind === 'schema' && headExtra.kind === 'schema') {
    diffSchema(ctx, baseExtra.schema, headExtra.schema, `${path}.*`);
  } else if (baseExtra.kind !== headExtra.kind) {
    const looser = { closed: 0, schema: 1, open: 2 } as const;
    const widened = looser[headExtra.kind] > looser[baseExtra.kind];
    const message = `additional properties of \`${field}\` went from ${baseExtra.kind} to ${headExtra.kind}`;
    if (ctx.direction === 'request') {
      ctx.out.add(
        widened ? 'additional-properties-widened' : 'additional-properties-narrowed',
        widened ? 'non-breaking' : 'breaking',
        at,
        message,
        `Requests that send properties \`${field}\` does not declare are rejected.`,
      );
    } else {
      // Unknown response fields are ignored by clients, except where a map's values change shape.
      const breaking = baseExtra.kind === 'schema' && headExtra.kind === 'open';
      ctx.out.add(
        widened ? 'additional-properties-widened' : 'additional-properties-narrowed',
        breaking ? 'breaking' : 'non-breaking',
        at,
        message,
        `Clients that read the entries of \`${field}\` as the old value schema can receive any value.`,
      );
    }
  }
  if (base.propertyNames !== undefined || head.propertyNames !== undefined) {
    diffSchema(ctx, base.propertyNames, head.propertyNames, `${path}{key}`);
  }
}

function variantKey(side: Side, variant: unknown, index: number): string {
  const { value, ref } = deref(side, variant);
  if (ref) return ref.split('/').pop() ?? ref;
  if (isObject(value) && typeof value.title === 'string') return value.title;
  return `#${index}`;
}

function compareVariants(ctx: SchemaContext, keyword: 'oneOf' | 'anyOf', base: Json, head: Json, path: string): void {
  if (!Array.isArray(base[keyword]) && !Array.isArray(head[keyword])) return;
  const baseVariants = new Map(
    (Array.isArray(base[keyword]) ? base[keyword] : []).map((v, i) => [variantKey(ctx.base, v, i), v]),
  );
  const headVariants = new Map(
    (Array.isArray(head[keyword]) ? head[keyword] : []).map((v, i) => [variantKey(ctx.head, v, i), v]),
  );
  const field = fieldName(path) || 'body';
  for (const [name, variant] of baseVariants) {
    if (headVariants.has(name)) {
      diffSchema(ctx, variant, headVariants.get(name), `${path}<${name}>`);
      continue;
    }
    ctx.out.add(
      'variant-removed',
      severityOf(ctx, 'narrowed'),
      where(ctx, path),
      `${keyword} variant \`${name}\` of \`${field}\` removed`,
      `Requests that send \`${field}\` in the \`${name}\` shape are rejected.`,
      name,
    );
  }
  for (const name of headVariants.keys()) {
    if (baseVariants.has(name)) continue;
    ctx.out.add(
      'variant-added',
      severityOf(ctx, 'widened'),
      where(ctx, path),
      `${keyword} variant \`${name}\` of \`${field}\` added`,
      `Clients that handle every known shape of \`${field}\` meet the new \`${name}\` shape.`,
      name,
    );
  }
}

function compareAllOf(ctx: SchemaContext, base: Json, head: Json, path: string): void {
  if (!Array.isArray(base.allOf) && !Array.isArray(head.allOf)) return;
  const baseParts = new Map(
    (Array.isArray(base.allOf) ? base.allOf : []).map((v, i) => [variantKey(ctx.base, v, i), v]),
  );
  const headParts = new Map(
    (Array.isArray(head.allOf) ? head.allOf : []).map((v, i) => [variantKey(ctx.head, v, i), v]),
  );
  for (const [name, part] of baseParts) {
    if (headParts.has(name)) diffSchema(ctx, part, headParts.get(name), path);
    else
      ctx.out.add(
        'all-of-removed',
        severityOf(ctx, 'widened'),
        where(ctx, path),
        `allOf member \`${name}\` removed`,
        'The schema no longer includes this member.',
        name,
      );
  }
  for (const name of headParts.keys()) {
    if (!baseParts.has(name))
      ctx.out.add(
        'all-of-added',
        severityOf(ctx, 'narrowed'),
        where(ctx, path),
        `allOf member \`${name}\` added`,
        'The schema now also has to satisfy this member.',
        name,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Operations

interface OperationView {
  method: string;
  path: string;
  operation: Json;
  pathItem: Json;
}

/** Operations keyed by method and path template with parameter names blanked (`PUT /a/{}`). */
function operationsOf(document: OpenApiDocument): Map<string, OperationView> {
  const result = new Map<string, OperationView>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const pathItem = deref({ document }, item).value as Json;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      result.set(`${method.toUpperCase()} ${path.replaceAll(/\{[^}]+\}/g, '{}')}`, {
        method,
        path,
        operation,
        pathItem,
      });
    }
  }
  return result;
}

interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  schema: unknown;
}

function parametersOf(side: Side, view: OperationView): Map<string, ParameterView> {
  const result = new Map<string, ParameterView>();
  const pathNames = [...view.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const all = [
    ...(Array.isArray(view.pathItem.parameters) ? view.pathItem.parameters : []),
    ...(Array.isArray(view.operation.parameters) ? view.operation.parameters : []),
  ];
  for (const node of all) {
    const parameter = deref(side, node).value as Json;
    const name = String(parameter.name);
    const location = String(parameter.in);
    // Path parameters are matched by position, so renaming one is not a removal.
    const key =
      location === 'path'
        ? `path#${pathNames.indexOf(name)}`
        : `${location}:${location === 'header' ? name.toLowerCase() : name}`;
    result.set(key, {
      name,
      in: location,
      required: parameter.required === true || location === 'path',
      schema: parameter.schema,
    });
  }
  return result;
}

function contentOf(side: Side, node: unknown): Json {
  const value = deref(side, node).value;
  return isObject(value) && isObject(value.content) ? value.content : {};
}

function mediaSchema(media: unknown): unknown {
  return isObject(media) ? media.schema : undefined;
}

/** Every change between `base` and `head`, one vendor's two bundles. `base` undefined: a new spec. */
export function diffSpecs(base: OpenApiDocument | undefined, head: OpenApiDocument): Change[] {
  const baseSide: Side = {
    document: base ?? ({ openapi: '3.1.0', info: { title: '', version: '' }, paths: {} } as OpenApiDocument),
  };
  const headSide: Side = { document: head };
  const baseOps = operationsOf(baseSide.document);
  const headOps = operationsOf(head);
  const changes: Change[] = [];

  for (const [key, baseView] of baseOps) {
    const headView = headOps.get(key);
    const label = `${(headView ?? baseView).method.toUpperCase()} ${(headView ?? baseView).path}`;
    const operationId = (headView ?? baseView).operation.operationId;
    const out = new Collector(label, typeof operationId === 'string' ? operationId : undefined);
    if (!headView) {
      out.add(
        'operation-removed',
        'breaking',
        'operation',
        `operation ${label} removed`,
        'Clients that call it get 404 or 405.',
      );
    } else {
      diffOperation(baseSide, headSide, baseView, headView, out);
    }
    changes.push(...out.changes);
  }
  for (const [key, headView] of headOps) {
    if (baseOps.has(key)) continue;
    const label = `${headView.method.toUpperCase()} ${headView.path}`;
    const operationId = headView.operation.operationId;
    const out = new Collector(label, typeof operationId === 'string' ? operationId : undefined);
    out.add('operation-added', 'non-breaking', 'operation', `operation ${label} added`);
    changes.push(...out.changes);
  }
  return changes;
}

function diffOperation(base: Side, head: Side, baseView: OperationView, headView: OperationView, out: Collector): void {
  const schemaContext = (direction: Direction, location: string): SchemaContext => ({
    base,
    head,
    direction,
    out,
    location,
    stack: new Set(),
  });

  // security
  const baseSecurity = show(baseView.operation.security ?? base.document.security ?? []);
  const headSecurity = show(headView.operation.security ?? head.document.security ?? []);
  if (baseSecurity !== headSecurity) {
    out.add(
      'security-changed',
      'breaking',
      'request security',
      `security requirements changed from ${baseSecurity} to ${headSecurity}`,
      'Clients that authenticate the old way can be rejected (401/403).',
    );
  }

  // parameters
  const baseParams = parametersOf(base, baseView);
  const headParams = parametersOf(head, headView);
  for (const [key, parameter] of baseParams) {
    const now = headParams.get(key);
    const at = `request ${parameter.in} parameter ${(now ?? parameter).name}`;
    if (!now) {
      const breaking = parameter.in === 'query' || parameter.in === 'cookie';
      out.add(
        'parameter-removed',
        breaking ? 'breaking' : 'non-breaking',
        at,
        `${parameter.in} parameter \`${parameter.name}\` removed`,
        `Requests that still send \`${parameter.name}\` are rejected by a validating server (unknown ${parameter.in} parameter).`,
      );
      continue;
    }
    if (!parameter.required && now.required) {
      out.add(
        'parameter-became-required',
        'breaking',
        at,
        `${now.in} parameter \`${now.name}\` became required`,
        `Requests without \`${now.name}\` are rejected (400).`,
      );
    } else if (parameter.required && !now.required) {
      out.add('parameter-became-optional', 'non-breaking', at, `${now.in} parameter \`${now.name}\` became optional`);
    }
    diffSchema(schemaContext('request', `request ${now.in} parameter`), parameter.schema, now.schema, now.name);
  }
  for (const [key, parameter] of headParams) {
    if (baseParams.has(key)) continue;
    const at = `request ${parameter.in} parameter ${parameter.name}`;
    if (parameter.required) {
      out.add(
        'required-parameter-added',
        'breaking',
        at,
        `required ${parameter.in} parameter \`${parameter.name}\` added`,
        `Requests without \`${parameter.name}\` are rejected (400).`,
      );
    } else {
      out.add('parameter-added', 'non-breaking', at, `optional ${parameter.in} parameter \`${parameter.name}\` added`);
    }
  }

  // request body
  const baseBody =
    baseView.operation.requestBody === undefined
      ? undefined
      : (deref(base, baseView.operation.requestBody).value as Json);
  const headBody =
    headView.operation.requestBody === undefined
      ? undefined
      : (deref(head, headView.operation.requestBody).value as Json);
  if (!baseBody && headBody) {
    const required = headBody.required === true;
    out.add(
      'request-body-added',
      required ? 'breaking' : 'non-breaking',
      'request body',
      `${required ? 'required' : 'optional'} request body added`,
      'Requests without a body are rejected (400).',
    );
  } else if (baseBody && !headBody) {
    out.add(
      'request-body-removed',
      'breaking',
      'request body',
      'request body removed',
      'Requests that send a body rely on a payload the operation no longer takes.',
    );
  } else if (baseBody && headBody) {
    if (baseBody.required !== true && headBody.required === true) {
      out.add(
        'request-body-became-required',
        'breaking',
        'request body',
        'request body became required',
        'Requests without a body are rejected (400).',
      );
    } else if (baseBody.required === true && headBody.required !== true) {
      out.add('request-body-became-optional', 'non-breaking', 'request body', 'request body became optional');
    }
    const baseContent = contentOf(base, baseBody);
    const headContent = contentOf(head, headBody);
    for (const [type, media] of Object.entries(baseContent)) {
      if (!(type in headContent)) {
        out.add(
          'request-media-type-removed',
          'breaking',
          `request ${type}`,
          `request media type ${type} removed`,
          `Requests sent as ${type} are rejected (415).`,
        );
        continue;
      }
      diffSchema(
        schemaContext('request', `request ${type}`),
        mediaSchema(media),
        mediaSchema(headContent[type]),
        'body',
      );
    }
    for (const type of Object.keys(headContent)) {
      if (!(type in baseContent))
        out.add('request-media-type-added', 'non-breaking', `request ${type}`, `request media type ${type} added`);
    }
  }

  // responses
  const baseResponses = isObject(baseView.operation.responses) ? baseView.operation.responses : {};
  const headResponses = isObject(headView.operation.responses) ? headView.operation.responses : {};
  for (const [status, responseNode] of Object.entries(baseResponses)) {
    if (!(status in headResponses)) {
      out.add(
        'response-status-removed',
        'breaking',
        `response ${status}`,
        `response ${status} removed`,
        /^2/.test(status)
          ? `Clients expecting ${status} on success get a different status.`
          : `Code (and typed clients' response unions) that handles ${status} no longer matches the contract.`,
      );
      continue;
    }
    const baseResponse = deref(base, responseNode).value as Json;
    const headResponse = deref(head, headResponses[status]).value as Json;
    const baseContent = contentOf(base, baseResponse);
    const headContent = contentOf(head, headResponse);
    for (const [type, media] of Object.entries(baseContent)) {
      if (!(type in headContent)) {
        out.add(
          'response-media-type-removed',
          'breaking',
          `response ${status} ${type}`,
          `response ${status} media type ${type} removed`,
          `Clients that parse ${status} as ${type} get something else.`,
        );
        continue;
      }
      diffSchema(
        schemaContext('response', `response ${status} ${type}`),
        mediaSchema(media),
        mediaSchema(headContent[type]),
        'body',
      );
    }
    for (const type of Object.keys(headContent)) {
      if (!(type in baseContent))
        out.add(
          'response-media-type-added',
          'non-breaking',
          `response ${status} ${type}`,
          `response ${status} media type ${type} added`,
        );
    }
    const baseHeaders = isObject(baseResponse.headers) ? baseResponse.headers : {};
    const headHeaders = isObject(headResponse.headers) ? headResponse.headers : {};
    const headByName = new Map(
      Object.entries(headHeaders).map(([name, header]) => [name.toLowerCase(), [name, header] as const]),
    );
    for (const [name, headerNode] of Object.entries(baseHeaders)) {
      const match = headByName.get(name.toLowerCase());
      const at = `response ${status} header ${name}`;
      if (!match) {
        out.add(
          'response-header-removed',
          'breaking',
          at,
          `response ${status} header ${name} removed`,
          `Clients that read ${name} get nothing.`,
        );
        continue;
      }
      const baseHeader = deref(base, headerNode).value as Json;
      const headHeader = deref(head, match[1]).value as Json;
      if (baseHeader.required === true && headHeader.required !== true) {
        out.add(
          'response-header-became-optional',
          'breaking',
          at,
          `response ${status} header ${name} became optional`,
          `Clients that rely on ${name} being present can get nothing.`,
        );
      }
      diffSchema(schemaContext('response', `response ${status} header`), baseHeader.schema, headHeader.schema, name);
    }
    const baseNames = new Set(Object.keys(baseHeaders).map((name) => name.toLowerCase()));
    for (const [lower, [name]] of headByName) {
      if (!baseNames.has(lower))
        out.add(
          'response-header-added',
          'non-breaking',
          `response ${status} header ${name}`,
          `response ${status} header ${name} added`,
        );
    }
  }
  for (const status of Object.keys(headResponses)) {
    if (!(status in baseResponses))
      out.add('response-status-added', 'non-breaking', `response ${status}`, `response ${status} added`);
  }
}
