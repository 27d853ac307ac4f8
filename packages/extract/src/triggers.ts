import type { CandidateKind } from './candidate.ts';

/** A word or phrase that makes a sentence report something of a kind. */
export interface TriggerRule {
  readonly kind: CandidateKind;
  readonly pattern: RegExp;
  /** What else the sentence must hold for the trigger to count. */
  readonly requires?: RegExp;
  /** What must be near the trigger (its clause) for it to count. */
  readonly near?: RegExp;
}

const PAUSE =
  /\b(?:pause|truce|cease-?fires?|armistice|lull|cessation of hostilities|halt in (?:the )?fighting)\b/i;
const DETAINED =
  /\b(?:hostages?|captives?|prisoners?|detainees?|abductees|POWs|soldiers|civilians|bodies|remains|people)\b/i;
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
      /\b(?:ended|expired|lasted until|collapsed|broke down|came to an end|fighting resumed|resumed (?:fighting|hostilities|operations|strikes)|was over)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'pause-started',
    pattern:
      /\b(?:took effect|takes effect|take effect|came into (?:force|effect)|went into (?:force|effect)|entered into (?:force|effect)|began|begins|started|starts|in effect|in force|kicked in|got under way|held)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'pause-agreed',
    pattern: /\b(?:reached|agreed|signed|struck|brokered|sealed|approved|accepted)\b/gi,
    requires: PAUSE,
  },
  {
    kind: 'release',
    pattern:
      /\b(?:released|releases|release|releasing|freed|frees|free|handed over|hand over|handed back|swapped|exchanged|returned|return|set free)\b/gi,
    near: DETAINED,
  },
  {
    kind: 'aid-or-supply',
    pattern:
      /\b(?:deliver(?:ed|ies|y|ing)?|entered|crossed into|allowed in|let in|brought in|curtail\w*|cut off|cut|blocked|restrict\w*|halted the flow|reached)\b/gi,
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
      /\b(?:attacks?|attacked|crossed into|raids?|raided|incursions?|offensive|shelled|shelling|air ?strikes?|bombed|bombing|struck|fired)\b/gi,
  },
  {
    kind: 'statement',
    pattern:
      /\b(?:said|says|declared|declare|announced|stated|addressed|warned|vowed|insisted|told|pledged|accused)\b/gi,
  },
];

/** Words that make a sentence a proposal's terms rather than a report of what happened. */
export const PROPOSAL = /\b(?:framework|proposal|proposed|draft|plan|blueprint|roadmap|road map)\b/i;
/** "stage"/"phase" reads as a proposal's term only beside a would/could. */
export const STAGE = /\b(?:stage|phase)\b/i;
export const WOULD = /\b(?:would|could|proposed|is to|are to)\b/i;
export { GOODS };
