import type { Figure, LedgerEvent } from './ledger-event.ts';
import type { EvidencePolicy } from './status.ts';

/** An event set aside before any obligation looks at it, and why. */
export interface SetAside {
  readonly event: LedgerEvent;
  readonly reason: string;
}

/** Reports of one fact, the one used, and why. */
export interface FactGroup {
  readonly fact: string;
  readonly members: readonly LedgerEvent[];
  readonly chosen: LedgerEvent | undefined;
  readonly why: string;
}

/** What the evidence policy makes of the ledger's special events (all but plain releases and deliveries). */
export interface Evidence {
  /** Special events that count (corrections replaced by their replacement; one per fact). */
  readonly counted: readonly LedgerEvent[];
  readonly setAside: readonly SetAside[];
  readonly groups: readonly FactGroup[];
  /** For a chosen event whose fact is disputed: the lowest and highest figure any report gives, per key. */
  readonly spread: ReadonlyMap<string, ReadonlyMap<string, Figure>>;
  /** Ids of superseded events, with the reason. */
  readonly superseded: ReadonlyMap<string, string>;
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

/** Why the policy sets an event aside on its own status, if it does. */
export function statusReason(e: LedgerEvent, policy: EvidencePolicy): string | undefined {
  if (e.status === 'retracted') return 'its status is retracted';
  if (policy === 'confirmed-only' && e.status !== 'confirmed' && e.type !== 'statement')
    return `its status is ${e.status}; only confirmed events count under the confirmed-only policy`;
  return undefined;
}

/** Which events the known corrections and retractions supersede, and why. */
export function supersession(specials: readonly LedgerEvent[]): Map<string, string> {
  const supersedersOf = new Map<string, LedgerEvent[]>();
  for (const e of specials) {
    if (e.type !== 'correction' && e.type !== 'retraction') continue;
    const list = supersedersOf.get(e.supersedes);
    if (list) list.push(e);
    else supersedersOf.set(e.supersedes, [e]);
  }
  // A correction or retraction is void when a retraction (itself not void) takes it back. An event is
  // superseded while any of its correctors or retractors is not void: correcting a correction keeps the
  // original superseded; retracting it brings the original back.
  const voidness = new Map<string, boolean>();
  const isVoid = (id: string, depth = 0): boolean => {
    const cached = voidness.get(id);
    if (cached !== undefined) return cached;
    const over = supersedersOf.get(id) ?? [];
    const result = depth < 64 && over.some((s) => s.type === 'retraction' && !isVoid(s.id, depth + 1));
    voidness.set(id, result);
    return result;
  };
  const superseded = new Map<string, string>();
  for (const id of [...supersedersOf.keys()].sort()) {
    const by = supersedersOf.get(id)!.filter((s) => !isVoid(s.id));
    if (by.length)
      superseded.set(
        id,
        `superseded by ${by
          .map((s) => s.id)
          .sort()
          .join(', ')}`,
      );
  }
  return superseded;
}

/**
 * Decides which special events count: not superseded, allowed by the evidence policy, and — where
 * several report the same fact — the one the policy prefers. Deterministic whatever the order.
 */
export function resolveEvidence(
  specials: readonly LedgerEvent[],
  superseded: ReadonlyMap<string, string>,
  policy: EvidencePolicy,
): Evidence {
  const setAside: SetAside[] = [];
  const grouped = new Map<string, LedgerEvent[]>();
  const counted: LedgerEvent[] = [];
  for (const e0 of specials) {
    const reason = superseded.get(e0.id);
    if (reason !== undefined) {
      setAside.push({ event: e0.type === 'correction' ? e0.replacement : e0, reason });
      continue;
    }
    if (e0.type === 'retraction') continue;
    const e = e0.type === 'correction' ? e0.replacement : e0;
    const own = statusReason(e, policy);
    if (own !== undefined) {
      setAside.push({ event: e, reason: own });
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
    if (members.length < 2) continue;
    const range = new Map<string, Figure>();
    // Only reports as well established as the one used can make its figure uncertain.
    for (const m of members) {
      if (STATUS_RANK[m.status] < STATUS_RANK[chosen.status]) continue;
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
  groups.sort((a, b) => (a.fact < b.fact ? -1 : 1));
  return { counted, setAside, groups, spread, superseded };
}
