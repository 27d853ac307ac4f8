import type { CandidateKind } from './candidate.ts';

/** A word or phrase that makes a sentence report something of a kind. */
export interface TriggerRule {
  readonly kind: CandidateKind;
  readonly pattern: RegExp;
  /** What else the sentence must hold for the trigger to count. */
  readonly requires?: RegExp;
  /** What must be near the trigger (within a few words) for it to count. */
  readonly near?: RegExp;
}

const PAUSE =
  /\b(?:pauses?|truces?|cease-?fires?|armistices?|lulls?|cessation of hostilities|halt in (?:the )?fighting)\b/i;
const DETAINED =
  /\b(?:hostages?|captives?|prisoners?|detainees?|abductees|POWs|soldiers|servicem[ae]n|servicemembers|civilians|bodies|remains|women|children|minors|teenagers|elderly|nationals|citizens)\b/i;
const GOODS =
  /\b(?:water|food|electricity|fuel|medicine|medical supplies|aid|supplies|flour|cooking gas|gas|tents|trucks|lorries|convoys?)\b/i;

/** The trigger rules, strongest first: where two overlap, the earlier rule wins. */
export const TRIGGERS: readonly TriggerRule[] = [
  {
    kind: 'violation',
    pattern: /\b(?:violat\w*|breach\w*|broke the (?:truce|ceasefire|pause|cease-fire))\b/gi,
  },
  {
    kind: 'pause-extended',
    pattern: /\b(?:extended|extend|extending|extension|prolonged|prolong)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'pause-ended',
    pattern:
      /\b(?:ended|ending|expired|expires?|lasted until|collapsed|broke down|came to an end|fighting resumed|resumed (?:fighting|hostilities|operations|strikes)|was over)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'pause-started',
    pattern:
      /\b(?:took effect|takes effect|take effect|taking effect|came into (?:force|effect)|went into (?:force|effect)|entered into (?:force|effect)|began|begins|started|starts|starting|in effect|in force|kicked in|got under way|(?:has|had|have) held)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'pause-agreed',
    pattern:
      /\b(?:reached|agreed|signed|struck|(?<!-)brokered|sealed|approved|accepted|declared|ordered)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'release',
    pattern:
      /\b(?:released|releases|release|releasing|freed|frees|free|handed over|hand over|handing over|handed back|swapped|swap|exchanged|exchange|returned|return of|set free)\b/gi,
    near: DETAINED,
  },
  { kind: 'release', pattern: /\b(?:came home|returned home|were repatriated)\b/gi },
  {
    kind: 'aid-or-supply',
    pattern:
      /\b(?:deliver(?:ed|ies|y|ing)?|entered|crossed into|allow(?:ed|s)?(?: in| into)?|let in|brought in|curtail\w*|cut off|cut|blocked|restrict\w*|halted the flow|reached|resume|resumed|restor\w+|included)\b/gi,
    near: GOODS,
  },
  {
    kind: 'casualty-figure',
    pattern:
      /\b(?:killed|dead|died|deaths?|death toll|wounded|injured|casualties|fatalities|lost their lives)\b/gi,
  },
  {
    kind: 'attack',
    pattern:
      /\b(?:attacks?|attacked|crossed into|raids?|raided|incursions?|offensive|shelled|shelling|air ?strikes?|(?:missile|drone|heavy|rocket|artillery)(?: and \w+)? strikes|bombed|bombing|struck|fired)\b/gi,
  },
  {
    kind: 'statement',
    pattern:
      /\b(?:said|says|declared|declare|announced|stated|addressed|warned|vowed|insisted|told|pledged|accused|rejected|described)\b/gi,
  },
];

/** Words that make a sentence a proposal's terms rather than a report of what happened. */
export const PROPOSAL = /\b(?:framework|proposal|proposed|draft|plan|blueprint|roadmap|road map)\b/i;
/** "stage"/"phase" reads as a proposal's term only beside a would/could. */
export const STAGE = /\b(?:stage|phase)\b/i;
export const WOULD = /\b(?:would|could|proposed)\b/i;
/** Terms of a deal already made: their "would" is planned, not proposed; alone in a sentence, a term. */
export const AGREED_TERMS =
  /\b(?:under (?:the|its|their|this) (?:deal|agreement|terms|accord|truce|ceasefire|extension)|under which|provides for)\b/i;
export { GOODS };
