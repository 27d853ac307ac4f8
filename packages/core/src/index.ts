export type {
  AgreementDocument,
  AgreementInput,
  Clause,
  Deadline,
  Obligation,
  Phase,
  Source,
} from './agreement-schema.ts';
export { AgreementSchema } from './agreement-schema.ts';
export type {
  Agreement,
  CompiledDeadline,
  CompiledExtensionRule,
  CompiledObligation,
  CompiledPhase,
} from './compiled-agreement.ts';
export type {
  AddedOrRemovedItem,
  AgreementDiff,
  ChangedItem,
  DiffItem,
  DiffSectionName,
  FieldChange,
  SectionDiff,
} from './diff-agreements.ts';
export { diffAgreements, diffFields } from './diff-agreements.ts';
export type { Duration } from './duration.ts';
export { formatDuration, nominalDays, parseDuration, suggestDuration } from './duration.ts';
export {
  eligibleExtensionDays,
  extensionRoom,
  extensionSteps,
} from './eligible-extension-days.ts';
export type { EvaluateOptions } from './evaluate.ts';
export { evaluate } from './evaluate.ts';
export type { EventDocument, EventInput, LedgerFile } from './event-schema.ts';
export { EventSchema, LedgerFileSchema } from './event-schema.ts';
export { explain, STATE_WORDS } from './explain.ts';
export type { Precision, ResolvedTime } from './instant.ts';
export { resolveTime } from './instant.ts';
export type { Issue, Parsed } from './issue.ts';
export { formatIssue, nearest } from './issue.ts';
export type { Claim, EventStatus, EventType, Figure, Ledger, LedgerEvent } from './ledger-event.ts';
export { LedgerState } from './ledger-state.ts';
export { normalizeEvent } from './normalize-event.ts';
export { parseAgreement } from './parse-agreement.ts';
export { normalizeEvents, parseLedger } from './parse-ledger.ts';
export type {
  CountedEvent,
  Discrepancy,
  EvidencePolicy,
  ExcludedEvent,
  ObligationState,
  ObligationStatus,
  PeriodStatus,
  PhaseState,
  PhaseStatus,
  ReleaseTotal,
  Status,
} from './status.ts';
export { EVIDENCE_POLICIES } from './status.ts';
export { validateDocument } from './validate-document.ts';
export type { YamlSource } from './yaml-document.ts';
export { readYaml } from './yaml-document.ts';
export { formatInstant, formatReadable, isValidZone } from './zoned-time.ts';
