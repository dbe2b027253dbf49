/**
 * A browser shows the page only "blocked by CORS policy" and hides the mock's answer, so the mock
 * says on its own log — once per origin — which origin it refused and the flag that allows it.
 */
const maxRemembered = 256;

/** A reporter for one mock: `allowed` is its origin list (`false` or `[]`: CORS is off). */
export function refusedOriginReporter(
  log: (line: string) => void,
  allowed: readonly string[] | false,
): (origin: string) => void {
  const told = new Set<string>();
  const now = allowed === false || allowed.length === 0 ? 'CORS is off' : `allowed: ${allowed.join(' ')}`;
  return (origin) => {
    if (told.has(origin) || told.size >= maxRemembered) return;
    told.add(origin);
    const shown = origin.length > 200 ? `${origin.slice(0, 200)}…` : origin;
    // An opaque origin ("null": a file:// page, a sandboxed frame) has no pattern of its own.
    const flag = origin === 'null' ? `--cors-origin '*'` : `--cors-origin ${shown}`;
    log(
      `mock: CORS: refused a browser request from origin ${shown} (${now}); start the mock with ${flag} to allow it (repeat the flag for more origins: it replaces the defaults), or set cors.origins in startMocks()`,
    );
  };
}
