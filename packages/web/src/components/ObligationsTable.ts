import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api, StatusQuery } from '../api.ts';
import { html } from '../html.ts';
import { formatCount, formatRatio } from '../labels.ts';
import { formatTime } from '../time.ts';
import type { Explanation, ObligationStatus, Status } from '../types.ts';
import { Badge } from './Badge.ts';
import { ErrorNote } from './ErrorNote.ts';

/** Every obligation: its state in words, how far along it is, and a button that opens its drawer. */
export function ObligationsTable({ status, api, query }: { status: Status; api: Api; query: StatusQuery }) {
  const [open, setOpen] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const obligation = status.obligations.find((o) => o.id === open);
  return html`<section aria-labelledby="obligations-title">
    <h2 id="obligations-title">Obligations</h2>
    <div class="table-wrap">
      <table data-testid="obligations">
        <thead>
          <tr>
            <th scope="col">Obligation</th><th scope="col">Party</th><th scope="col">State</th>
            <th scope="col" class="num">Delivered / due</th><th scope="col">Progress</th>
            <th scope="col">Next deadline</th>
          </tr>
        </thead>
        <tbody>
          ${status.obligations.map(
            (o) => html`<tr data-obligation=${o.id}>
              <th scope="row">
                <button type="button" class="link" aria-haspopup="dialog"
                  onClick=${(e: Event) => {
                    opener.current = e.currentTarget as HTMLElement;
                    setOpen(o.id);
                  }}>${o.id}</button>
                <div class="meta">${o.kind}</div>
              </th>
              <td>${o.party}</td>
              <td><${Badge} state=${o.state} /><div class="meta">${o.reason}</div></td>
              <td class="num">${formatCount(o.delivered)} / ${formatCount(o.due)}</td>
              <td>${progress(o)}</td>
              <td>${formatTime(o.nextDeadline)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      obligation
        ? html`<${ObligationDrawer} obligation=${obligation} api=${api} agreement=${status.agreement.id} query=${query}
          onClose=${() => {
            setOpen(null);
            opener.current?.focus();
          }} />`
        : null
    }
  </section>`;
}

function progress(o: ObligationStatus) {
  if (o.ratio === null || o.due === null) return html`<span class="meta">no figure</span>`;
  if (o.kind === 'reciprocal-release') return html`<span>${formatRatio(o.ratio, o.kind)}</span>`;
  const value = Math.min(1, o.ratio);
  return html`<progress max="1" value=${value} aria-label=${`${o.id}: ${formatRatio(o.ratio, o.kind)}`}></progress>
    <span> ${formatRatio(o.ratio, o.kind)}</span>`;
}

/** The drawer: the clause as written, the events counted and left out, and the arithmetic from explain. */
function ObligationDrawer({
  obligation,
  api,
  agreement,
  query,
  onClose,
}: {
  obligation: ObligationStatus;
  api: Api;
  agreement: string;
  query: StatusQuery;
  onClose: () => void;
}) {
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    api.explain(agreement, obligation.id, query).then(setExplanation, setError);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [api, agreement, obligation.id, query.asOf, query.knownAt, query.evidence]);
  const o = obligation;
  return html`<aside class="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="drawer">
    <div class="drawer-head">
      <h2 id="drawer-title">${o.id}</h2>
      <button type="button" ref=${close} onClick=${onClose}>Close</button>
    </div>
    <p><${Badge} state=${o.state} /> ${o.reason}</p>
    <h3>Clause</h3>
    <blockquote>${o.clause.text}</blockquote>
    <p class="meta">${o.clause.ref}</p>
    <dl>
      <dt>Due</dt><dd>${formatCount(o.due)}</dd>
      <dt>Delivered</dt>
      <dd>${formatCount(o.delivered)}${o.deliveredRange ? ` (between ${o.deliveredRange.low} and ${o.deliveredRange.high})` : ''}</dd>
      <dt>Remaining</dt><dd>${formatCount(o.remaining)}</dd>
      <dt>Next deadline</dt><dd>${formatTime(o.nextDeadline)}</dd>
    </dl>
    <h3>Arithmetic</h3>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    <ol data-testid="arithmetic">
      ${(explanation?.explanation ?? o.arithmetic).map((line) => html`<li>${line}</li>`)}
    </ol>
    <h3>Events counted (${o.counted.length})</h3>
    ${
      o.counted.length === 0
        ? html`<p>None.</p>`
        : html`<ul>${o.counted.map((c) => html`<li><code>${c.id}</code> · ${formatTime(c.at)} · ${formatCount(c.amount)}${c.note ? ` · ${c.note}` : ''}</li>`)}</ul>`
    }
    <h3>Events left out (${o.excluded.length})</h3>
    ${
      o.excluded.length === 0
        ? html`<p>None.</p>`
        : html`<ul>${o.excluded.map((c) => html`<li><code>${c.id}</code>: ${c.reason}</li>`)}</ul>`
    }
    ${
      o.periods && o.periods.length > 0
        ? html`<h3>Periods</h3>
          <div class="table-wrap"><table>
            <thead><tr><th>#</th><th>From</th><th>To</th><th class="num">Due</th><th class="num">Delivered</th><th>State</th></tr></thead>
            <tbody>${o.periods.map(
              (p) => html`<tr><td>${p.index}</td><td>${formatTime(p.start)}</td><td>${formatTime(p.end)}</td>
                <td class="num">${formatCount(p.due)}</td><td class="num">${formatCount(p.delivered)}</td>
                <td><${Badge} state=${p.state} />${p.note ? html`<div class="meta">${p.note}</div>` : null}</td></tr>`,
            )}</tbody>
          </table></div>`
        : null
    }
  </aside>`;
}
