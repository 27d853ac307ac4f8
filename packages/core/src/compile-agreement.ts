import type { AgreementDocument, Deadline } from './agreement-schema.ts';
import type {
  Agreement,
  CompiledDeadline,
  CompiledObligation,
  CompiledPhase,
  CompiledStart,
} from './compiled-agreement.ts';
import {
  addDurations,
  type Duration,
  parseDuration,
  scaleDuration,
  suggestDuration,
  ZERO_DURATION,
} from './duration.ts';
import { resolveTime } from './instant.ts';
import { nearest } from './issue.ts';
import { addInZone, isValidZone } from './zoned-time.ts';

type Report = (code: string, path: (string | number)[], message: string, keyOf?: string) => void;

/**
 * Checks what a schema cannot (durations, times, references, cycles) and compiles the agreement.
 * Reports every issue it finds; returns undefined when there was any.
 */
export function compileAgreement(doc: AgreementDocument, report: Report): Agreement | undefined {
  let failed = false;
  const fail: Report = (...args) => {
    failed = true;
    report(...args);
  };
  const zone = doc.timeZone;
  if (!isValidZone(zone)) {
    const hint = nearest(zone, Intl.supportedValuesOf('timeZone'));
    fail(
      'bad-zone',
      ['timeZone'],
      `\`${zone}\` is not an IANA time zone${hint ? `; did you mean \`${hint}\`?` : ' (e.g. `Asia/Jerusalem`)'}`,
    );
  }
  const duration = (text: string, path: (string | number)[]): Duration => {
    const d = parseDuration(text);
    if (d) return d;
    const hint = suggestDuration(text);
    fail(
      'bad-duration',
      path,
      `\`${text}\` is not an ISO 8601 duration${hint ? `; did you mean \`${hint}\`?` : '; write e.g. `P4D` for four days or `PT12H` for twelve hours'}`,
    );
    return ZERO_DURATION;
  };
  const instant = (text: string, z: string | undefined, path: (string | number)[]): number => {
    if (z !== undefined && !isValidZone(z)) {
      const hint = nearest(z, Intl.supportedValuesOf('timeZone'));
      fail(
        'bad-zone',
        [...path.slice(0, -1), 'zone'],
        `\`${z}\` is not an IANA time zone${hint ? `; did you mean \`${hint}\`?` : ''}`,
      );
      return 0;
    }
    const t = resolveTime(text, z ?? (isValidZone(zone) ? zone : 'UTC'));
    if ('error' in t) {
      fail('bad-time', path, t.error);
      return 0;
    }
    return t.start;
  };

  const ids = new Map<string, string>();
  const unique = (id: string, what: string, path: (string | number)[]) => {
    const prior = ids.get(id);
    if (prior)
      fail(
        'duplicate-id',
        [...path, 'id'],
        `the id \`${id}\` is already used by ${prior}; ids must be unique in an agreement`,
      );
    else ids.set(id, what);
  };
  const partyIds = new Set(doc.parties.map((p) => p.id));
  const actorIds = new Set([...partyIds, ...doc.mediators.map((m) => m.id)]);
  const cohortIds = new Set(doc.cohorts.map((c) => c.id));
  const phaseIds = new Set(doc.phases.map((p) => p.id));
  doc.parties.forEach((p, i) => unique(p.id, `party ${i + 1}`, ['parties', i]));
  doc.mediators.forEach((m, i) => unique(m.id, `mediator ${i + 1}`, ['mediators', i]));
  doc.cohorts.forEach((c, i) => unique(c.id, `cohort ${i + 1}`, ['cohorts', i]));
  doc.phases.forEach((p, i) => unique(p.id, `phase ${i + 1}`, ['phases', i]));
  doc.obligations.forEach((o, i) => unique(o.id, `obligation ${i + 1}`, ['obligations', i]));
  doc.powers.forEach((p, i) => unique(p.id, `power ${i + 1}`, ['powers', i]));

  const ref = (id: string, known: Set<string>, what: string, path: (string | number)[]) => {
    if (known.has(id)) return;
    const hint = nearest(id, known);
    fail(
      'undefined-reference',
      path,
      `\`${id}\` is not a defined ${what}${hint ? `; did you mean \`${hint}\`?` : known.size ? `; defined: ${[...known].map((k) => `\`${k}\``).join(', ')}` : ''}`,
    );
  };
  const sourceKeys = new Set(Object.keys(doc.sources));
  const clauseSources = (sources: string[] | undefined, path: (string | number)[]) =>
    sources?.forEach((s, i) => ref(s, sourceKeys, 'source (a key under `sources`)', [...path, 'sources', i]));

  doc.cohorts.forEach((c, i) => ref(c.heldBy, partyIds, 'party', ['cohorts', i, 'heldBy']));
  const deadline = (d: Deadline, path: (string | number)[]): CompiledDeadline => {
    if ('at' in d) return { kind: 'at', at: instant(d.at, d.zone, [...path, 'at']) };
    ref(d.phase, phaseIds, 'phase', [...path, 'phase']);
    return {
      kind: 'phase',
      phase: d.phase,
      edge: d.edge,
      offset: d.offset ? duration(d.offset, [...path, 'offset']) : ZERO_DURATION,
    };
  };

  const phases: CompiledPhase[] = doc.phases.map((p, i) => {
    const path = ['phases', i];
    let start: CompiledStart;
    if ('at' in p.start)
      start = { kind: 'at', at: instant(p.start.at, p.start.zone, [...path, 'start', 'at']) };
    else if ('after' in p.start) {
      ref(p.start.after, phaseIds, 'phase', [...path, 'start', 'after']);
      start = {
        kind: 'after',
        phase: p.start.after,
        gap: p.start.gap ? duration(p.start.gap, [...path, 'start', 'gap']) : ZERO_DURATION,
      };
    } else start = { kind: 'event' };
    const r = p.extension?.rule;
    r?.cohorts.forEach((c, j) => ref(c, cohortIds, 'cohort', [...path, 'extension', 'rule', 'cohorts', j]));
    clauseSources(p.clause?.sources, [...path, 'clause']);
    return {
      id: p.id,
      name: p.name,
      index: i,
      start,
      duration: p.duration === undefined ? undefined : duration(p.duration, [...path, 'duration']),
      rule: r && {
        every: r.every,
        cohorts: new Set(r.cohorts),
        beyond: r.beyond,
        adds: duration(r.adds, [...path, 'extension', 'rule', 'adds']),
        maxTotal:
          r.maxTotal === undefined
            ? undefined
            : duration(r.maxTotal, [...path, 'extension', 'rule', 'maxTotal']),
      },
      agreedExtensions: p.extension?.agreed ?? true,
      endsBy: p.endsBy ?? (p.duration ? ['duration', 'event', 'collapse'] : ['event', 'collapse']),
      clause: p.clause,
      source: p,
    };
  });

  const ordered = orderPhases(phases, (i, message) =>
    fail('phase-cycle', ['phases', i, 'start', 'after'], message),
  );

  const obligations: CompiledObligation[] = doc.obligations.map((o, i) => {
    const path = ['obligations', i];
    ref(o.party, partyIds, 'party', [...path, 'party']);
    ref(o.phase, phaseIds, 'phase', [...path, 'phase']);
    clauseSources(o.clause.sources, [...path, 'clause']);
    const base = {
      id: o.id,
      kind: o.kind,
      party: o.party,
      phase: o.phase,
      clause: o.clause,
      tranches: [] as { count: number; by: CompiledDeadline }[],
      cohorts: new Set<string>(),
      ratio: new Map<string, number>(),
      lag: undefined as Duration | undefined,
      period: undefined as Duration | undefined,
      by: undefined as CompiledDeadline | undefined,
      window: undefined as { from: number; to: number } | undefined,
      source: o,
    };
    switch (o.kind) {
      case 'release': {
        o.cohorts.forEach((c, j) => ref(c, cohortIds, 'cohort', [...path, 'cohorts', j]));
        base.cohorts = new Set(o.cohorts);
        if (o.count !== undefined && o.by)
          base.tranches.push({ count: o.count, by: deadline(o.by, [...path, 'by']) });
        else if (o.count !== undefined || o.by)
          fail(
            'missing-key',
            path,
            'a release with `count` also needs `by` (and the other way round)',
            o.count === undefined ? 'by' : 'count',
          );
        o.schedule?.forEach((step, j) => {
          const by = deadline(step.by, [...path, 'schedule', j, 'by']);
          base.tranches.push({ count: step.count, by });
          if (step.repeat) {
            const every = duration(step.repeat.every, [...path, 'schedule', j, 'repeat', 'every']);
            for (let k = 1; k <= step.repeat.times; k++)
              base.tranches.push({ count: step.count, by: shiftDeadline(by, every, k, zone) });
          }
        });
        break;
      }
      case 'reciprocal-release':
        o.cohorts.forEach((c, j) => ref(c, cohortIds, 'cohort', [...path, 'cohorts', j]));
        o.ratio.forEach((r, j) => ref(r.per, cohortIds, 'cohort', [...path, 'ratio', j, 'per']));
        base.cohorts = new Set(o.cohorts);
        base.ratio = new Map(o.ratio.map((r) => [r.per, r.count]));
        base.lag = duration(o.lag, [...path, 'lag']);
        break;
      case 'rate':
        base.period = duration(o.period, [...path, 'period']);
        if (
          base.period === ZERO_DURATION ||
          (!base.period.days &&
            !base.period.hours &&
            !base.period.weeks &&
            !base.period.minutes &&
            !base.period.months &&
            !base.period.years)
        )
          fail('bad-duration', [...path, 'period'], 'a rate needs a period longer than zero, e.g. `P1D`');
        break;
      case 'refrain':
        if (o.window) {
          const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
          const from = minutes(o.window.from);
          const to = minutes(o.window.to);
          if (from >= 24 * 60 || to > 24 * 60)
            fail('bad-time', [...path, 'window'], 'a window runs between 00:00 and 24:00');
          base.window = { from, to };
        }
        break;
      case 'withdraw':
      case 'act-by':
        base.by = deadline(o.by, [...path, 'by']);
        break;
      default:
        assertNever(o);
    }
    return base;
  });
  doc.powers.forEach((p, i) => {
    ref(p.holder, actorIds, 'party or mediator', ['powers', i, 'holder']);
    ref(p.target, new Set([...phaseIds, ...doc.obligations.map((o) => o.id)]), 'phase or obligation', [
      'powers',
      i,
      'target',
    ]);
  });
  if (failed) return undefined;
  return {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    status: doc.status,
    zone,
    document: doc,
    phases: ordered,
    obligations,
    partyIds,
    cohortHeldBy: new Map(doc.cohorts.map((c) => [c.id, c.heldBy])),
  };
}

function shiftDeadline(d: CompiledDeadline, every: Duration, k: number, zone: string): CompiledDeadline {
  const step = scaleDuration(every, k);
  if (d.kind === 'at') return { kind: 'at', at: addInZone(d.at, step, isValidZone(zone) ? zone : 'UTC') };
  return { ...d, offset: addDurations(d.offset, step) };
}

/** Phases in dependency order; reports a cycle in `after` references. */
function orderPhases(
  phases: CompiledPhase[],
  onCycle: (index: number, message: string) => void,
): CompiledPhase[] {
  const byId = new Map(phases.map((p) => [p.id, p]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const out: CompiledPhase[] = [];
  const visit = (p: CompiledPhase): void => {
    if (done.has(p.id)) return;
    if (visiting.includes(p.id)) {
      const cycle = [...visiting.slice(visiting.indexOf(p.id)), p.id];
      onCycle(
        p.index,
        `phases wait on each other in a cycle: ${cycle.join(' → ')}; one of them must start at a time or on an event`,
      );
      return;
    }
    visiting.push(p.id);
    if (p.start.kind === 'after') {
      const prior = byId.get(p.start.phase);
      if (prior) visit(prior);
    }
    visiting.pop();
    if (!done.has(p.id)) {
      done.add(p.id);
      out.push(p);
    }
  };
  for (const p of phases) visit(p);
  return out;
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
