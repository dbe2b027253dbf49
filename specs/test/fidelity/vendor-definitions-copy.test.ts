/**
 * The fidelity test reads the repository's copy of the vendors' definitions (`vendor-definitions/`),
 * so it runs in a clean clone. When `../shared/vendor-definitions/` exists, the copy must be the
 * shared original byte for byte; without it (a clean clone, CI), only the repository copy can be
 * checked — against the digests recorded here, so an edit to it still fails — and the suite's name
 * says which of the two ran.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { definitionFiles, vendorDefinitionsDir as repositoryCopyDir } from '../../src/vendor-definitions.ts';
import { definitionFileNames, hasSharedDefinitions, sharedDir } from './vendor-definitions.ts';

/** SHA-256 of each file as copied; update together with the copy. */
const recordedDigests = {
  'datadog.yaml': '1325b35a9eb5cb6a27c180d52c79aa01b8d23cc372e13c93f68f4084fe4b2741',
  'fabro-2026-05-29.yaml': 'c61579c028e823733930a3b4e0890b71d8d8589153520509256f50dab99c0c73',
  'fabro-2026-07-30.yaml': '8fce931bee32578bb081d1817fd040db7d8f44cbe0e69531379e58b66264f2a6',
  'launchdarkly.yaml': '7f4bf0e484ccbcad3a99d1f4ac32f10ea363695a0253e3c89bf20e79969b8fdd',
};

const copied = definitionFileNames(repositoryCopyDir);
const shared = hasSharedDefinitions();

describe(
  shared
    ? 'vendor-definitions/ against ../shared/vendor-definitions/'
    : 'vendor-definitions/ (no ../shared/vendor-definitions/ here: only the repository copy is checked)',
  () => {
    it('holds every definition the fidelity test reads', () => {
      expect(copied).toEqual(expect.arrayContaining(Object.values(definitionFiles)));
    });

    it.each(copied)('%s names its source and parses as an OpenAPI document', (name) => {
      const text = readFileSync(join(repositoryCopyDir, name), 'utf8');
      expect(text).toMatch(/^# Source: \S+\/\S+, \S+, commit [0-9a-f]{40}\b/m);
      expect(parse(text)).toMatchObject({ openapi: expect.stringMatching(/^3\.[01]\./), paths: expect.any(Object) });
    });

    it('is unedited: every file has the digest recorded when it was copied', () => {
      const digests = Object.fromEntries(
        copied.map((name) => [
          name,
          createHash('sha256')
            .update(readFileSync(join(repositoryCopyDir, name)))
            .digest('hex'),
        ]),
      );
      expect(digests).toEqual(recordedDigests);
    });

    if (shared) {
      it('is byte-identical to ../shared/vendor-definitions/', () => {
        expect(copied).toEqual(definitionFileNames(sharedDir));
        const differing = copied.filter(
          (name) => !readFileSync(join(repositoryCopyDir, name)).equals(readFileSync(join(sharedDir, name))),
        );
        expect(differing, 'copy the changed files from ../shared/vendor-definitions/ unchanged').toEqual([]);
      });
    }
  },
);
