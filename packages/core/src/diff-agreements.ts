import type { AgreementDocument } from './agreement-schema.ts';

/** One field that differs, by its path inside the item (`clause.text`, `ratio[0].count`); values are JSON. */
export interface FieldChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** An item of a section (a party, a cohort, a phase, an obligation, a power, a source), as the diff names it. */
export interface DiffItem {
  readonly id: string;
  /** Its name, or for an obligation its kind, party and phase. */
  readonly label: string;
  /** The clause reference it rests on, when it has one (the newer one when both versions have it). */
  readonly clause?: string;
}

/** An item only one version has, with its whole content. */
export interface AddedOrRemovedItem extends DiffItem {
  readonly value: unknown;
}

export interface ChangedItem extends DiffItem {
  readonly changes: readonly FieldChange[];
}

export type DiffSectionName =
  | 'parties'
  | 'mediators'
  | 'cohorts'
  | 'phases'
  | 'obligations'
  | 'powers'
  | 'sources';

export interface SectionDiff {
  readonly section: DiffSectionName;
  readonly added: readonly AddedOrRemovedItem[];
  readonly removed: readonly AddedOrRemovedItem[];
  readonly changed: readonly ChangedItem[];
}

/** What changed between two versions of an agreement, by structure rather than by lines of text. */
export interface AgreementDiff {
  /** Top-level fields: title, status, time zone, summary, the document's own version number. */
  readonly metadata: readonly FieldChange[];
  /** Only the sections where something changed, in the order of the agreement language. */
  readonly sections: readonly SectionDiff[];
  /** True when the two documents are the same (their texts may still differ in comments or layout). */
  readonly same: boolean;
}

const SECTIONS: readonly DiffSectionName[] = [
  'parties',
  'mediators',
  'cohorts',
  'phases',
  'obligations',
  'powers',
  'sources',
];

type Json = unknown;
type Keyed = Readonly<Record<string, Json>>;

const isObject = (v: Json): v is Keyed => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
const hasIds = (list: readonly Json[]) =>
  list.length > 0 && list.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * The changes from `before` to `after`, field by field. Lists of items with ids are matched by id (so
 * reordering is no change); other lists of the same length are compared entry by entry.
 */
export function diffFields(before: Json, after: Json, path = ''): FieldChange[] {
  if (same(before, after)) return [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const b = before[key];
      const a = after[key];
      if (b === undefined) return [{ path: at(key), change: 'added' as const, after: a }];
      if (a === undefined) return [{ path: at(key), change: 'removed' as const, before: b }];
      return diffFields(b, a, at(key));
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (hasIds(before) && hasIds(after)) {
      const byId = (list: readonly Json[]) => new Map(list.map((x) => [(x as Keyed).id as string, x]));
      const old = byId(before);
      const now = byId(after);
      const ids = [...new Set([...now.keys(), ...old.keys()])];
      return ids.flatMap((id) => {
        const b = old.get(id);
        const a = now.get(id);
        if (b === undefined) return [{ path: `${path}[${id}]`, change: 'added' as const, after: a }];
        if (a === undefined) return [{ path: `${path}[${id}]`, change: 'removed' as const, before: b }];
        return diffFields(b, a, `${path}[${id}]`);
      });
    }
    if (before.length === after.length && before.some((x) => isObject(x) || Array.isArray(x)))
      return before.flatMap((b, i) => diffFields(b, after[i], `${path}[${i}]`));
  }
  return [{ path: path || '(value)', change: 'changed', before, after }];
}

function entries(doc: AgreementDocument, section: DiffSectionName): [string, Keyed][] {
  if (section === 'sources') return Object.entries(doc.sources).map(([key, s]) => [key, s as Keyed]);
  return (doc[section] as readonly Keyed[]).map((item) => [item.id as string, item]);
}

function describe(section: DiffSectionName, id: string, item: Keyed, newer?: Keyed): DiffItem {
  const label =
    section === 'obligations'
      ? `${item.kind}, owed by ${item.party}, in ${item.phase}`
      : section === 'sources'
        ? String(item.outlet)
        : section === 'powers'
          ? `${item.holder} may ${item.may} ${item.target}`
          : String(item.name);
  const clause = (newer ?? item).clause ?? item.clause;
  return isObject(clause) && typeof clause.ref === 'string'
    ? { id, label, clause: clause.ref }
    : { id, label };
}

function diffSection(
  before: AgreementDocument,
  after: AgreementDocument,
  section: DiffSectionName,
): SectionDiff {
  const old = new Map(entries(before, section));
  const now = entries(after, section);
  const nowIds = new Set(now.map(([id]) => id));
  const added: AddedOrRemovedItem[] = [];
  const changed: ChangedItem[] = [];
  for (const [id, item] of now) {
    const prior = old.get(id);
    if (prior === undefined) {
      added.push({ ...describe(section, id, item), value: item });
      continue;
    }
    const changes = diffFields(prior, item);
    if (changes.length) changed.push({ ...describe(section, id, prior, item), changes });
  }
  const removed = [...old]
    .filter(([id]) => !nowIds.has(id))
    .map(([id, item]) => ({ ...describe(section, id, item), value: item }));
  return { section, added, removed, changed };
}

/**
 * What changed from one version of an agreement to another: parties, mediators, cohorts, phases,
 * obligations, powers and sources added, removed or changed (each change field by field, with the old
 * and new values), and the top-level fields. Both documents are as parsed, so a default written out
 * is no change.
 * @example diffAgreements(v1.document, v2.document).sections.find((s) => s.section === 'obligations')
 */
export function diffAgreements(before: AgreementDocument, after: AgreementDocument): AgreementDiff {
  const top = (doc: AgreementDocument) => {
    const { parties, mediators, cohorts, phases, obligations, powers, sources, ...rest } = doc;
    return rest;
  };
  const metadata = diffFields(top(before), top(after));
  const sections = SECTIONS.map((s) => diffSection(before, after, s)).filter(
    (s) => s.added.length + s.removed.length + s.changed.length > 0,
  );
  return { metadata, sections, same: metadata.length === 0 && sections.length === 0 };
}
