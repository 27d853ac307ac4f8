import { html } from '../html.ts';
import { formatTime } from '../time.ts';
import type { Status } from '../types.ts';
import { Badge } from './Badge.ts';

/** Each phase planned against actual, with every extension and why it was agreed, in words. */
export function PhaseTimeline({ status }: { status: Status }) {
  return html`<section aria-labelledby="timeline-title" data-testid="timeline">
    <h2 id="timeline-title">Phases: planned and actual</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr><th scope="col">Phase</th><th scope="col">State</th><th scope="col">Planned</th>
            <th scope="col">Actual</th><th scope="col">Extensions</th></tr>
        </thead>
        <tbody>
          ${status.phases.map(
            (p) => html`<tr>
              <th scope="row">${p.name}<div class="meta">${p.days !== null ? `${p.days} days` : 'no set length'}${p.day !== null ? `, day ${p.day}` : ''}</div></th>
              <td><${Badge} state=${p.state} />${p.endReason ? html`<div class="meta">${p.endReason}</div>` : null}</td>
              <td>${formatTime(p.plannedStart)} → ${formatTime(p.plannedEnd)}</td>
              <td>${formatTime(p.actualStart)} → ${p.actualEnd ? formatTime(p.actualEnd) : p.scheduledEnd ? `${formatTime(p.scheduledEnd)} (scheduled)` : '—'}</td>
              <td>
                ${
                  p.extensions.length === 0
                    ? 'none'
                    : html`<ul>${p.extensions.map(
                        (x) =>
                          html`<li>+${x.by.replace(/^P(T?)/, '')} agreed ${formatTime(x.agreedAt)}: ${x.cause} (<code>${x.eventId}</code>)</li>`,
                      )}</ul>`
                }
                ${p.eligibility ? html`<div class="meta">${p.eligibility.explanation}</div>` : null}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
