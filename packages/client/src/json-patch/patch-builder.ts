import type { AppendPaths, PatchValue, PointerPaths, RemovablePaths, ValueAt } from './pointer.ts';

/** Which pointers each JSON Patch operation may use on a document. */
export interface PatchRules {
  /** The document type values are checked against. */
  document: unknown;
  /** Pointers `test` and `copy` may read. */
  read: string;
  /** Pointers `replace` may write (and `add`, with array appends). */
  write: string;
}

/** Read and write anywhere in `T`. */
export interface DefaultPatchRules<T> extends PatchRules {
  document: T;
  read: PointerPaths<T>;
  write: PointerPaths<T>;
}

/** Pointers `add` may target: the writable ones plus `/-` appends to writable arrays. */
export type AddPath<Rules extends PatchRules> = Rules['write'] | AppendPaths<Rules['document'], Rules['write']>;
/** Pointers `remove` (and a `move` source) may target: writable array elements, map entries and optional properties. */
export type RemovePath<Rules extends PatchRules> = RemovablePaths<Rules['document'], Rules['write']>;

/** `To` unless the value at `From` cannot be stored at `To`. */
type Compatible<Rules extends PatchRules, From extends string, To extends string> =
  ValueAt<Rules['document'], From> extends PatchValue<Rules['document'], To> ? unknown : never;

/** One JSON Patch operation as sent on the wire. */
export type JsonPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/**
 * An immutable JSON Patch (RFC 6902) builder whose pointers and values are checked against a
 * document type at compile time: `builder.replace('/name', 'Prod').test('/critical', true)`.
 * Each call returns a new builder; `JSON.stringify(builder)` gives the operations array.
 */
export class PatchBuilder<Rules extends PatchRules> {
  readonly operations: readonly JsonPatchOperation[];

  constructor(operations: readonly JsonPatchOperation[] = []) {
    this.operations = Object.freeze([...operations]);
  }

  private with(operation: JsonPatchOperation): PatchBuilder<Rules> {
    return new PatchBuilder<Rules>([...this.operations, operation]);
  }

  /** Insert into an array (`/tags/0`, `/tags/-` to append) or set a member. */
  add<Path extends AddPath<Rules>>(path: Path, value: PatchValue<Rules['document'], Path>): PatchBuilder<Rules> {
    return this.with({ op: 'add', path, value });
  }

  /** Remove an array element, a map entry or an optional property. */
  remove<Path extends RemovePath<Rules>>(path: Path): PatchBuilder<Rules> {
    return this.with({ op: 'remove', path });
  }

  /** Replace the value at an existing location. */
  replace<Path extends Rules['write']>(path: Path, value: PatchValue<Rules['document'], Path>): PatchBuilder<Rules> {
    return this.with({ op: 'replace', path, value });
  }

  /** Fail the whole patch unless the value at `path` equals `value` (optimistic locking). */
  test<Path extends Rules['read']>(path: Path, value: PatchValue<Rules['document'], Path>): PatchBuilder<Rules> {
    return this.with({ op: 'test', path, value });
  }

  /** Move the value at `from` (removing it there) to `path`. */
  move<From extends RemovePath<Rules>, Path extends AddPath<Rules>>(
    from: From,
    path: Path & Compatible<Rules, From, Path>,
  ): PatchBuilder<Rules> {
    return this.with({ op: 'move', from, path });
  }

  /** Copy the value at `from` to `path`. */
  copy<From extends Rules['read'], Path extends AddPath<Rules>>(
    from: From,
    path: Path & Compatible<Rules, From, Path>,
  ): PatchBuilder<Rules> {
    return this.with({ op: 'copy', from, path });
  }

  /** A fresh, mutable copy of the operations. */
  build(): JsonPatchOperation[] {
    return this.operations.map((operation) => ({ ...operation }));
  }

  toJSON(): JsonPatchOperation[] {
    return this.build();
  }
}

/** A JSON Patch builder checked against `T`, every location readable and writable. */
export function jsonPatch<T>(): PatchBuilder<DefaultPatchRules<T>> {
  return new PatchBuilder<DefaultPatchRules<T>>();
}
