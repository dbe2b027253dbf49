/** `/a/{id}/b` (OpenAPI) → `/a/:id/b` (Express). */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}
