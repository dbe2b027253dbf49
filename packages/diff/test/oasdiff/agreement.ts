/** Our verdict on each agreement fixture against oasdiff's level for the rule it models. */
import { type Change, compareLevels, diffDocuments, documentFrom, findRule, type Level } from '../../src/index.ts';
import { type AgreementCase, agreementCases, notModelled } from './cases.ts';

export interface Verdict {
  case: AgreementCase;
  /** The most severe level we report (versioning aside, which judges the other changes); undefined: nothing. */
  ours: Level | undefined;
  /** The rule that decided it. */
  rule: string | undefined;
  changes: Change[];
  /** Whether we and oasdiff agree on breaking vs not breaking. */
  agrees: boolean;
  /** Whether the disagreement is one a rule declares, with its reason. */
  declared: boolean;
}

export function verdictOf(entry: AgreementCase): Verdict {
  const versioning = entry.oasdiff.startsWith('api-') && entry.oasdiff.includes('version');
  const changes = diffDocuments(documentFrom(entry.base, 'base.yaml'), documentFrom(entry.head, 'head.yaml'));
  const counted = changes.filter((change) => versioning === change.id.startsWith('version-'));
  const decisive = [...counted].sort((a, b) => compareLevels(a.level, b.level))[0];
  const ours = decisive?.level;
  const agrees = (ours === 'breaking') === (entry.level === 'breaking');
  // Declared when a rule that reported at our level says it differs from oasdiff on this rule, and why.
  const declared =
    !agrees &&
    counted.some((change) => change.level === ours && findRule(change.id)?.oasdiff?.ids.includes(entry.oasdiff));
  return {
    case: entry,
    ours,
    rule: decisive?.id,
    changes,
    agrees,
    declared,
  };
}

export interface Agreement {
  verdicts: Verdict[];
  breaking: { agreed: number; total: number };
  nonBreaking: { agreed: number; total: number };
  /** Same level exactly (nothing reported counts as info). */
  exact: { agreed: number; total: number };
  notModelled: string[];
}

export function measureAgreement(): Agreement {
  const verdicts = agreementCases.map(verdictOf);
  const breaking = verdicts.filter((verdict) => verdict.case.level === 'breaking');
  const nonBreaking = verdicts.filter((verdict) => verdict.case.level !== 'breaking');
  return {
    verdicts,
    breaking: { agreed: breaking.filter((verdict) => verdict.agrees).length, total: breaking.length },
    nonBreaking: { agreed: nonBreaking.filter((verdict) => verdict.agrees).length, total: nonBreaking.length },
    exact: {
      agreed: verdicts.filter((verdict) => (verdict.ours ?? 'info') === verdict.case.level).length,
      total: verdicts.length,
    },
    notModelled,
  };
}
