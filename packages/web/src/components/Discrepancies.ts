import { html } from '../html.ts';
import { formatCount } from '../labels.ts';
import type { Status } from '../types.ts';

/** Where reports disagree: every report with its figure, status, grade and sources, and which was used and why. */
export function Discrepancies({ status }: { status: Status }) {
  return html`<section aria-labelledby="discrepancies-title" data-testid="discrepancies">
    <h2 id="discrepancies-title">Discrepancies (${status.discrepancies.length})</h2>
    ${
      status.discrepancies.length === 0
        ? html`<p>No reports disagree as of this moment.</p>`
        : html`<ul class="cards">
          ${status.discrepancies.map(
            (d) => html`<li class="card">
              <h3>${d.description}</h3>
              <p class="meta"><code>${d.fact}</code> · ${d.kind === 'claim-vs-ledger' ? 'a claim against the ledger' : 'conflicting reports'}</p>
              <ul>
                ${d.reports.map(
                  (r) => html`<li>
                    ${r.eventId === d.used.eventId ? html`<strong>used: </strong>` : null}<code>${r.eventId}</code>:
                    ${formatCount(r.figure)} · ${r.status} · grade ${r.grade ?? 'none'} ·
                    ${r.sources.map(
                      (s, i) =>
                        html`${i > 0 ? '; ' : ''}${s.url ? html`<a href=${s.url} rel="noopener noreferrer">${s.outlet}</a>` : s.outlet}${s.attribution ? ` (${s.attribution})` : ''}`,
                    )}
                  </li>`,
                )}
              </ul>
              <p>Figure used: <strong>${formatCount(d.used.figure)}</strong>. ${d.why}</p>
              ${d.explanation ? html`<p>${d.explanation}</p>` : null}
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
