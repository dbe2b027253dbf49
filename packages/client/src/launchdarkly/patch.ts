import type { LaunchDarklyApprovalSettings, LaunchDarklyEnvironment } from '@envspec/types/launchdarkly';
import { PatchBuilder, type PatchRules } from '../json-patch/patch-builder.ts';
import type { PointerPaths } from '../json-patch/pointer.ts';

/** Fields LaunchDarkly computes or issues; the PATCH description says they cannot be patched. */
export type LaunchDarklyReadOnlyField = '_id' | 'key' | 'apiKey' | 'mobileKey' | '_links' | '_access';

/** The approval settings a patch may change (the PATCH description's "Approval settings"). */
export type LaunchDarklyEditableApprovalSettings = Pick<
  LaunchDarklyApprovalSettings,
  'canReviewOwnRequest' | 'canApplyDeclinedChanges' | 'minNumApprovals' | 'required' | 'requiredApprovalTags'
>;

type EditableApprovalPaths = PointerPaths<LaunchDarklyEditableApprovalSettings>;

/**
 * Where a LaunchDarkly environment patch may read and write: `test` and `copy` read any field;
 * writes skip the read-only fields and, inside approval settings (also per resource kind), reach
 * only the editable settings, never the settings object itself.
 */
export interface LaunchDarklyPatchRules extends PatchRules {
  document: LaunchDarklyEnvironment;
  read: PointerPaths<LaunchDarklyEnvironment>;
  write:
    | PointerPaths<
        Omit<LaunchDarklyEnvironment, LaunchDarklyReadOnlyField | 'approvalSettings' | 'resourceApprovalSettings'>
      >
    | `/approvalSettings${EditableApprovalPaths}`
    | `/resourceApprovalSettings/${string}${EditableApprovalPaths}`;
}

/** A JSON Patch for a LaunchDarkly environment. */
export type LaunchDarklyPatch = PatchBuilder<LaunchDarklyPatchRules>;

/**
 * Starts a JSON Patch for a LaunchDarkly environment, checked at compile time:
 * `patch().replace('/name', 'Prod').add('/tags/0', 'ops').test('/critical', true)`.
 */
export function patch(): LaunchDarklyPatch {
  return new PatchBuilder<LaunchDarklyPatchRules>();
}
