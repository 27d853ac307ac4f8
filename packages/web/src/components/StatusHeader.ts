import { html } from '../html.ts';
import { formatCount } from '../labels.ts';
import { currentPhase, missedDeadlines, nextDeadline } from '../stand.ts';
import { formatSpan, formatTime } from '../time.ts';
import type { Status } from '../types.ts';
import { Badge } from './Badge.ts';

/** The answer to "where does it stand?": the phase and its day, the next deadline, and who has come home. */
export function StatusHeader({ status }: { status: Status }) {
  const phase = currentPhase(status);
  const next = nextDeadline(status);
  const missed = missedDeadlines(status);
  const asOf = Date.parse(status.asOf);
  return html`<section class="stand" aria-labelledby="stand-title" data-testid="status-header">
    <h2 id="stand-title" class="visually-hidden">Where it stands</h2>
    <dl class="stand-grid">
      <div class="stand-item" data-testid="phase">
        <dt>Phase</dt>
        <dd>
          ${phase ? html`<strong>${phase.name}</strong> <${Badge} state=${phase.state} />` : 'No phases'}
          ${
            phase?.state === 'running' && phase.day !== null
              ? html`<div class="big" data-testid="day">Day ${phase.day}${phase.days !== null ? ` of ${phase.days}` : ''}</div>`
              : phase?.actualEnd
                ? html`<div>ended ${formatTime(phase.actualEnd)}${phase.endReason ? ` (${phase.endReason})` : ''}</div>`
                : phase?.plannedStart
                  ? html`<div>starts ${formatTime(phase.plannedStart)}</div>`
                  : null
          }
        </dd>
      </div>
      <div class="stand-item" data-testid="next-deadline">
        <dt>Next deadline</dt>
        <dd>
          ${
            next
              ? html`<div class="big">in ${formatSpan(Date.parse(next.at) - asOf)}</div>
                <div>${formatTime(next.at)} · <code>${next.what}</code></div>`
              : html`<div>none scheduled</div>`
          }
          ${
            missed.length > 0
              ? html`<div class="warn">${missed.length} obligation${missed.length === 1 ? '' : 's'} behind:
                ${missed.map((o, i) => html`${i > 0 ? ', ' : ''}<code>${o.id}</code>`)}</div>`
              : null
          }
        </dd>
      </div>
      ${status.released.map(
        (r) => html`<div class="stand-item" data-testid="released" data-party=${r.party}>
          <dt>People released by ${r.party}</dt>
          <dd>
            <div class="big" data-testid="released-total">${formatCount(r.total)}</div>
            <div>
              <span data-testid="released-in">${formatCount(r.inFramework)}</span>${' under the agreement, '}<span
                data-testid="released-out"
                >${formatCount(r.outsideFramework)}</span
              >${' outside it'}
            </div>
          </dd>
        </div>`,
      )}
    </dl>
    <p class="as-of-line" data-testid="as-of-line">
      ${[
        `As of ${formatTime(status.asOf)} (${status.agreement.timeZone})`,
        status.knownAt ? `as known at ${formatTime(status.knownAt)}` : 'everything recorded so far',
        `evidence: ${status.evidence}`,
        `${formatCount(status.events.counted)} of ${formatCount(status.events.known)} recorded events count`,
        status.nextChange ? `next change ${formatTime(status.nextChange.at)}: ${status.nextChange.what}` : '',
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  </section>`;
}
