import type { Candidate, Proposal } from '@truce/extract';
import { describeWhen, segmentsOf, spansOf } from '@truce/extract/browser';
import type { Decision, ReviewOutcome } from '../extraction.ts';
import { html } from '../html.ts';
import { MarkedText } from './MarkedText.ts';

const ACTIONS: readonly Decision['action'][] = ['skip', 'accept', 'edit', 'reject'];

function quantityText(c: Candidate): string | null {
  const q = c.quantity;
  if (!q) return null;
  const figure = q.qualifier === 'range' ? `${q.min} to ${q.max}` : String(q.value);
  return `${figure} (${q.qualifier}${q.unit ? `, ${q.unit}` : ''}) — “${q.span.text}”`;
}

/** The candidate's fields in words: kind, when, quantity, cohort, modality, attribution, actors. */
function CandidateFields({ c }: { c: Candidate }) {
  const row = (name: string, value: string | null) =>
    value ? html`<div><dt>${name}</dt><dd>${value}</dd></div>` : null;
  const sources = c.attribution.sources.map((s) => s.span.text);
  return html`<dl class="candidate-fields">
    ${row('Kind', c.kind)}
    ${row('When', c.when ? `${describeWhen(c.when)} — “${c.when.span.text}”` : 'not given')}
    ${row('Quantity', quantityText(c) ?? 'not given')}
    ${row('Cohort', c.cohorts.length ? [...new Set(c.cohorts.map((x) => x.cohort))].join(', ') : 'not given')}
    ${row('Modality', `${c.modality}${c.modalityCue ? ` (“${c.modalityCue.text}”)` : ''}`)}
    ${row('Attribution', [c.attribution.outlet, ...sources].filter(Boolean).join('; ') || 'none')}
    ${row('Actors', c.actors.map((a) => (a.role === 'party' ? a.name : `${a.name} (${a.role})`)).join(', '))}
  </dl>`;
}

function actionLabel(action: Decision['action'], proposal: Proposal | undefined): string {
  if (action === 'accept' && proposal && !proposal.ok) return 'Accept as a statement';
  return { skip: 'Skip', accept: 'Accept', edit: 'Edit', reject: 'Reject' }[action];
}

function outcomeText(o: ReviewOutcome): string {
  if (o.action === 'recorded') return `Recorded as event ${o.seq} (${o.id}, ${o.type}).`;
  if (o.action === 'already recorded') return `Already recorded: event ${o.seq} (${o.id}).`;
  return o.action === 'rejected' ? 'Rejected.' : 'Skipped.';
}

/** One candidate: its sentence with the spans marked, its fields, the proposed event, and the decision on it. */
export function CandidateReview({
  n,
  candidate: c,
  text,
  proposal,
  decision,
  onChange,
  outcome,
  problems,
  canRecord,
}: {
  n: number;
  candidate: Candidate;
  text: string;
  proposal: Proposal | undefined;
  decision: Decision;
  onChange: (d: Decision) => void;
  outcome: ReviewOutcome | undefined;
  problems: readonly string[];
  canRecord: boolean;
}) {
  const fields = Object.entries(decision.fields);
  const setField = (key: string, value: string) =>
    onChange({ action: 'edit', fields: { ...decision.fields, [key]: value } });
  return html`<li class="candidate" data-testid="candidate" data-candidate=${n} data-kind=${c.kind}
      aria-labelledby=${`cand-${n}`}>
    <h3 id=${`cand-${n}`}>${n}. ${c.kind.replace(/-/g, ' ')} <span class="meta">· ${c.modality}</span></h3>
    <p class="candidate-text"><${MarkedText} segments=${segmentsOf(text, c.span, spansOf(c))} /></p>
    <${CandidateFields} c=${c} />
    ${
      proposal && !proposal.ok
        ? html`<p class="meta">Not a ledger event: ${proposal.reason}. Accepting records it as a statement.</p>`
        : proposal?.missing.length
          ? html`<p class="meta">The report does not give its ${proposal.missing.join(', ')}: edit to give ${proposal.missing.length === 1 ? 'it' : 'them'}.</p>`
          : null
    }
    ${
      canRecord
        ? html`<fieldset class="decision">
            <legend>Decision on candidate ${n}</legend>
            ${ACTIONS.map(
              (a) => html`<label class="choice"><input type="radio" name=${`decision-${n}`} value=${a}
                checked=${decision.action === a} onChange=${() => onChange({ ...decision, action: a })} />
                ${actionLabel(a, proposal)}</label>`,
            )}
          </fieldset>
          ${
            fields.length > 0
              ? html`<fieldset class="proposed">
                  <legend>Proposed event (editing a field chooses Edit)</legend>
                  ${fields.map(
                    ([key, value]) => html`<label>${key}
                      <input name=${`${key}-${n}`} value=${value}
                        aria-invalid=${problems.some((p) => p.includes(` ${key}:`)) ? 'true' : undefined}
                        onInput=${(e: Event) => setField(key, (e.target as HTMLInputElement).value)} /></label>`,
                  )}
                </fieldset>`
              : null
          }`
        : fields.length > 0
          ? html`<p class="meta">Proposed event: ${fields.map(([k, v]) => `${k} ${v || '(not given)'}`).join(' · ')}</p>`
          : null
    }
    ${outcome && outcome.action !== 'skipped' ? html`<p role="status" class="outcome" data-testid="outcome">${outcomeText(outcome)}</p>` : null}
    ${
      problems.length > 0
        ? html`<ul class="field-error" role="alert" data-testid="candidate-problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>`
        : null
    }
  </li>`;
}
