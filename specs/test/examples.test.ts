/**
 * Every named example in every spec must validate against the schema it illustrates, with a real
 * JSON Schema 2020-12 validator (Ajv). Redocly's lint checks some of this too; this test is the
 * authority because Prism serves these examples and the reference server is seeded from them.
 */
import { describe, expect, it } from 'vitest';
import {
  createSchemaValidator,
  formatIssues,
  listOperations,
  loadBundle,
  locate,
  pointer,
  vendors,
  type ExampleObject,
  type HeaderObject,
  type MediaTypeObject,
  type OpenApiDocument,
  type ResponseObject,
} from '../src/index.ts';

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

function mediaExamples(document: OpenApiDocument, where: string, at: string[], media: MediaTypeObject): ExampleCase[] {
  return Object.entries(media.examples ?? {}).map(([name, example]) => ({
    where: `${where} example '${name}'`,
    schemaPointer: pointer(...at, 'schema'),
    value: locate<ExampleObject>(document, example, []).value.value,
  }));
}

function collectExamples(document: OpenApiDocument): ExampleCase[] {
  return listOperations(document).flatMap(({ path, method, operation, parameters }) => {
    const op = `${operation.operationId} (${method.toUpperCase()} ${path})`;
    const cases: ExampleCase[] = parameters.map(({ value, at }) => ({
      where: `${op} parameter ${value.name}`,
      schemaPointer: pointer(...at, 'schema'),
      value: value.example,
    }));
    if (operation.requestBody) {
      const body = locate(document, operation.requestBody, ['paths', path, method, 'requestBody']);
      for (const [type, media] of Object.entries(body.value.content)) {
        cases.push(...mediaExamples(document, `${op} request ${type}`, [...body.at, 'content', type], media));
      }
    }
    for (const [status, responseOrRef] of Object.entries(operation.responses)) {
      const response = locate<ResponseObject>(document, responseOrRef, ['paths', path, method, 'responses', status]);
      for (const [type, media] of Object.entries(response.value.content ?? {})) {
        cases.push(...mediaExamples(document, `${op} ${status} ${type}`, [...response.at, 'content', type], media));
      }
      for (const [name, headerOrRef] of Object.entries(response.value.headers ?? {})) {
        const header = locate<HeaderObject>(document, headerOrRef, [...response.at, 'headers', name]);
        cases.push({
          where: `${op} ${status} header ${name}`,
          schemaPointer: pointer(...header.at, 'schema'),
          value: header.value.example,
        });
      }
    }
    return cases;
  });
}

describe.each(vendors)('%s spec examples', (vendor) => {
  const document = loadBundle(vendor);
  const validator = createSchemaValidator(document);
  const cases = collectExamples(document);

  it('has named examples for every request body and response', () => {
    for (const { path, method, operation } of listOperations(document)) {
      const media = [
        ...(operation.requestBody ? Object.values(locate(document, operation.requestBody, []).value.content) : []),
        ...Object.values(operation.responses).flatMap((r) =>
          Object.values(locate<ResponseObject>(document, r, []).value.content ?? {}),
        ),
      ];
      for (const entry of media) expect(Object.keys(entry.examples ?? {}), `${method} ${path}`).not.toHaveLength(0);
    }
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s is valid', (_where, example) => {
    // Prism answers a header or parameter without an example with the literal "string".
    expect(example.value, 'needs an example').not.toBeUndefined();
    expect(formatIssues(validator.validate(example.schemaPointer, example.value), 'example')).toBe('');
  });

  it('examples carry no placeholder values', () => {
    expect(JSON.stringify(document.components?.examples ?? {})).not.toMatch(/<string>|"string"/);
  });
});
