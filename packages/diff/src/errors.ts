/** A problem with what the user gave (a missing file, a document that is not OpenAPI): one line, no stack trace. */
export class DiffInputError extends Error {
  override name = 'DiffInputError';
}
