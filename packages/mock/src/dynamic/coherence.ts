/**
 * Makes a generated answer coherent before it leaves the mock: the vendor's invariants (the id in
 * the body is the path's, Fabro's ETag is the body's revision, …) applied to Prism's generated
 * success bodies. Examples are served untouched: they are coherent as written.
 */
import type { Vendor } from '@envspec/specs';
import { parsePrefer, type Preferences } from '../spec/prefer.ts';
import type { UpstreamReply } from '../http/prism-errors.ts';
import { vendorInvariants, type GeneratedAnswer, type Json, type VendorInvariants } from './vendor-invariants.ts';

export interface DynamicCoherence {
  /** Whether Prism generates the answer to a request with these preferences (rather than serving an example). */
  generates(preferences: Preferences): boolean;
  /**
   * The `Prefer` header to send Prism, when it differs from `prefer`: an error status picked while
   * generating is served from its documented example, whose envelope matches its status (a
   * generated one says `"status": "512"` on a 404).
   */
  upstreamPrefer(prefer: string | undefined): string | undefined;
  /** The reply with the vendor's invariants holding; unchanged unless it is a JSON success body. */
  apply(reply: UpstreamReply, request: { path: string; template: string }): UpstreamReply;
}

function decodePointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object holding the pointed-at field, and the field's name; undefined when the path is absent. */
function parentOf(body: { [key: string]: Json }, pointer: string): [{ [key: string]: Json }, string] | undefined {
  const segments = decodePointer(pointer);
  const last = segments.pop();
  let node: Json | undefined = body;
  for (const segment of segments) node = isRecord(node) ? node[segment] : undefined;
  return isRecord(node) && last !== undefined ? [node, last] : undefined;
}

const templateMatchers = new Map<string, { pattern: RegExp; names: string[] }>();

/** The decoded path parameters of `path` under `template` (`/environments/{id}` → `{ id }`). */
export function pathParameters(template: string, path: string): Record<string, string> {
  let matcher = templateMatchers.get(template);
  if (!matcher) {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1, -1));
        return '([^/]+)';
      })
      .join('');
    matcher = { pattern: new RegExp(`^${source}$`), names };
    templateMatchers.set(template, matcher);
  }
  const values = matcher.pattern.exec(path)?.slice(1) ?? [];
  return Object.fromEntries(matcher.names.map((name, index) => [name, decodeURIComponent(values[index] ?? '')]));
}

function keepTimeOrder(body: { [key: string]: Json }, [createdPointer, updatedPointer]: readonly [string, string]) {
  const created = parentOf(body, createdPointer);
  const updated = parentOf(body, updatedPointer);
  if (!created || !updated) return;
  const [createdAt, updatedAt] = [created[0][created[1]], updated[0][updated[1]]];
  if (typeof createdAt !== 'string' || typeof updatedAt !== 'string') return;
  if (Date.parse(createdAt) > Date.parse(updatedAt)) {
    created[0][created[1]] = updatedAt;
    updated[0][updated[1]] = createdAt;
  }
}

function makeCoherent(invariants: VendorInvariants, answer: GeneratedAnswer): void {
  for (const [parameter, pointer] of Object.entries(invariants.identity)) {
    const field = parentOf(answer.body, pointer);
    const value = answer.parameters[parameter];
    if (field && value !== undefined) field[0][field[1]] = value;
  }
  if (invariants.timestamps) keepTimeOrder(answer.body, invariants.timestamps);
  invariants.amend?.(answer);
}

/** Response headers by lower-case name, with the engine's spelling kept in `rawHeaders`. */
function withHeaders(reply: UpstreamReply, headers: Map<string, string>): UpstreamReply {
  const raw = [...(reply.rawHeaders ?? [])];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const value = headers.get(raw[index]!.toLowerCase());
    if (value !== undefined) raw[index + 1] = value;
  }
  return { ...reply, headers: { ...reply.headers, ...Object.fromEntries(headers) }, rawHeaders: raw };
}

/** The coherence rules of one vendor's mock; `dynamic` says whether it generates by default. */
export function dynamicCoherence(vendor: Vendor, { dynamic }: { dynamic: boolean }): DynamicCoherence {
  const invariants: VendorInvariants = vendorInvariants[vendor];
  // Prism prefers a named example over generating, and `Prefer: dynamic=…` over the mode.
  const generates = (preferences: Preferences) =>
    preferences.example === undefined && (preferences.dynamic === undefined ? dynamic : preferences.dynamic === 'true');
  return {
    generates,
    upstreamPrefer(prefer) {
      const preferences = parsePrefer(prefer);
      if (!generates(preferences) || preferences.code === undefined || Number(preferences.code) < 400) return undefined;
      const others = (prefer ?? '').split(/[,;]/).filter((token) => !/^\s*dynamic\s*=/i.test(token) && token.trim());
      return [...others.map((token) => token.trim()), 'dynamic=false'].join(', ');
    },
    apply(reply, { path, template }) {
      const contentType = String(reply.headers['content-type'] ?? '');
      if (reply.status < 200 || reply.status > 299 || !/^application\/(.+\+)?json/.test(contentType)) return reply;
      let body: Json;
      try {
        body = JSON.parse(reply.body.toString('utf8')) as Json;
      } catch {
        return reply;
      }
      if (!isRecord(body)) return reply;
      const headers = new Map<string, string>();
      for (const [name, value] of Object.entries(reply.headers))
        if (typeof value === 'string') headers.set(name.toLowerCase(), value);
      const answer: GeneratedAnswer = { body, headers, path, parameters: pathParameters(template, path) };
      makeCoherent(invariants, answer);
      return withHeaders({ ...reply, body: Buffer.from(JSON.stringify(answer.body)) }, answer.headers);
    },
  };
}
