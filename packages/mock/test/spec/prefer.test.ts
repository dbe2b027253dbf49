import { describe, expect, it } from 'vitest';
import { bundleOf } from '@envspec/specs';
import { checkPreferences, parsePrefer, preferredStatus } from '../../src/spec/prefer.ts';
import { indexSpec } from '../../src/spec/spec-index.ts';

const replace = indexSpec(bundleOf('fabro')).match('/api/v1/environments/ci-runner')!.operations.get('PUT')!;

describe('parsePrefer', () => {
  it.each<[string | undefined, object]>([
    [undefined, {}],
    ['code=404', { code: '404' }],
    ['code=404, example=notFound', { code: '404', example: 'notFound' }],
    ['return=minimal; code=200', { code: '200' }],
    ['dynamic=true', { dynamic: 'true' }],
    ['Code="409", EXAMPLE=staleRevision', { code: '409', example: 'staleRevision' }],
  ])('%s', (header, want) => expect(parsePrefer(header)).toEqual(want));
});

describe('preferredStatus', () => {
  it.each<[string, object, string | undefined]>([
    ['the code asked for', { code: '409' }, '409'],
    ['the first success status for an example alone', { example: 'replaced' }, '200'],
    ['the first success status when no code is given', { dynamic: 'true' }, '200'],
  ])('is %s', (_name, preferences, want) => expect(preferredStatus(preferences, replace)).toBe(want));
});

describe('checkPreferences (Fabro PUT)', () => {
  it.each<[string, object, RegExp | undefined]>([
    ['a documented status', { code: '409' }, undefined],
    ['a documented status and one of its examples', { code: '409', example: 'staleRevision' }, undefined],
    [
      'an undocumented status',
      { code: '418' },
      /code=418 is not a documented response of PUT \/api\/v1\/environments\/\{id\}; documented: 200, 400/,
    ],
    ['an example of another status', { code: '404', example: 'staleRevision' }, /not an example of the 404 response/],
    ['a dynamic flag that is not a boolean', { dynamic: 'yes' }, /dynamic=yes must be true or false/],
  ])('%s', (_name, preferences, want) => {
    const refused = checkPreferences(preferences, replace);
    if (want === undefined) expect(refused).toBeUndefined();
    else {
      expect(refused?.status).toBe(400);
      expect(refused?.code).toBe('invalid_prefer');
      expect(refused?.message).toMatch(want);
    }
  });
});
