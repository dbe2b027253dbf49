/**
 * What went on the wire, shown on the page: each request's method, path and If-Match, and the
 * answer's status and ETag. A fetch wrapper for the clients' `fetch` option, so the log is the
 * real request, not what the page meant to send.
 */
export function loggingFetch(log: HTMLOListElement): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await fetch(request);
    const entry = document.createElement('li');
    const ifMatch = request.headers.get('if-match');
    const etag = response.headers.get('etag');
    entry.textContent = [
      `${request.method} ${request.url}`,
      ifMatch ? `If-Match ${ifMatch}` : undefined,
      `→ ${response.status}`,
      etag ? `ETag ${etag}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    entry.dataset.method = request.method;
    if (ifMatch) entry.dataset.ifMatch = ifMatch;
    if (etag) entry.dataset.etag = etag;
    entry.dataset.status = String(response.status);
    log.append(entry);
    return response;
  };
}
