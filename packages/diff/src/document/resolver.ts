/**
 * `$ref` resolution over a loaded document: local (`#/components/…`) and external
 * (`common.yaml#/…`) references, followed lazily while walking. Every node remembers the file and
 * JSON pointer it was read from, so a change can point at its source line and a recursive schema
 * is recognised by where it lives.
 */
import { DiffInputError } from '../errors.ts';
import type { LoadedDocument } from './load.ts';

export interface Node {
  value: unknown;
  file: string;
  pointer: string;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const escapeSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapeSegment = (segment: string) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');

export function childNode(node: Node, ...keys: Array<string | number>): Node {
  let current = node;
  for (const key of keys) {
    const container = current.value;
    const value = Array.isArray(container)
      ? container[Number(key)]
      : isObject(container)
        ? container[String(key)]
        : undefined;
    current = { value, file: current.file, pointer: `${current.pointer}/${escapeSegment(String(key))}` };
  }
  return current;
}

export class Resolver {
  constructor(readonly document: LoadedDocument) {}

  root(): Node {
    return { value: this.document.root, file: this.document.name, pointer: '' };
  }

  /** The value at `pointer` in `file`. */
  at(file: string, pointer: string): Node {
    const loaded = this.document.files.get(file);
    if (!loaded) throw new DiffInputError(`${this.document.name}: no file ${file}`);
    let value: unknown = loaded.value;
    for (const segment of pointer.split('/').slice(1)) {
      const key = unescapeSegment(segment);
      value = Array.isArray(value) ? value[Number(key)] : isObject(value) ? value[key] : undefined;
      if (value === undefined) break;
    }
    return { value, file, pointer };
  }

  /** Follows `$ref`s until a node that is not one. */
  resolve(node: Node): Node {
    let current = node;
    for (let hops = 0; isObject(current.value) && typeof current.value.$ref === 'string'; hops += 1) {
      const reference = current.value.$ref;
      if (hops > 64) throw new DiffInputError(`${current.file}: $ref loop at ${reference}`);
      const [filePart = '', fragment = ''] = reference.split('#');
      const file = filePart ? this.document.files.get(current.file)?.references.get(filePart) : current.file;
      if (!file) throw new DiffInputError(`${current.file}: cannot resolve $ref ${reference}`);
      const target = this.at(file, fragment);
      if (target.value === undefined) {
        throw new DiffInputError(
          `${current.file}${current.pointer ? ` ${current.pointer}` : ''}: unresolvable $ref ${reference}`,
        );
      }
      current = target;
    }
    return current;
  }

  /** `resolve`, then the value as an object (`{}` when it is not one). */
  object(node: Node): { node: Node; value: Json } {
    const resolved = this.resolve(node);
    return { node: resolved, value: isObject(resolved.value) ? resolved.value : {} };
  }
}
