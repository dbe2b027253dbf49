export {
  jsonPatch,
  PatchBuilder,
  type AddPath,
  type DefaultPatchRules,
  type JsonPatchOperation,
  type PatchRules,
  type RemovePath,
} from './patch-builder.ts';
export type { AppendPaths, PatchValue, PointerPaths, RemovablePaths, ValueAt } from './pointer.ts';
