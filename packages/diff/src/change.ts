/** What the engine reports: one change between the base and the head document. */

/** `breaking`: an existing client can fail. `warning`: it may, depending on the client. `info`: it cannot. */
export type Level = 'breaking' | 'warning' | 'info';

export const levels: readonly Level[] = ['breaking', 'warning', 'info'];

/** Which side of the wire writes the data a rule looks at: the client (`request`) or the API (`response`). */
export type Direction = 'request' | 'response';

/** Where a change is in a source file: for annotations that point at a line. */
export interface Origin {
  /** The document's name as given (a path, or `git-ref:path`), or the external file a `$ref` led to. */
  file: string;
  /** JSON pointer inside that file. */
  pointer: string;
}

export interface Change {
  /** The rule that reported it, for example `response-required-property-removed`. */
  id: string;
  level: Level;
  /** `METHOD /path` (`POST webhook:name` for webhooks); empty for document-wide changes. */
  operation: string;
  /** Where in the operation: `response 200 application/json body.volumes`. */
  location: string;
  /** What changed and what it means for a client, in one sentence. */
  message: string;
  /** Tells apart changes of one rule at one location (the enum value, the media type …). */
  detail?: string;
  /** The operationId, when the operation has one. */
  operationId?: string;
  /** Where the changed thing is written (the head's, or the base's for a removal). */
  origin?: Origin;
}

/** A change's stable identity: `<id>: <location>[ (<detail>)]`, what an acknowledgement names. */
export function changeKey(change: Pick<Change, 'id' | 'location' | 'detail'>): string {
  return `${change.id}: ${change.location}${change.detail ? ` (${change.detail})` : ''}`;
}

const rank: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

/** Most severe first, then in document order. */
export function compareLevels(a: Level, b: Level): number {
  return rank[a] - rank[b];
}

/** Whether `level` is at least as severe as `threshold`. */
export function atLeast(level: Level, threshold: Level): boolean {
  return rank[level] <= rank[threshold];
}
