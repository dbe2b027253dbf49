import { describe, expect, it } from 'vitest';
import type { Credential } from '../../src/credentials/credential.ts';
import { findCredential } from '../../src/credentials/find-credential.ts';

const credentials: Credential[] = [
  { id: 'first', secret: 'secret_alpha', access: 'write' },
  { id: 'second', secret: 'secret_beta', access: 'read' },
  { id: 'duplicate', secret: 'secret_alpha', access: 'read' },
];

describe('findCredential', () => {
  it.each([
    ['the exact secret', 'secret_alpha', 'first'],
    ['another exact secret', 'secret_beta', 'second'],
    ['a prefix', 'secret_alph', undefined],
    ['a longer secret', 'secret_alpha_', undefined],
    ['another case', 'SECRET_ALPHA', undefined],
    ['surrounding space', ' secret_alpha', undefined],
    ['empty', '', undefined],
    ['absent', undefined, undefined],
    ['10k characters', 'x'.repeat(10_000), undefined],
  ])('%s → %s', (_name, presented, id) => {
    expect(findCredential(credentials, presented)?.id).toBe(id);
  });
});
