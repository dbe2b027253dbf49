import { describe, expectTypeOf, test } from 'vitest';
import { jsonPatch } from '../../src/json-patch/patch-builder.ts';
import type { PatchValue, PointerPaths } from '../../src/json-patch/pointer.ts';
import { patch, type LaunchDarklyEnvironment } from '../../src/launchdarkly/index.ts';

describe('LaunchDarkly patch builder', () => {
  test('the issue’s example compiles', () => {
    patch().replace('/name', 'Prod').add('/tags/0', 'ops').test('/critical', true);
  });

  test('valid operations compile', () => {
    patch()
      .add('/tags/-', 'last')
      .remove('/tags/0')
      .replace('/tags', ['a', 'b'])
      .replace('/defaultTtl', 10)
      .test('/key', 'production')
      .test('/_links/self/href', '/api/v2/projects/default/environments/production')
      .replace('/approvalSettings/required', false)
      .add('/approvalSettings/requiredApprovalTags/-', 'critical')
      .remove('/approvalSettings/requiredApprovalTags/0')
      .replace('/resourceApprovalSettings/segment/minNumApprovals', 2)
      .remove('/resourceApprovalSettings/segment/requiredApprovalTags/0')
      .copy('/key', '/tags/-')
      .move('/tags/2', '/tags/0');
  });

  test('wrong paths fail to compile', () => {
    // @ts-expect-error `/nme` is not a field
    patch().replace('/nme', 'Prod');
    // @ts-expect-error pointers start with '/'
    patch().replace('name', 'Prod');
    // @ts-expect-error `/key` is read-only
    patch().replace('/key', 'staging');
    // @ts-expect-error `/apiKey` is read-only
    patch().add('/apiKey', 'sdk-x');
    // @ts-expect-error `/_links/self` is read-only
    patch().remove('/_links/self');
    // @ts-expect-error only the editable approval settings can be written
    patch().replace('/approvalSettings/serviceKind', 'servicenow');
    // @ts-expect-error not the approval settings object as a whole
    patch().replace('/approvalSettings', {} as LaunchDarklyEnvironment['approvalSettings'] & {});
    // @ts-expect-error not a resource kind's approval settings as a whole
    patch().remove('/resourceApprovalSettings/segment');
    // @ts-expect-error `/name` is required: it cannot be removed
    patch().remove('/name');
    // @ts-expect-error `-` (append) only works with add
    patch().replace('/tags/-', 'x');
    // @ts-expect-error `/critical` is not an array
    patch().add('/critical/-', true);
    // @ts-expect-error a move source must be removable
    patch().move('/name', '/tags/0');
  });

  test('wrong value types fail to compile', () => {
    // @ts-expect-error name is a string
    patch().replace('/name', 1);
    // @ts-expect-error tags hold strings
    patch().add('/tags/0', 1);
    // @ts-expect-error critical is a boolean
    patch().test('/critical', 'true');
    // @ts-expect-error tags is an array of strings
    patch().replace('/tags', 'ops');
    // @ts-expect-error minNumApprovals is a number
    patch().replace('/approvalSettings/minNumApprovals', '2');
    // @ts-expect-error JSON has no undefined
    patch().replace('/name', undefined);
    // @ts-expect-error a boolean cannot be copied into a list of strings
    patch().copy('/critical', '/tags/-');
  });
});

describe('JSON Pointer types', () => {
  type Doc = { a: { b: number[]; c?: string }; m: Record<string, { x: boolean }> };

  test('paths and values', () => {
    expectTypeOf<PointerPaths<Doc>>().toEqualTypeOf<
      '/a' | '/a/b' | `/a/b/${number}` | '/a/c' | '/m' | `/m/${string}` | `/m/${string}/x`
    >();
    expectTypeOf<PatchValue<Doc, '/a/b/3'>>().toEqualTypeOf<number>();
    expectTypeOf<PatchValue<Doc, '/a/c'>>().toEqualTypeOf<string>();
    expectTypeOf<PatchValue<Doc, '/m/key/x'>>().toEqualTypeOf<boolean>();
  });

  test('the generic builder removes only what may be missing', () => {
    jsonPatch<Doc>().remove('/a/c').remove('/a/b/0').remove('/m/key');
    // @ts-expect-error `/a/b` is required
    jsonPatch<Doc>().remove('/a/b');
  });
});
