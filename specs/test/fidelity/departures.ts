/**
 * Walks our schema and the vendor's side by side, by instance location, and lists every place where
 * ours lets a client down: in a request we are stricter (we reject what the vendor accepts); in a
 * response we are looser (we may answer what the vendor never would). A difference that is neither
 * is recorded as `different` and counts on both sides. Separately it lists every property the vendor
 * requires that we do not.
 */
import { isDeepStrictEqual } from 'node:util';
import type { OpenApiDocument } from '../../src/index.ts';
import { isJsonObject, type Json, type JsonObject } from '../../src/json.ts';
import {
  alternatives,
  child,
  nonNullTypes,
  renderPath,
  schemaPointer,
  type Governing,
  type SchemaNode,
  type Segment,
} from './schema-nodes.ts';

/** Which way our schema differs from the vendor's at one place. */
export type Direction = 'stricter' | 'looser' | 'different';

export interface SchemaDifference {
  path: string;
  keyword: string;
  direction: Direction;
  detail: string;
}

export interface Comparison {
  differences: SchemaDifference[];
  /** Properties the vendor requires and we do not, as `<path>: <name>`. */
  missingRequired: string[];
}

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const exactKeywords = ['pattern', 'format', 'multipleOf', 'not', 'propertyNames'] as const;

function show(value: Json | undefined): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/** Whether every value `inner` allows, `outer` allows (undefined = unrestricted). */
function typesWithin(inner: string[] | undefined, outer: string[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((type) => outer.includes(type) || (type === 'integer' && outer.includes('number')));
}

function valuesWithin(inner: Json[] | undefined, outer: Json[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((value) => outer.some((other) => isDeepStrictEqual(value, other)));
}

function enumOf(schema: JsonObject): Json[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function requiredOf(schema: JsonObject): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : [];
}

class Walk {
  readonly differences: SchemaDifference[] = [];
  readonly missingRequired: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly ours: OpenApiDocument,
    private readonly theirs: OpenApiDocument,
  ) {}

  private note(path: Segment[], keyword: string, direction: Direction, detail: string): void {
    this.differences.push({ path: renderPath(path), keyword, direction, detail });
  }

  /** Compares what governs the same value in both documents. */
  compare(ours: Governing, theirs: Governing, path: Segment[]): void {
    if (ours === 'none' || theirs === 'none') {
      if (ours !== theirs) {
        this.note(
          path,
          'additionalProperties',
          ours === 'none' ? 'stricter' : 'looser',
          `ours ${ours === 'none' ? 'rejects' : 'accepts'} a property the vendor ${ours === 'none' ? 'accepts' : 'rejects'}`,
        );
      }
      return;
    }
    const key = `${ours === 'any' ? 'any' : schemaPointer(ours)} ${theirs === 'any' ? 'any' : schemaPointer(theirs)} ${renderPath(path)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const mine =
      ours === 'any' ? { branches: [{ schema: {}, at: [] }], nullable: true } : alternatives(this.ours, ours);
    const vendor =
      theirs === 'any' ? { branches: [{ schema: {}, at: [] }], nullable: true } : alternatives(this.theirs, theirs);
    if (mine.nullable !== vendor.nullable) {
      this.note(
        path,
        'type',
        mine.nullable ? 'looser' : 'stricter',
        `null is ${mine.nullable ? 'allowed' : 'rejected'} by ours, ${vendor.nullable ? 'allowed' : 'rejected'} by the vendor`,
      );
    }
    const [myBranch, vendorBranch] = [mine.branches, vendor.branches];
    if (myBranch.length === 0 || vendorBranch.length === 0) return;
    if (myBranch.length > 1 || vendorBranch.length > 1) {
      throw new Error(
        `${renderPath(path) || '(root)'}: cannot pair ${myBranch.length} of our alternatives with ${vendorBranch.length} of the vendor's`,
      );
    }
    this.compareSchemas(myBranch[0] as SchemaNode, vendorBranch[0] as SchemaNode, path);
  }

  private compareSchemas(ours: SchemaNode, theirs: SchemaNode, path: Segment[]): void {
    if (typeof ours.schema === 'boolean' || typeof theirs.schema === 'boolean') {
      if (ours.schema !== theirs.schema)
        this.note(
          path,
          'schema',
          ours.schema === false ? 'stricter' : 'looser',
          `${show(ours.schema)} vs ${show(theirs.schema)}`,
        );
      return;
    }
    const mine = ours.schema;
    const vendor = theirs.schema;
    const [myTypes, vendorTypes] = [nonNullTypes(mine), nonNullTypes(vendor)];
    this.bounded(
      path,
      'type',
      typesWithin(myTypes, vendorTypes),
      typesWithin(vendorTypes, myTypes),
      `${show(myTypes)} vs ${show(vendorTypes)}`,
    );
    const [myEnum, vendorEnum] = [enumOf(mine), enumOf(vendor)];
    this.bounded(
      path,
      'enum',
      valuesWithin(myEnum, vendorEnum),
      valuesWithin(vendorEnum, myEnum),
      `${show(myEnum)} vs ${show(vendorEnum)}`,
    );
    for (const keyword of lowerBounds) this.bound(path, keyword, mine[keyword], vendor[keyword], 1);
    for (const keyword of upperBounds) this.bound(path, keyword, mine[keyword], vendor[keyword], -1);
    for (const keyword of exactKeywords) {
      const [a, b] = [mine[keyword], vendor[keyword]];
      if (isDeepStrictEqual(a, b)) continue;
      this.note(
        path,
        keyword,
        a === undefined ? 'looser' : b === undefined ? 'stricter' : 'different',
        `${show(a)} vs ${show(b)}`,
      );
    }
    if ((mine.uniqueItems === true) !== (vendor.uniqueItems === true)) {
      this.note(
        path,
        'uniqueItems',
        mine.uniqueItems === true ? 'stricter' : 'looser',
        `${show(mine.uniqueItems)} vs ${show(vendor.uniqueItems)}`,
      );
    }
    const [myRequired, vendorRequired] = [requiredOf(mine), requiredOf(vendor)];
    const extra = myRequired.filter((name) => !vendorRequired.includes(name));
    if (extra.length > 0) this.note(path, 'required', 'stricter', `ours also requires ${extra.join(', ')}`);
    for (const name of vendorRequired.filter((required) => !myRequired.includes(required))) {
      this.missingRequired.push(`${renderPath(path) || '(root)'}: ${name}`);
    }
    const [myClosed, vendorClosed] = [mine.additionalProperties === false, vendor.additionalProperties === false];
    if (myClosed !== vendorClosed) {
      this.note(
        path,
        'additionalProperties',
        myClosed ? 'stricter' : 'looser',
        `${myClosed ? 'ours' : 'the vendor'} rejects undeclared properties`,
      );
    }
    const names = new Set([
      ...Object.keys(isJsonObject(mine.properties) ? mine.properties : {}),
      ...Object.keys(isJsonObject(vendor.properties) ? vendor.properties : {}),
    ]);
    for (const name of names) {
      const step: Segment = { property: name };
      this.compareOpen(child(ours, step), child(theirs, step), [...path, step]);
    }
    if (mine.additionalProperties !== undefined || vendor.additionalProperties !== undefined) {
      if (isJsonObject(mine.additionalProperties) || isJsonObject(vendor.additionalProperties)) {
        this.compareOpen(child(ours, 'value'), child(theirs, 'value'), [...path, 'value']);
      }
    }
    if (mine.items !== undefined || vendor.items !== undefined)
      this.compareOpen(child(ours, 'item'), child(theirs, 'item'), [...path, 'item']);
  }

  /** A step where one side may have nothing to say: `none` there was already noted as `additionalProperties`. */
  private compareOpen(ours: Governing, theirs: Governing, path: Segment[]): void {
    if (ours === 'none' && theirs === 'none') return;
    if ((ours === 'none') !== (theirs === 'none')) {
      this.note(
        path,
        'property',
        ours === 'none' ? 'stricter' : 'looser',
        ours === 'none' ? 'the vendor declares it, ours rejects it' : 'ours declares it, the vendor rejects it',
      );
      return;
    }
    this.compare(ours, theirs, path);
  }

  /** `narrower`/`wider`: whether ours allows only what the vendor's allows, and the other way round. */
  private bounded(path: Segment[], keyword: string, narrower: boolean, wider: boolean, detail: string): void {
    if (narrower && wider) return;
    this.note(path, keyword, narrower ? 'stricter' : wider ? 'looser' : 'different', detail);
  }

  private bound(
    path: Segment[],
    keyword: string,
    mine: Json | undefined,
    vendor: Json | undefined,
    sign: 1 | -1,
  ): void {
    if (isDeepStrictEqual(mine, vendor)) return;
    const [a, b] = [typeof mine === 'number' ? mine : undefined, typeof vendor === 'number' ? vendor : undefined];
    const stricter = a !== undefined && (b === undefined || (a - b) * sign > 0);
    this.note(path, keyword, stricter ? 'stricter' : 'looser', `${show(mine)} vs ${show(vendor)}`);
  }
}

/** Compares our schema with the vendor's for the same request body, response, parameter or header. */
export function compareSchemas(
  ours: OpenApiDocument,
  oursRoot: SchemaNode,
  theirs: OpenApiDocument,
  theirsRoot: SchemaNode,
): Comparison {
  const walk = new Walk(ours, theirs);
  walk.compare(oursRoot, theirsRoot, []);
  return { differences: walk.differences, missingRequired: walk.missingRequired };
}
