/** RFC 6901 segments of a JSON Pointer: `/a~1b/c` → `['a/b', 'c']`; `''` (the whole document) → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  // `~1` before `~0`, as RFC 6901 §4 requires, so `~01` decodes to `~1` and not `/`.
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

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
