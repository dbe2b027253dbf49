import { pointerSegments } from '@envspec/specs';

/**
 * The value at `pointer`, following own properties and array indices only, so looking something
 * up for a message can never reach a prototype.
 */
export function lookup(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  let node = document;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(segment) && Number(segment) < node.length)
      node = node[Number(segment)];
    else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, segment))
      node = (node as Record<string, unknown>)[segment];
    else return { found: false };
  }
  return { found: true, value: node };
}
