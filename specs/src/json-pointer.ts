/** RFC 6901 segments of a JSON Pointer: `/a~1b/c` → `['a/b', 'c']`; `''` (the whole document) → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  // `~1` before `~0`, as RFC 6901 §4 requires, so `~01` decodes to `~1` and not `/`.
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** One segment escaped for a JSON Pointer: `a/b` → `a~1b`. */
export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
