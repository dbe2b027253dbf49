import jsonpatch, { type Operation } from 'fast-json-patch';
import { pointerSegments } from '@envspec/specs';
import type { LaunchDarklyPatchOperation } from '@envspec/types/launchdarkly';
import { ApiError } from '../errors/api-error.ts';
import { lookup } from '../json/json-pointer.ts';

const nothingApplied = 'no operation was applied';

/**
 * Applies an RFC 6902 patch all or nothing: every operation runs on a private copy, and the first
 * failure throws before the caller has anything to store. A failing `test` is LaunchDarkly's
 * optimistic lock (409); any other failure is a bad request (400). Messages name the operation's
 * index, as a pointer into the request body (`/2/path`).
 *
 * Operations go through fast-json-patch's `applyOperation` one at a time (what `applyPatch` does
 * internally) with validation on, in-place mutation of the copy and prototype modifications banned,
 * because `applyPatch` reports most validation failures at index 0 whatever operation failed.
 */
export function applyJsonPatch<T>(document: T, operations: readonly LaunchDarklyPatchOperation[]): T {
  // Copies of the operations too: fast-json-patch inserts an operation's value by reference, so a
  // later operation could mutate it, and a retry on fresher state must start from the original.
  const pending = structuredClone(operations) as Operation[];
  let working = structuredClone(document);
  pending.forEach((operation, index) => {
    const problem = arrayIndexProblem(working, operation);
    if (problem) throw new ApiError(400, `/${index}/${problem}; ${nothingApplied}`);
    try {
      working = jsonpatch.applyOperation(working, operation, true, true, true, index).newDocument;
    } catch (error) {
      throw describeFailure(error, operation, index, working);
    }
  });
  return working;
}

/**
 * What fast-json-patch lets through but RFC 6902 forbids: array indices with leading zeros (`01`),
 * and `move`/`copy` inserting past an array's end (fast-json-patch checks bounds for `add` only,
 * and a `move` shortens the array before it inserts).
 */
function arrayIndexProblem(document: unknown, operation: Operation): string | undefined {
  const pointers: Array<['path' | 'from', string]> = [['path', operation.path]];
  if ('from' in operation && typeof operation.from === 'string') pointers.push(['from', operation.from]);
  for (const [member, pointer] of pointers) {
    const segments = pointerSegments(pointer);
    const inserts = member === 'path' && (operation.op === 'add' || operation.op === 'move' || operation.op === 'copy');
    let node: unknown = document;
    for (const [depth, segment] of segments.entries()) {
      const last = depth === segments.length - 1;
      if (Array.isArray(node)) {
        if (segment === '-' && last && inserts) break;
        if (!/^(0|[1-9][0-9]*)$/.test(segment))
          return `${member}: '${segment}' in '${pointer}' is not an array index (use 0, 1, … or '-' to append)`;
        if (last && inserts) {
          const parent = pointer.slice(0, pointer.lastIndexOf('/'));
          const movesWithin =
            operation.op === 'move' &&
            typeof operation.from === 'string' &&
            operation.from.slice(0, operation.from.lastIndexOf('/')) === parent;
          const length = node.length - (movesWithin ? 1 : 0);
          if (Number(segment) > length)
            return `${member}: index ${segment} in '${pointer}' is past the end of the array (length ${length}); use '-' to append`;
          break;
        }
        node = node[Number(segment)];
      } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) {
        node = (node as Record<string, unknown>)[segment];
      } else {
        break; // A missing location is fast-json-patch's to report.
      }
    }
  }
  return undefined;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function describeFailure(error: unknown, operation: Operation, index: number, seen: unknown): ApiError {
  const name = error instanceof jsonpatch.JsonPatchError ? error.name : undefined;
  const { op, path } = operation;
  if (op === 'test' && (name === 'TEST_OPERATION_FAILED' || name === 'OPERATION_PATH_UNRESOLVABLE')) {
    // `seen` is the copy as this test saw it, after the operations before it.
    const actual = lookup(seen, path);
    const is = actual.found ? `is ${show(actual.value)}` : 'does not exist';
    return new ApiError(
      409,
      `test operation at index ${index} failed: ${path || 'the environment'} ${is}, not ${show(operation.value)}; ${nothingApplied}`,
    );
  }
  const from = 'from' in operation ? operation.from : undefined;
  const reasons: Record<string, string> = {
    OPERATION_PATH_UNRESOLVABLE:
      op === 'add' ? `path: cannot add at '${path}': its parent does not exist` : `path: '${path}' does not exist`,
    OPERATION_PATH_CANNOT_ADD: `path: cannot add at '${path}': its parent does not exist`,
    OPERATION_FROM_UNRESOLVABLE: `from: '${String(from)}' does not exist`,
    OPERATION_PATH_ILLEGAL_ARRAY_INDEX: `path: '${path}' does not name an array element (use 0, 1, … or '-' to append)`,
    OPERATION_VALUE_OUT_OF_BOUNDS: `path: '${path}' is past the end of the array; use '-' to append`,
    OPERATION_VALUE_REQUIRED: `value: a ${op} operation needs a value`,
    OPERATION_FROM_REQUIRED: `from: a ${op} operation needs a from`,
  };
  let reason = (name && reasons[name]) ?? `path: the ${op} operation at '${path}' cannot be applied`;
  // fast-json-patch throws a plain TypeError when a pointer walks through `__proto__` or `constructor/prototype`.
  if (!name && error instanceof TypeError && /banned/.test(error.message))
    reason = `path: '__proto__' and 'constructor/prototype' cannot be patched`;
  return new ApiError(400, `/${index}/${reason}; ${nothingApplied}`);
}
