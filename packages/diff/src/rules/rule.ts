/**
 * The rule table's entry: a named rule with its level, the place in a document it looks at, what it
 * means for a client, where we deliberately classify differently from oasdiff and why, and the
 * cases that pin it (each case is a base/head pair that must, or must not, report the rule).
 */
import type { Direction, Level } from '../change.ts';
import type {
  DocumentPair,
  MediaTypePair,
  OperationPair,
  ParameterPair,
  RequestBodyPair,
  ResponseHeaderPair,
  ResponsePair,
  SchemaPair,
} from '../walk/pairs.ts';

export interface Finding {
  message: string;
  /** Where, when not the pair's own location (a property of the object compared, for example). */
  location?: string;
  /** Tells apart several findings of one rule at one location (the enum value, the scope …). */
  detail?: string;
  /** Report at the base's node (a removal) instead of the head's. */
  atBase?: boolean;
  /** A pointer below the pair's node, for annotations (`/properties/name`). */
  pointer?: string;
}

export type Emit = (finding: Finding) => void;

export interface RuleCase {
  name: string;
  base: unknown;
  head: unknown;
  /** Default true: the rule must report on this pair; false: it must not (a false alarm it avoids). */
  reports?: boolean;
}

/** Where we classify differently from oasdiff on purpose: its level for the same change, and why. */
export interface OasdiffDifference {
  level: Level;
  /** oasdiff's rule ids for the change. */
  ids: string[];
  why: string;
}

export interface Pairs {
  document: DocumentPair;
  operation: OperationPair;
  parameter: ParameterPair;
  'request-body': RequestBodyPair;
  'media-type': MediaTypePair;
  response: ResponsePair;
  'response-header': ResponseHeaderPair;
  schema: SchemaPair;
}

export type RuleLocation = keyof Pairs;

export interface Rule<L extends RuleLocation = RuleLocation> {
  id: string;
  level: Level;
  location: L;
  /** Which side writes the data: rules on schemas and media types run for one direction only. */
  direction?: Direction;
  /** What the change is and what it does to a client. */
  description: string;
  oasdiff?: OasdiffDifference;
  cases: RuleCase[];
  check(pair: Pairs[L], emit: Emit): void;
}

export type AnyRule = { [L in RuleLocation]: Rule<L> }[RuleLocation];

/** Declares a rule; the generic keeps `check`'s pair typed by the location. */
export function rule<L extends RuleLocation>(definition: Rule<L>): Rule<L> {
  return definition;
}
