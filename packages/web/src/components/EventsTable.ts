import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { html } from '../html.ts';
import type { LedgerEntry } from '../types.ts';
import { ErrorNote } from './ErrorNote.ts';

/** Events fetched per page. */
const PAGE = 500;

type Source = string | { outlet: string; url?: string; reliability?: string; credibility?: number };

const occurredText = (o: unknown): string => {
  if (typeof o === 'string') return o;
  if (o && typeof o === 'object') {
    const r = o as { at?: string; from?: string; to?: string };
    return r.at ?? `${r.from} – ${r.to}`;
  }
  return '';
};

const figure = (e: Record<string, unknown>): string => {
  if (Array.isArray(e.released))
    return (e.released as { cohort: string; count: number | { best: number } }[])
      .map((r) => `${typeof r.count === 'number' ? r.count : r.count.best} ${r.cohort}`)
      .join(', ');
  if (e.quantity !== undefined) {
    const q = e.quantity as number | { best: number };
    return `${typeof q === 'number' ? q : q.best} ${String(e.item ?? '')}`;
  }
  return '';
};

/** The ledger: every event with its sources, grades and status, filtered by type, status and text. */
export function EventsTable({ api, id, version }: { api: Api; id: string; version: number }) {
  const [events, setEvents] = useState<LedgerEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [type, setType] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [text, setText] = useState('');
  const [next, setNext] = useState<number | null>(null);
  const [pages, setPages] = useState(1);
  // The ledger a page at a time (a ledger can hold a million events): more on request, all again on a change.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: LedgerEntry[] = [];
      let cursor: number | null = 0;
      for (let i = 0; i < pages && cursor !== null; i++) {
        const page: { events: LedgerEntry[]; next: number | null } = await api.events(id, {
          cursor,
          limit: PAGE,
        });
        all.push(...page.events);
        cursor = page.next;
      }
      if (!cancelled) {
        setEvents(all);
        setNext(cursor);
      }
    })().catch(setError);
    return () => {
      cancelled = true;
    };
  }, [api, id, version, pages]);
  if (error) return html`<${ErrorNote} error=${error} />`;
  if (!events) return html`<p>Loading events…</p>`;
  const types = [...new Set(events.map((e) => e.event.type))].sort();
  const needle = text.trim().toLowerCase();
  const shown = events.filter(
    ({ event }) =>
      (!type || event.type === type) &&
      (!statusFilter || (event.status ?? 'reported') === statusFilter) &&
      (!needle || JSON.stringify(event).toLowerCase().includes(needle)),
  );
  return html`<section aria-labelledby="events-title" data-testid="events">
    <h2 id="events-title">Events (${shown.length} of ${events.length}${next !== null ? ' loaded so far' : ''})</h2>
    <div class="filters" role="search">
      <label>Type <select value=${type} onChange=${(e: Event) => setType((e.target as HTMLSelectElement).value)}>
        <option value="">all</option>${types.map((t) => html`<option value=${t}>${t}</option>`)}
      </select></label>
      <label>Status <select value=${statusFilter} onChange=${(e: Event) => setStatusFilter((e.target as HTMLSelectElement).value)}>
        <option value="">all</option>
        ${['reported', 'corroborated', 'confirmed', 'disputed', 'retracted'].map((s) => html`<option value=${s}>${s}</option>`)}
      </select></label>
      <label>Contains <input type="search" value=${text} onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} /></label>
    </div>
    <div class="table-wrap">
      <table>
        <thead><tr><th scope="col">#</th><th scope="col">Event</th><th scope="col">Occurred</th><th scope="col">Party</th>
          <th scope="col">Figure</th><th scope="col">Status</th><th scope="col">Sources (grade)</th></tr></thead>
        <tbody>
          ${shown.map(({ seq, event }) => {
            const e = event as Record<string, unknown>;
            const sources = (e.sources as Source[] | undefined) ?? [];
            return html`<tr data-event=${event.id}>
              <td>${seq}</td>
              <td><code>${event.id}</code><div class="meta">${event.type}${e.outsideFramework ? ' · outside the framework' : ''}</div></td>
              <td>${occurredText(e.occurred)}</td>
              <td>${String(e.party ?? '')}</td>
              <td>${figure(e)}</td>
              <td>${String(e.status ?? 'reported')}</td>
              <td>${sources.map((s, i) =>
                typeof s === 'string'
                  ? html`${i > 0 ? '; ' : ''}<code>${s}</code>`
                  : html`${i > 0 ? '; ' : ''}${s.url ? html`<a href=${s.url} rel="noopener noreferrer">${s.outlet}</a>` : s.outlet}${s.reliability || s.credibility ? ` (${s.reliability ?? '?'}${s.credibility ?? '?'})` : ''}`,
              )}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${next !== null ? html`<button type="button" onClick=${() => setPages((p) => p + 1)}>Load ${PAGE} more events</button>` : null}
  </section>`;
}
