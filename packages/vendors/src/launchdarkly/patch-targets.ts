import type { LaunchDarklyPatchOperation } from '@envspec/types/launchdarkly';
import { pointerSegments } from '@envspec/specs';

/** Fields LaunchDarkly computes or issues; the spec's PATCH description names them as unpatchable. */
export const readOnlyFields: ReadonlySet<string> = new Set(['_id', 'key', 'apiKey', 'mobileKey', '_links', '_access']);

/** The only approval settings a patch may change (the spec's PATCH description, "Approval settings"). */
export const editableApprovalFields: readonly string[] = [
  'canReviewOwnRequest',
  'canApplyDeclinedChanges',
  'minNumApprovals',
  'required',
  'requiredApprovalTags',
];

const editable = new Set(editableApprovalFields);
const editableList = editableApprovalFields.join(', ');

/**
 * Decides, before anything is applied, which locations each operation may touch. Writes are
 * limited to the Environment schema's own fields minus the read-only ones (so `__proto__`,
 * `constructor` and invented fields are refused by name, whatever the patch library does) and,
 * inside approval settings, to the five editable fields. Reads (a `test` path, a `copy` source)
 * may look at any documented field, read-only ones included.
 */
export class PatchTargets {
  private readonly fields: ReadonlySet<string>;

  constructor(environmentFields: Iterable<string>) {
    this.fields = new Set(environmentFields);
  }

  /** Every reason the patch touches a location it may not, each naming the operation's index. */
  problems(operations: readonly LaunchDarklyPatchOperation[]): string[] {
    return operations.flatMap((operation, index) => {
      const at = (member: 'path' | 'from', problem: string | undefined) =>
        problem ? [`/${index}/${member}: ${problem}`] : [];
      switch (operation.op) {
        case 'test':
          return at('path', this.readProblem(operation.path));
        case 'copy':
          return [
            ...at('from', operation.from === undefined ? undefined : this.readProblem(operation.from)),
            ...at('path', this.writeProblem(operation.path)),
          ];
        case 'move': {
          const from = operation.from;
          // A move removes its source, so the source must be writable too.
          const source = from === undefined ? undefined : this.writeProblem(from, 'be moved away');
          const intoItself =
            from !== undefined && operation.path.startsWith(`${from}/`)
              ? `'${from}' cannot be moved into its own child '${operation.path}'`
              : undefined;
          return [...at('from', source), ...at('path', intoItself ?? this.writeProblem(operation.path))];
        }
        default:
          return at('path', this.writeProblem(operation.path));
      }
    });
  }

  private readProblem(pointer: string): string | undefined {
    const [field] = pointerSegments(pointer);
    if (field === undefined || this.fields.has(field)) return undefined;
    return `'${pointer}' is not a field of the environment`;
  }

  private writeProblem(pointer: string, verb = 'be patched'): string | undefined {
    const [field, ...rest] = pointerSegments(pointer);
    if (field === undefined) return `the whole environment cannot ${verb} (patch its fields one by one)`;
    if (!this.fields.has(field)) return `'${pointer}' is not a field of the environment`;
    if (readOnlyFields.has(field)) return `'${pointer}' is read-only and cannot ${verb}`;
    if (field === 'approvalSettings') return approvalProblem(pointer, rest, verb);
    if (field === 'resourceApprovalSettings') {
      // Each resource kind holds its own approval settings, editable like `approvalSettings`; kinds themselves are not added or removed by a patch.
      if (rest.length < 2)
        return `'${pointer}' cannot ${verb} (only ${editableList} of a resource kind's approval settings are editable)`;
      return approvalProblem(pointer, rest.slice(1), verb);
    }
    return undefined;
  }
}

function approvalProblem(pointer: string, rest: string[], verb: string): string | undefined {
  const [setting, ...below] = rest;
  const editableHere =
    setting !== undefined && editable.has(setting) && (below.length === 0 || setting === 'requiredApprovalTags');
  return editableHere
    ? undefined
    : `'${pointer}' cannot ${verb} (only the approval settings ${editableList} are editable)`;
}
