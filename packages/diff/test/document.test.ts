/** Loading documents: versions, formats, external `$ref`s, and input errors that name the problem. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffInputError, diffDocuments, diffFiles, loadDocument } from '../src/index.ts';

const vendorDefinitions = fileURLToPath(new URL('../../../vendor-definitions/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envspec-diff-load-'));
  const spec = (schemaRef: string) =>
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { $ref: schemaRef } } } },
            },
          },
        },
      },
    });
  await writeFile(join(dir, 'base.json'), spec('models.yaml#/Thing'));
  await writeFile(
    join(dir, 'models.yaml'),
    'Thing:\n  type: object\n  required: [id]\n  properties:\n    id: {type: string}\n',
  );
  await writeFile(join(dir, 'head.json'), spec('models-v2.yaml#/Thing'));
  await writeFile(join(dir, 'models-v2.yaml'), 'Thing:\n  type: object\n  properties:\n    id: {type: string}\n');
  await writeFile(join(dir, 'dangling.json'), spec('#/components/schemas/Missing'));
  await writeFile(join(dir, 'swagger.yaml'), 'swagger: "2.0"\n');
  await writeFile(join(dir, 'list.yaml'), '- a\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loadDocument', () => {
  it('follows $refs into other files', async () => {
    const { changes } = await diffFiles('base.json', 'head.json', { cwd: dir });
    expect(changes).toMatchObject([
      {
        id: 'response-property-became-optional',
        location: 'response 200 application/json body.id',
        origin: { file: 'models-v2.yaml' },
      },
      // info.version stayed '1' although the document changed.
      { id: 'version-major-bump-missing', location: 'info.version' },
    ]);
  });

  it.each([
    ['a missing file', 'nope.yaml', 'cannot read nope.yaml: no such file'],
    ['Swagger 2.0', 'swagger.yaml', 'swagger.yaml is Swagger 2.0; only OpenAPI 3.0 and 3.1 are supported'],
    ['a YAML list', 'list.yaml', 'list.yaml is not an OpenAPI document (expected a mapping at the top level)'],
  ])('rejects %s with one clear line', async (_name, file, message) => {
    await expect(loadDocument(file, { cwd: dir })).rejects.toThrow(new DiffInputError(message));
  });

  it('names an unresolvable $ref', async () => {
    const document = await loadDocument('dangling.json', { cwd: dir });
    expect(() => diffDocuments(document, document)).toThrow(/unresolvable \$ref #\/components\/schemas\/Missing/);
  });

  it("reports nothing for each vendor's definition compared with itself", async () => {
    // The definitions, not the folder's README.
    for (const file of (await readdir(vendorDefinitions)).filter((name) => name.endsWith('.yaml'))) {
      const document = await loadDocument(join(vendorDefinitions, file));
      expect(diffDocuments(document, document), file).toEqual([]);
    }
  });
});
