import type { Figure, LedgerEvent } from './ledger-event.ts';
import type { EvidencePolicy } from './status.ts';

/** An event set aside before any obligation looks at it, and why. */
export interface SetAside {
  readonly event: LedgerEvent;
  readonly reason: string;
}

/** Reports of one fact, the one used, and the spread of what the others say. */
export interface FactGroup {
  readonly fact: string;
  readonly members: readonly LedgerEvent[];
  readonly chosen: LedgerEvent | undefined;
  readonly why: string;
}

export interface Evidence {
  /** Events that count, in no particular order (corrections replaced by their replacement). */
  readonly counted: readonly LedgerEvent[];
  readonly setAside: readonly SetAside[];
  readonly groups: readonly FactGroup[];
  /** For a chosen event whose fact is disputed: the lowest and highest figure any report gives, per key. */
  readonly spread: ReadonlyMap<string, ReadonlyMap<string, Figure>>;
  readonly known: number;
  readonly superseded: number;
}

const STATUS_RANK = { confirmed: 3, corroborated: 2, reported: 1, disputed: 0, retracted: -1 } as const;

/** The figure an event gives per key (cohort for releases, item for aid, `count` for lists), if any. */
export function figuresOf(e: LedgerEvent): Map<string, number> | undefined {
  switch (e.type) {
    case 'release':
      return new Map(e.released.map((r) => [r.cohort, r.best]));
    case 'aid-delivery':
      return new Map([[e.item, e.quantity.best]]);
    case 'list-handed-over':
      return e.count ? new Map([['count', e.count.best]]) : undefined;
    case 'statement':
      return e.claim ? new Map([['claim', e.claim.value.best]]) : undefined;
    default:
      return undefined;
  }
}

/** One number for an event: the sum of its figures. */
export function totalOf(e: LedgerEvent): number | undefined {
  const f = figuresOf(e);
  if (!f) return undefined;
  let sum = 0;
  for (const v of f.values()) sum += v;
  return sum;
}

function better(a: LedgerEvent, b: LedgerEvent, policy: EvidencePolicy): boolean {
  if (policy === 'lowest') {
    const ta = totalOf(a) ?? 0;
    const tb = totalOf(b) ?? 0;
    if (ta !== tb) return ta < tb;
  }
  if (a.grade !== b.grade) return a.grade > b.grade;
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[a.status] > STATUS_RANK[b.status];
  if (a.recorded !== b.recorded) return a.recorded > b.recorded;
  return a.id < b.id;
}

const whyChosen: Record<EvidencePolicy, string> = {
  'best-graded': 'the best-graded report (Admiralty grade, then status, then the latest recorded)',
  'confirmed-only': 'the confirmed report (only confirmed events count under this policy)',
  lowest: 'the lowest figure (the conservative policy)',
};

/**
 * Decides which events count: those recorded by `knownAt`, not superseded by a known correction or
 * retraction, allowed by the evidence policy, and — where several report the same fact — the one the
 * policy prefers. Deterministic whatever the order of `events`.
 */
export function selectEvidence(
  events: readonly LedgerEvent[],
  knownAt: number,
  policy: EvidencePolicy,
): Evidence {
  const setAside: SetAside[] = [];
  const known: LedgerEvent[] = [];
  const supersedersOf = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    if (e.recorded > knownAt) continue;
    known.push(e);
    if (e.type === 'correction' || e.type === 'retraction') {
      const list = supersedersOf.get(e.supersedes);
      if (list) list.push(e);
      else supersedersOf.set(e.supersedes, [e]);
    }
  }
  // An event is superseded when an active correction or retraction points at it; a retracted correction is inactive.
  const active = new Map<string, boolean>();
  const isActive = (e: LedgerEvent, depth = 0): boolean => {
    const cached = active.get(e.id);
    if (cached !== undefined) return cached;
    const over = supersedersOf.get(e.id);
    const result = !over || depth > 64 || !over.some((s) => isActive(s, depth + 1));
    active.set(e.id, result);
    return result;
  };
  const grouped = new Map<string, LedgerEvent[]>();
  const counted: LedgerEvent[] = [];
  let superseded = 0;
  for (const e0 of known) {
    if (supersedersOf.size > 0 && !isActive(e0)) {
      superseded++;
      setAside.push({
        event: e0,
        reason: `superseded by ${supersedersOf
          .get(e0.id)!
          .map((s) => s.id)
          .join(', ')}`,
      });
      continue;
    }
    if (e0.type === 'retraction') continue;
    const e = e0.type === 'correction' ? e0.replacement : e0;
    if (e.status === 'retracted') {
      setAside.push({ event: e, reason: 'its status is retracted' });
      continue;
    }
    if (policy === 'confirmed-only' && e.status !== 'confirmed' && e.type !== 'statement') {
      setAside.push({
        event: e,
        reason: `its status is ${e.status}; only confirmed events count under the confirmed-only policy`,
      });
      continue;
    }
    if (e.fact !== undefined) {
      const g = grouped.get(e.fact);
      if (g) g.push(e);
      else grouped.set(e.fact, [e]);
    } else counted.push(e);
  }
  const groups: FactGroup[] = [];
  const spread = new Map<string, Map<string, Figure>>();
  for (const [fact, members] of grouped) {
    let chosen = members[0]!;
    for (const m of members) if (better(m, chosen, policy)) chosen = m;
    counted.push(chosen);
    const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    groups.push({ fact, members: sorted, chosen, why: `used ${chosen.id}: ${whyChosen[policy]}` });
    if (members.length > 1) {
      const range = new Map<string, { best: number; low: number; high: number }>();
      for (const m of members) {
        const f = figuresOf(m);
        if (!f) continue;
        for (const [k, v] of f) {
          const r = range.get(k) ?? { best: figuresOf(chosen)?.get(k) ?? v, low: v, high: v };
          range.set(k, { best: r.best, low: Math.min(r.low, v), high: Math.max(r.high, v) });
        }
      }
      spread.set(chosen.id, range);
      for (const m of sorted)
        if (m !== chosen)
          setAside.push({
            event: m,
            reason: `another report of the same fact (${fact}) was used: ${chosen.id}, ${whyChosen[policy]}`,
          });
    }
  }
  groups.sort((a, b) => (a.fact < b.fact ? -1 : 1));
  return { counted, setAside, groups, spread, known: known.length, superseded };
}
