import { lazy, Suspense } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { AsOfSlider, type ReplayState } from '../components/AsOfSlider.ts';
import { Discrepancies } from '../components/Discrepancies.ts';
import { ErrorNote } from '../components/ErrorNote.ts';
import { EventsTable } from '../components/EventsTable.ts';
import { ObligationsTable } from '../components/ObligationsTable.ts';
import { PhaseTimeline } from '../components/PhaseTimeline.ts';
import { RecordEventForm } from '../components/RecordEventForm.ts';
import { StatusHeader } from '../components/StatusHeader.ts';
import { html } from '../html.ts';
import { projectionHref, replaceParams, reviewHref } from '../router.ts';
import { replayRange } from '../stand.ts';
import { dayIn, daysBetween, endOfDay } from '../time.ts';
import type { Session, Status } from '../types.ts';

// The charts bring Observable Plot, the largest part of the bundle: loaded after the header is shown.
const Charts = lazy(() => import('../components/Charts.ts').then((m) => ({ default: m.Charts })));

/** The query a replay state asks the status for. */
function statusQuery(state: ReplayState, timeZone: string) {
  const asOf = state.day === null ? undefined : endOfDay(state.day, timeZone);
  return {
    asOf,
    knownAt: state.knownThen
      ? (asOf ?? new Date().toISOString())
      : state.knownDay === null
        ? undefined
        : endOfDay(state.knownDay, timeZone),
    evidence: state.evidence === 'best-graded' ? undefined : state.evidence,
  };
}

/**
 * One agreement: where it stands, replayed day by day. `publicView` reads anonymously (person-level
 * fields never arrive) and offers no writing.
 */
export function AgreementPage({
  api,
  id,
  params,
  session,
  publicView,
}: {
  api: Api;
  id: string;
  params: URLSearchParams;
  session: Session | null;
  publicView: boolean;
}) {
  const [live, setLive] = useState<Status | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ledgerVersion, setLedgerVersion] = useState(0);
  const [replay, setReplay] = useState<ReplayState>(() => ({
    day: params.get('asOf'),
    knownThen: params.get('knownThen') === '1',
    knownDay: params.get('knownAt'),
    evidence: params.get('evidence') ?? 'best-graded',
  }));

  // The status now, which also gives the days worth replaying; refreshed by the live stream.
  useEffect(() => {
    setError(null);
    api.status(id, {}).then(setLive, setError);
  }, [api, id]);

  // The live stream opens once the first status is in, so that it does not compete with it.
  const connected = live !== null;
  const liveKnown = useRef(-1);
  if (live && liveKnown.current === -1) liveKnown.current = live.events.known;
  useEffect(() => {
    if (typeof EventSource === 'undefined' || !connected) return;
    const source = new EventSource(api.streamUrl(id), { withCredentials: false });
    let known = liveKnown.current;
    source.addEventListener('status', (message) => {
      const next = JSON.parse((message as MessageEvent<string>).data) as Status;
      setLive(next);
      // A message comes on connecting and whenever the ledger changes: the events are read again on a change.
      if (next.events.known !== known) setLedgerVersion((v) => v + 1);
      known = next.events.known;
    });
    return () => source.close();
  }, [api, id, connected]);

  const timeZone = live?.agreement.timeZone ?? 'UTC';
  const days = useMemo(() => {
    if (!live) return [];
    const range = replayRange(live);
    const today = dayIn(new Date(), timeZone);
    if (!range) return daysBetween(today, today);
    return daysBetween(range.first, [range.last, today].sort()[0]!);
  }, [live, timeZone]);

  const request = useRef<AbortController | null>(null);
  useEffect(() => {
    if (!live) return;
    const search = new URLSearchParams();
    if (replay.day) search.set('asOf', replay.day);
    if (replay.knownThen) search.set('knownThen', '1');
    else if (replay.knownDay) search.set('knownAt', replay.knownDay);
    if (replay.evidence !== 'best-graded') search.set('evidence', replay.evidence);
    replaceParams(search);
    if (
      replay.day === null &&
      !replay.knownThen &&
      replay.knownDay === null &&
      replay.evidence === 'best-graded'
    ) {
      setStatus(live);
      return;
    }
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    api.status(id, statusQuery(replay, timeZone), controller.signal).then(
      (s) => {
        if (!controller.signal.aborted) setStatus(s);
      },
      (e) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
  }, [api, id, live, replay, timeZone]);

  if (error && !status) return html`<${ErrorNote} error=${error} />`;
  if (!status) return html`<p aria-live="polite">Loading the status of ${id}…</p>`;
  const canWrite = !publicView && (session?.role === 'editor' || session?.role === 'admin');
  return html`<article class="agreement" data-testid="agreement" data-ledger-version=${ledgerVersion}>
    <header class="agreement-head">
      <h1>${status.agreement.title}</h1>
      <p class="meta">
        <code>${status.agreement.id}</code> · version ${status.agreement.version} · ${status.agreement.status}
        ${publicView ? ' · public view' : null}
        · <a href=${projectionHref(id, publicView)} data-testid="projection-link">Projection: where is this heading?</a>
      </p>
    </header>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    <${StatusHeader} status=${status} />
    <${AsOfSlider} days=${days} state=${replay} onChange=${setReplay} />
    <${PhaseTimeline} status=${status} />
    <${ObligationsTable} status=${status} api=${api} query=${statusQuery(replay, timeZone)} />
    <${Suspense} fallback=${html`<p>Loading charts…</p>`}><${Charts} status=${status} /></${Suspense}>
    <${Discrepancies} status=${status} />
    <${EventsTable} api=${api} id=${id} version=${ledgerVersion} />
    ${
      canWrite
        ? html`<p><a href=${reviewHref(id)} data-testid="review-link">Review a news report into this ledger</a></p>
          <${RecordEventForm} api=${api} status=${status} csrf=${session?.csrf ?? null} />`
        : publicView
          ? null
          : html`<p class="meta" data-testid="read-only">You can read this agreement; recording events needs the editor role.</p>`
    }
  </article>`;
}
