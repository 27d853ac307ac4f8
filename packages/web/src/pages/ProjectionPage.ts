import { lazy, Suspense } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Api, ApiError } from '../api.ts';
import { AssumptionsForm } from '../components/AssumptionsForm.ts';
import { ErrorNote } from '../components/ErrorNote.ts';
import { ComparisonTable, ProjectionSummary } from '../components/ProjectionSummary.ts';
import { html } from '../html.ts';
import { EMPTY_FORM, FIELD, formOf, placeErrors, requestOf } from '../projection-form.ts';
import { agreementHref } from '../router.ts';
import type { AgreementDocument, AgreementSummary, Projection, ProjectionAnswer, Session } from '../types.ts';

// The charts bring Observable Plot: loaded after the form and the tables are shown.
const ProjectionCharts = lazy(() =>
  import('../components/ProjectionCharts.ts').then((m) => ({ default: m.ProjectionCharts })),
);

const projectionsOf = (a: ProjectionAnswer): Projection[] => ('proposals' in a ? a.proposals : [a]);

/** Phases that start on an event: the ones whose start the assumptions' delays set. */
const waitsForEvent = (start: Record<string, unknown> | undefined) =>
  start !== undefined && !('at' in start) && !('after' in start);

/**
 * An agreement's projection: the assumptions in use, editable, beside what the runs found — tables,
 * a histogram of the pause length, fan charts of releases by day, phases reached — and, with
 * another agreement chosen, both side by side.
 */
export function ProjectionPage({
  api,
  id,
  session,
  publicView,
}: {
  api: Api;
  id: string;
  session: Session | null;
  publicView: boolean;
}) {
  const [docs, setDocs] = useState<Record<string, AgreementDocument>>({});
  const [others, setOthers] = useState<AgreementSummary[]>([]);
  const [form, setForm] = useState(EMPTY_FORM);
  const [answer, setAnswer] = useState<ProjectionAnswer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  // Runs answered so far (a result or a refusal): lets a reader, or a test, tell one answer from the next.
  const [answered, setAnswered] = useState(0);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    api.agreement(id).then((d) => setDocs((all) => ({ ...all, [id]: d })), setFailure);
    api.agreements().then(
      (list) => setOthers(list.filter((a) => a.id !== id)),
      () => setOthers([]),
    );
  }, [api, id]);
  useEffect(() => {
    if (form.compare && !docs[form.compare])
      api.agreement(form.compare).then((d) => setDocs((all) => ({ ...all, [form.compare]: d })), setFailure);
  }, [api, form.compare, docs]);

  const chosen = [docs[id], form.compare ? docs[form.compare] : undefined].filter(
    (d): d is AgreementDocument => d !== undefined,
  );
  const cohorts = useMemo(() => {
    const seen = new Map<string, { id: string; name?: string | undefined }>();
    for (const d of chosen) for (const c of d.document.cohorts ?? []) if (!seen.has(c.id)) seen.set(c.id, c);
    return [...seen.values()];
  }, [chosen.map((d) => d.id).join()]);
  const eventPhases = useMemo(
    () => chosen.flatMap((d) => (d.document.phases ?? []).filter((p) => waitsForEvent(p.start))),
    [chosen.map((d) => d.id).join()],
  );

  const run = async (current = form) => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setRunning(true);
    setFailure(null);
    try {
      // A signed-in browser's POST carries the session's CSRF token; on a page opened directly the
      // session may not be known yet, so it is asked for.
      const csrf = api.anonymous ? null : (session?.csrf ?? (await api.session()).csrf);
      const result = await api.projection(id, requestOf(current), csrf, controller.signal);
      if (controller.signal.aborted) return;
      setAnswer(result);
      setForm(
        formOf(
          result.assumptions,
          current,
          cohorts.map((c) => c.id),
        ),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      setFailure(error);
      // The first field the server named takes the focus, so a keyboard user lands on what to correct.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.assumptions [aria-invalid="true"]')?.focus(),
      );
    } finally {
      if (request.current === controller) {
        setRunning(false);
        setAnswered((n) => n + 1);
      }
    }
  };
  // The first run, once the agreement (and so its cohorts) is known: the server's defaults.
  const loaded = docs[id] !== undefined;
  useEffect(() => {
    if (loaded) void run();
    return () => request.current?.abort();
  }, [loaded]);

  const keys = [
    ...Object.values(FIELD).flatMap((k) => (typeof k === 'string' ? [k] : [])),
    ...cohorts.map((c) => FIELD.release(c.id)),
    ...eventPhases.map((p) => FIELD.delay(p.id)),
  ];
  const placed =
    failure instanceof ApiError ? placeErrors(failure.errors, keys) : { byField: {}, elsewhere: [] };
  const results = answer ? projectionsOf(answer) : [];
  const title = docs[id]?.document.title ?? id;
  return html`<article class="projection" data-testid="projection" data-answered=${answered}>
    <header class="agreement-head">
      <h1>Projection: ${title}</h1>
      <p class="meta"><a href=${agreementHref(id, publicView)}>Back to where ${id} stands</a> ·
        seeded Monte Carlo runs forward under the assumptions below (see docs/projection.md)</p>
    </header>
    <div class="projection-layout">
      <section aria-labelledby="assumptions-title">
        <h2 id="assumptions-title">Assumptions</h2>
        <${AssumptionsForm} form=${form} onChange=${setForm} onSubmit=${() => run()} errors=${placed.byField}
          cohorts=${cohorts} eventPhases=${eventPhases} others=${others} running=${running} />
      </section>
      <section aria-labelledby="results-title" aria-busy=${running ? 'true' : 'false'}>
        <h2 id="results-title">What the runs found</h2>
        <p aria-live="polite" class="meta" data-testid="projection-state">${running ? 'Running…' : answer ? 'Done.' : ''}</p>
        ${failure ? html`<div data-testid="projection-error"><${ErrorNote} error=${failure} /></div>` : null}
        ${failure && answer ? html`<p class="warn" data-testid="stale">The figures below are from the last run that was answered, not from the assumptions in the form.</p>` : null}
        ${results.length > 1 ? html`<${ComparisonTable} proposals=${results} />` : null}
        <div class=${results.length > 1 ? 'side-by-side' : ''}>
          ${results.map(
            (p) => html`<div class="proposal">
              ${results.length > 1 ? html`<h3 class="proposal-title">${p.agreement.title} <code>${p.agreement.id}</code></h3>` : null}
              <${ProjectionSummary} p=${p} />
              <${Suspense} fallback=${html`<p>Loading charts…</p>`}><${ProjectionCharts} p=${p} /></${Suspense}>
            </div>`,
          )}
        </div>
      </section>
    </div>
  </article>`;
}
