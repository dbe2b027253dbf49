/** The exit policy: `--fail-on breaking` (the default) or `--fail-on warning`. */
import { atLeast, type Change, type Level } from './change.ts';

export type FailOn = Extract<Level, 'breaking' | 'warning'>;

export const failOnLevels: readonly FailOn[] = ['breaking', 'warning'];

/** 1 when some change is at least as severe as `failOn`, else 0. (2 is for input errors.) */
export function exitCodeFor(changes: readonly Change[], failOn: FailOn = 'breaking'): 0 | 1 {
  return changes.some((change) => atLeast(change.level, failOn)) ? 1 : 0;
}
