/**
 * The walk: pairs every location of the base document with the same location of the head —
 * operations (paths and webhooks), parameters, request bodies, responses, headers, media types and,
 * recursively, schemas — and hands each pair to the rules for that location. It knows nothing
 * about what is breaking; the rules do.
 */
import type { Change, Direction } from '../change.ts';
import type { LoadedDocument } from '../document/load.ts';
import { childNode, isObject, type Json, type Node, Resolver } from '../document/resolver.ts';
import { viewSchema } from '../document/schema.ts';
import type { AnyRule, Emit, Finding, Pairs, Rule, RuleLocation } from '../rules/rule.ts';
import type {
  DocumentPair,
  HeaderView,
  OperationPair,
  OperationView,
  ParameterView,
  SchemaContext,
  SchemaPair,
  Side,
} from './pairs.ts';
import { propertiesOf } from './properties.ts';
import { valueListOf, variantsOf } from './variants.ts';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const flip = (direction: Direction): Direction => (direction === 'request' ? 'response' : 'request');

export function isJsonMediaType(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === '*/*' || type === 'application/*';
}

function operationsOf(side: Side): Map<string, OperationView> {
  const result = new Map<string, OperationView>();
  const root = side.resolver.root();
  for (const [group, webhook] of [
    ['paths', false],
    ['webhooks', true],
  ] as const) {
    const container = childNode(root, group);
    if (!isObject(container.value)) continue;
    for (const path of Object.keys(container.value)) {
      const pathItem = side.resolver.object(childNode(container, path));
      for (const method of methods) {
        const node = childNode(pathItem.node, method);
        if (!isObject(node.value)) continue;
        // Parameter names do not matter to a client: `/a/{id}` and `/a/{key}` are one operation.
        const key = webhook ? `${method} webhook:${path}` : `${method} ${path.replaceAll(/\{[^}]+\}/g, '{}')}`;
        result.set(key, {
          method,
          path,
          label: webhook ? `${method.toUpperCase()} webhook:${path}` : `${method.toUpperCase()} ${path}`,
          webhook,
          node,
          value: node.value,
          pathItem,
        });
      }
    }
  }
  return result;
}

function parametersOf(side: Side, view: OperationView): Map<string, ParameterView> {
  const result = new Map<string, ParameterView>();
  const template = [...view.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const lists = [childNode(view.pathItem.node, 'parameters'), childNode(view.node, 'parameters')];
  for (const list of lists) {
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((_, index) => {
      const { node, value } = side.resolver.object(childNode(list, index));
      const name = String(value.name ?? '');
      const location = String(value.in ?? '');
      // A path parameter the template does not name cannot be sent: it is not part of the operation.
      if (location === 'path' && !view.webhook && !template.includes(name)) return;
      const key =
        location === 'path' && !view.webhook
          ? `path#${template.indexOf(name)}`
          : `${location}:${location === 'header' ? name.toLowerCase() : name}`;
      let schema: Node | undefined = value.schema === undefined ? undefined : childNode(node, 'schema');
      if (!schema && isObject(value.content)) {
        const [mediaType] = Object.keys(value.content);
        if (mediaType) schema = childNode(node, 'content', mediaType, 'schema');
      }
      result.set(key, {
        name,
        in: location,
        required: value.required === true || (location === 'path' && !view.webhook),
        node,
        value,
        ...(schema ? { schema } : {}),
      });
    });
  }
  return result;
}

function union<T>(base: Map<string, T>, head: Map<string, T>): string[] {
  return [...new Set([...base.keys(), ...head.keys()])];
}

function entriesOf(resolver: Resolver, node: Node): Map<string, { node: Node; value: Json }> {
  const result = new Map<string, { node: Node; value: Json }>();
  if (!isObject(node.value)) return result;
  for (const key of Object.keys(node.value)) result.set(key, resolver.object(childNode(node, key)));
  return result;
}

type RuleIndex = { [L in RuleLocation]: Array<Rule<L>> };

export class Walk {
  private readonly index: RuleIndex = {
    document: [],
    operation: [],
    parameter: [],
    'request-body': [],
    'media-type': [],
    response: [],
    'response-header': [],
    schema: [],
  };
  readonly changes: Change[] = [];
  private readonly base: Side;
  private readonly head: Side;

  constructor(baseDocument: LoadedDocument, headDocument: LoadedDocument, rules: readonly AnyRule[]) {
    for (const entry of rules) (this.index[entry.location] as AnyRule[]).push(entry);
    this.base = { document: baseDocument, resolver: new Resolver(baseDocument) };
    this.head = { document: headDocument, resolver: new Resolver(headDocument) };
  }

  run(): Change[] {
    const baseOperations = operationsOf(this.base);
    const headOperations = operationsOf(this.head);
    const document: DocumentPair = {
      base: this.base,
      head: this.head,
      baseOperations,
      headOperations,
      changes: this.changes,
    };
    for (const key of union(baseOperations, headOperations)) {
      const pair: OperationPair = { document };
      const baseView = baseOperations.get(key);
      const headView = headOperations.get(key);
      if (baseView) pair.base = baseView;
      if (headView) pair.head = headView;
      const where = headView ?? baseView!;
      this.apply('operation', pair, {
        operation: where,
        location: 'operation',
        base: baseView?.node,
        head: headView?.node,
      });
      if (baseView && headView) this.walkOperation(pair, baseView, headView);
    }
    this.apply('document', document, {
      location: 'document',
      base: this.base.resolver.root(),
      head: this.head.resolver.root(),
    });
    return this.changes;
  }

  private apply<L extends RuleLocation>(
    location: L,
    pair: Pairs[L],
    where: {
      operation?: OperationView;
      location: string;
      base?: Node | undefined;
      head?: Node | undefined;
      direction?: Direction;
    },
  ): void {
    for (const entry of this.index[location]) {
      if (entry.direction && where.direction && entry.direction !== where.direction) continue;
      entry.check(pair, this.emitter(entry as AnyRule, where));
    }
  }

  private emitter(
    entry: AnyRule,
    where: { operation?: OperationView; location: string; base?: Node | undefined; head?: Node | undefined },
  ): Emit {
    return (finding: Finding) => {
      const node = finding.atBase ? (where.base ?? where.head) : (where.head ?? where.base);
      const operationId = where.operation?.value.operationId;
      const change: Change = {
        id: entry.id,
        level: entry.level,
        operation: where.operation?.label ?? '',
        location: finding.location ?? where.location,
        message: finding.message,
      };
      if (finding.detail) change.detail = finding.detail;
      if (typeof operationId === 'string') change.operationId = operationId;
      if (node) change.origin = { file: node.file, pointer: `${node.pointer}${finding.pointer ?? ''}` };
      this.changes.push(change);
    };
  }

  private walkOperation(pair: OperationPair, base: OperationView, head: OperationView): void {
    // A webhook's request is sent by the API and read by the subscriber: its directions are reversed.
    const requestDirection: Direction = head.webhook ? 'response' : 'request';
    const responseDirection = flip(requestDirection);

    const baseParameters = parametersOf(this.base, base);
    const headParameters = parametersOf(this.head, head);
    for (const key of union(baseParameters, headParameters)) {
      const baseParameter = baseParameters.get(key);
      const headParameter = headParameters.get(key);
      const shown = headParameter ?? baseParameter!;
      const location = `request ${shown.in} parameter ${shown.name}`;
      this.apply(
        'parameter',
        {
          direction: requestDirection,
          base: baseParameter,
          head: headParameter,
          operation: pair,
        } as Pairs['parameter'],
        {
          operation: head,
          location,
          base: baseParameter?.node,
          head: headParameter?.node,
          direction: requestDirection,
        },
      );
      if (baseParameter?.schema && headParameter?.schema) {
        const context: SchemaContext = {
          direction: requestDirection,
          prefix: `request ${shown.in} parameter`,
          stronglyTyped: false,
          parameter: true,
          operation: pair,
        };
        this.walkSchema(context, baseParameter.schema, headParameter.schema, shown.name, true, new Set());
      }
    }

    const baseBodyNode = childNode(base.node, 'requestBody');
    const headBodyNode = childNode(head.node, 'requestBody');
    const baseBody = baseBodyNode.value === undefined ? undefined : this.base.resolver.object(baseBodyNode);
    const headBody = headBodyNode.value === undefined ? undefined : this.head.resolver.object(headBodyNode);
    this.apply(
      'request-body',
      {
        direction: requestDirection,
        operation: pair,
        ...(baseBody ? { base: { ...baseBody, required: baseBody.value.required === true } } : {}),
        ...(headBody ? { head: { ...headBody, required: headBody.value.required === true } } : {}),
      },
      {
        operation: head,
        location: 'request body',
        base: baseBody?.node,
        head: headBody?.node,
        direction: requestDirection,
      },
    );
    if (baseBody && headBody) {
      this.walkContent(pair, requestDirection, 'request', undefined, baseBody.node, headBody.node);
    }

    const baseResponses = entriesOf(this.base.resolver, childNode(base.node, 'responses'));
    const headResponses = entriesOf(this.head.resolver, childNode(head.node, 'responses'));
    for (const status of union(baseResponses, headResponses)) {
      const baseResponse = baseResponses.get(status);
      const headResponse = headResponses.get(status);
      this.apply(
        'response',
        {
          direction: responseDirection,
          status,
          operation: pair,
          ...(baseResponse ? { base: baseResponse } : {}),
          ...(headResponse ? { head: headResponse } : {}),
        },
        {
          operation: head,
          location: `response ${status}`,
          base: baseResponse?.node,
          head: headResponse?.node,
          direction: responseDirection,
        },
      );
      if (!baseResponse || !headResponse) continue;
      this.walkContent(pair, responseDirection, `response ${status}`, status, baseResponse.node, headResponse.node);
      this.walkHeaders(pair, responseDirection, status, baseResponse.node, headResponse.node, head);
    }
  }

  private walkContent(
    pair: OperationPair,
    direction: Direction,
    prefix: string,
    status: string | undefined,
    baseNode: Node,
    headNode: Node,
  ): void {
    const baseTypes = entriesOf(this.base.resolver, childNode(baseNode, 'content'));
    const headTypes = entriesOf(this.head.resolver, childNode(headNode, 'content'));
    for (const mediaType of union(baseTypes, headTypes)) {
      const baseMedia = baseTypes.get(mediaType);
      const headMedia = headTypes.get(mediaType);
      const view = (media: { node: Node; value: Json } | undefined) =>
        media && { ...media, ...(media.value.schema === undefined ? {} : { schema: childNode(media.node, 'schema') }) };
      const baseView = view(baseMedia);
      const headView = view(headMedia);
      this.apply(
        'media-type',
        {
          direction,
          mediaType,
          ...(status ? { status } : {}),
          ...(baseView ? { base: baseView } : {}),
          ...(headView ? { head: headView } : {}),
          baseTypes: [...baseTypes.keys()],
          headTypes: [...headTypes.keys()],
          operation: pair,
        },
        {
          operation: pair.head ?? pair.base,
          location: `${prefix} ${mediaType}`,
          base: baseMedia?.node,
          head: headMedia?.node,
          direction,
        },
      );
      if (baseView?.schema && headView?.schema) {
        const context: SchemaContext = {
          direction,
          prefix: `${prefix} ${mediaType}`,
          stronglyTyped: isJsonMediaType(mediaType),
          parameter: false,
          operation: pair,
        };
        this.walkSchema(context, baseView.schema, headView.schema, 'body', true, new Set());
      }
    }
  }

  private walkHeaders(
    pair: OperationPair,
    direction: Direction,
    status: string,
    baseNode: Node,
    headNode: Node,
    operation: OperationView,
  ): void {
    const byName = (side: Side, node: Node) => {
      const result = new Map<string, HeaderView & { name: string }>();
      for (const [name, header] of entriesOf(side.resolver, childNode(node, 'headers'))) {
        // Content-Type is described by the media types, not as a header (OpenAPI ignores it there).
        if (name.toLowerCase() === 'content-type') continue;
        let schema: Node | undefined = header.value.schema === undefined ? undefined : childNode(header.node, 'schema');
        if (!schema && isObject(header.value.content)) {
          const [mediaType] = Object.keys(header.value.content);
          if (mediaType) schema = childNode(header.node, 'content', mediaType, 'schema');
        }
        result.set(name.toLowerCase(), {
          ...header,
          name,
          required: header.value.required === true,
          ...(schema ? { schema } : {}),
        });
      }
      return result;
    };
    const baseHeaders = byName(this.base, baseNode);
    const headHeaders = byName(this.head, headNode);
    for (const key of union(baseHeaders, headHeaders)) {
      const baseHeader = baseHeaders.get(key);
      const headHeader = headHeaders.get(key);
      const name = (headHeader ?? baseHeader)!.name;
      this.apply(
        'response-header',
        {
          direction,
          status,
          name,
          operation: pair,
          ...(baseHeader ? { base: baseHeader } : {}),
          ...(headHeader ? { head: headHeader } : {}),
        },
        {
          operation,
          location: `response ${status} header ${name}`,
          base: baseHeader?.node,
          head: headHeader?.node,
          direction,
        },
      );
      if (baseHeader?.schema && headHeader?.schema) {
        const context: SchemaContext = {
          direction,
          prefix: `response ${status} header`,
          stronglyTyped: false,
          parameter: true,
          operation: pair,
        };
        this.walkSchema(context, baseHeader.schema, headHeader.schema, name, true, new Set());
      }
    }
  }

  /** Compares two schemas at `path`, then the subschemas both have. */
  walkSchema(
    context: SchemaContext,
    baseNode: Node,
    headNode: Node,
    path: string,
    top: boolean,
    stack: Set<string>,
    member = false,
  ): void {
    const base = viewSchema(this.base.resolver, baseNode, this.base.document.version);
    const head = viewSchema(this.head.resolver, headNode, this.head.document.version);
    const key = `${base.id}|${head.id}`;
    if (stack.has(key) || stack.size > 64) return;
    stack.add(key);
    const pair: SchemaPair = { base, head, path, context, top, member };
    const operation = context.operation.head ?? context.operation.base;
    this.apply('schema', pair, {
      ...(operation ? { operation } : {}),
      location: `${context.prefix} ${path}`,
      base: base.node,
      head: head.node,
      direction: context.direction,
    });
    const recurse = (baseChild: Node, headChild: Node, childPath: string) =>
      this.walkSchema(context, baseChild, headChild, childPath, false, stack);

    // Properties (with those of allOf members) are compared once, by the object that has them.
    const baseProperties = member ? new Map() : propertiesOf(this.base, base, context.direction);
    const headProperties = member ? new Map() : propertiesOf(this.head, head, context.direction);
    for (const [name, property] of baseProperties) {
      const other = headProperties.get(name);
      if (!other || property.hidden || other.hidden) continue;
      recurse(property.node, other.node, `${path}.${name}`);
    }
    const both = (keyword: string) => base.keywords[keyword] !== undefined && head.keywords[keyword] !== undefined;
    if (both('items') && isObject(base.keywords.items) && isObject(head.keywords.items)) {
      recurse(base.child('items'), head.child('items'), `${path}[]`);
    } else if (both('items') && base.keywords.items !== false && head.keywords.items !== false) {
      recurse(base.child('items'), head.child('items'), `${path}[]`);
    }
    if (Array.isArray(base.keywords.prefixItems) && Array.isArray(head.keywords.prefixItems)) {
      const count = Math.min(base.keywords.prefixItems.length, head.keywords.prefixItems.length);
      for (let index = 0; index < count; index += 1) {
        recurse(base.child('prefixItems', index), head.child('prefixItems', index), `${path}[${index}]`);
      }
    }
    if (isObject(base.keywords.additionalProperties) && isObject(head.keywords.additionalProperties)) {
      recurse(base.child('additionalProperties'), head.child('additionalProperties'), `${path}.*`);
    }
    for (const keyword of ['patternProperties', 'dependentSchemas'] as const) {
      const baseMap = base.keywords[keyword];
      const headMap = head.keywords[keyword];
      if (!isObject(baseMap) || !isObject(headMap)) continue;
      for (const name of Object.keys(baseMap)) {
        if (!(name in headMap)) continue;
        const shown = keyword === 'patternProperties' ? `${path}{${name}}` : `${path}<if ${name}>`;
        recurse(base.child(keyword, name), head.child(keyword, name), shown);
      }
    }
    for (const keyword of [
      'contains',
      'propertyNames',
      'if',
      'then',
      'else',
      'contentSchema',
      'unevaluatedItems',
      'unevaluatedProperties',
    ] as const) {
      if (isObject(base.keywords[keyword]) && isObject(head.keywords[keyword])) {
        recurse(base.child(keyword), head.child(keyword), `${path}<${keyword}>`);
      }
    }
    const baseValues = valueListOf(this.base.resolver, base.node);
    const headValues = valueListOf(this.head.resolver, head.node);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      // A oneOf of constants is an enum written long-hand: the value rules compare it.
      if (baseValues || headValues) break;
      const baseVariants = variantsOf(this.base.resolver, base.node, keyword);
      const headVariants = variantsOf(this.head.resolver, head.node, keyword);
      if (baseVariants.length === 0 && headVariants.length > 0 && keyword === 'oneOf') {
        // Wrapped in oneOf: compare the old schema with the variant that is the old schema.
        const same = headVariants.find(
          (variant) =>
            viewSchema(this.head.resolver, variant.node, this.head.document.version).id.endsWith(
              `#${base.node.pointer}`,
            ) || sameShape(this.base.resolver, base.node, this.head.resolver, variant.node),
        );
        if (same) recurse(base.node, same.node, `${path}<${same.key}>`);
        continue;
      }
      for (const variant of baseVariants) {
        const match = headVariants.find((other) => other.key === variant.key);
        if (match) recurse(variant.node, match.node, `${path}<${variant.key}>`);
      }
    }
    const baseMembers = variantsOf(this.base.resolver, base.node, 'allOf');
    const headMembers = variantsOf(this.head.resolver, head.node, 'allOf');
    for (const baseMember of baseMembers) {
      const match = headMembers.find((other) => other.key === baseMember.key);
      if (match) this.walkSchema(context, baseMember.node, match.node, path, false, stack, true);
    }
    stack.delete(key);
  }
}

/** Deep equality of two schemas after `$ref`s, ignoring annotations. */
export function sameShape(
  baseResolver: Resolver,
  baseNode: Node,
  headResolver: Resolver,
  headNode: Node,
  depth = 0,
): boolean {
  if (depth > 16) return true;
  const a = baseResolver.resolve(baseNode).value;
  const b = headResolver.resolve(headNode).value;
  if (!isObject(a) || !isObject(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      return (
        a.length === b.length &&
        a.every((_, index) =>
          sameShape(baseResolver, childNode(baseNode, index), headResolver, childNode(headNode, index), depth + 1),
        )
      );
    }
    return JSON.stringify(a) === JSON.stringify(b);
  }
  const annotation = (key: string) =>
    ['description', 'title', 'example', 'examples', 'deprecated', '$comment'].includes(key) || key.startsWith('x-');
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !annotation(key)));
  for (const key of keys) {
    if (!(key in a) || !(key in b)) return false;
    if (
      !sameShape(
        baseResolver,
        childNode(baseResolver.resolve(baseNode), key),
        headResolver,
        childNode(headResolver.resolve(headNode), key),
        depth + 1,
      )
    )
      return false;
  }
  return true;
}

export function diffWith(base: LoadedDocument, head: LoadedDocument, rules: readonly AnyRule[]): Change[] {
  return new Walk(base, head, rules).run();
}

export type { Emit };
