/**
 * Type helpers over openapi-typescript's `operations` entries, so error statuses and bodies are
 * read from the generated types instead of being declared again.
 */

/** A response status the operation documents as a failure (anything outside 2xx). */
export type ErrorStatusOf<Operation> = Operation extends { responses: infer Responses }
  ? { [S in keyof Responses]: S extends number ? (`${S}` extends `2${string}` ? never : S) : never }[keyof Responses]
  : never;

/**
 * Exactly the documented error statuses of an operation, as an object literal: a missing status
 * and an undocumented one both fail to compile, so the runtime list cannot drift from the spec.
 */
export type ErrorStatusSet<Operation> = { readonly [S in ErrorStatusOf<Operation>]: true };

/** The error-status sets of every operation of a vendor. */
export type ErrorStatusTable<Operations> = { readonly [Id in keyof Operations]: ErrorStatusSet<Operations[Id]> };

/** Whether `status` is one `table` documents for `operation`. */
export function isDocumentedStatus<Operations>(
  table: ErrorStatusTable<Operations>,
  operation: keyof Operations,
  status: number,
): boolean {
  return Object.hasOwn(table[operation], status);
}
