import { html } from '../html.ts';
import { formatTime } from '../time.ts';
import type { Projection, Spread } from '../types.ts';

/** A share of runs as a percentage, to a tenth. */
export const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
/** A figure as the server gives it (four decimals at most), shown to two. */
export const figure = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-GB') : (Math.round(n * 100) / 100).toLocaleString('en-GB');

const STATS = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const;

/** The cells of a spread; each carries its exact value (data-value) beside the figure shown. */
const spreadCells = (s: Spread) =>
  STATS.map((k) => html`<td class="num" data-stat=${k} data-value=${s[k]}>${figure(s[k])}</td>`);
const spreadHead = STATS.map((k) => html`<th scope="col" class="num">${k === 'mean' ? 'mean' : k}</th>`);

/**
 * One projection in tables: the pause length with its percentiles, each phase's chance of being
 * reached, people released by cohort by a date, and each release deadline met or missed.
 */
export function ProjectionSummary({ p }: { p: Projection }) {
  const L = p.pauseLength;
  return html`<div class="projection-summary" data-testid="projection-summary" data-agreement=${p.agreement.id}>
    <p class="meta" data-testid="projection-meta">
      ${p.runs.toLocaleString('en-GB')} runs, seed ${p.seed}, from ${formatTime(p.asOf)}, horizon ${p.horizonDays} days
    </p>
    <h3>Pause length (days the phases ran)</h3>
    <div class="table-wrap"><table data-testid="pause-length">
      <thead><tr>${spreadHead}<th scope="col" class="num">min</th><th scope="col" class="num">max</th><th scope="col" class="num">still running at horizon</th></tr></thead>
      <tbody><tr>${spreadCells(L)}
        <td class="num" data-stat="min" data-value=${L.min}>${figure(L.min)}</td>
        <td class="num" data-stat="max" data-value=${L.max}>${figure(L.max)}</td>
        <td class="num" data-stat="censored" data-value=${L.censored}>${percent(L.censored)}</td></tr></tbody>
    </table></div>
    <h3>Chance of reaching each phase</h3>
    <div class="table-wrap"><table data-testid="phases-reached">
      <thead><tr><th scope="col">phase</th><th scope="col" class="num">reached</th><th scope="col" class="num">ended</th>
        <th scope="col" class="num">collapsed</th><th scope="col" class="num">running at horizon</th><th scope="col" class="num">extension days p50</th></tr></thead>
      <tbody>${p.phases.map(
        (ph) => html`<tr data-phase=${ph.id}><th scope="row">${ph.name} <code>${ph.id}</code></th>
          <td class="num" data-stat="reached" data-value=${ph.reached}>${percent(ph.reached)}</td>
          <td class="num" data-stat="ended" data-value=${ph.ended}>${percent(ph.ended)}</td>
          <td class="num" data-stat="collapsed" data-value=${ph.collapsed}>${percent(ph.collapsed)}</td>
          <td class="num" data-stat="runningAtHorizon" data-value=${ph.runningAtHorizon}>${percent(ph.runningAtHorizon)}</td>
          <td class="num">${figure(ph.extendedDays.p50)}</td></tr>`,
      )}</tbody>
    </table></div>
    <h3>People released after the start, by cohort${p.released[0] ? `, by ${formatTime(p.released[0].by)}` : ''}</h3>
    ${
      p.released.length === 0
        ? html`<p>No cohort releases anyone under these assumptions.</p>`
        : html`<div class="table-wrap"><table data-testid="released">
          <thead><tr><th scope="col">cohort (held by)</th>${spreadHead}</tr></thead>
          <tbody>${p.released.map(
            (r) =>
              html`<tr data-cohort=${r.cohort}><th scope="row"><code>${r.cohort}</code> (${r.heldBy})</th>${spreadCells(r)}</tr>`,
          )}</tbody>
        </table></div>`
    }
    ${
      p.deadlines.length === 0
        ? null
        : html`<h3>Release deadlines</h3>
        <div class="table-wrap"><table data-testid="deadlines">
          <thead><tr><th scope="col">obligation</th><th scope="col" class="num">count</th><th scope="col" class="num">met</th>
            <th scope="col" class="num">missed</th><th scope="col" class="num">not reached</th><th scope="col">when missed (p50)</th></tr></thead>
          <tbody>${p.deadlines.map(
            (d) => html`<tr data-obligation=${d.obligation}><th scope="row"><code>${d.obligation}</code></th>
              <td class="num">${figure(d.count)}</td>
              <td class="num" data-stat="met" data-value=${d.met}>${percent(d.met)}</td>
              <td class="num" data-stat="missed" data-value=${d.missed}>${percent(d.missed)}</td>
              <td class="num" data-stat="notReached" data-value=${d.notReached}>${percent(d.notReached)}</td>
              <td>${d.missedAt ? formatTime(d.missedAt.p50) : '—'}</td></tr>`,
          )}</tbody>
        </table></div>`
    }
  </div>`;
}

/** Proposals side by side: the headline figures of each, one column per agreement. */
export function ComparisonTable({ proposals }: { proposals: readonly Projection[] }) {
  const phaseIds = [...new Set(proposals.flatMap((p) => p.phases.map((ph) => ph.id)))];
  const cohortIds = [...new Set(proposals.flatMap((p) => p.released.map((r) => r.cohort)))];
  const row = (label: string, cell: (p: Projection) => string) =>
    html`<tr><th scope="row">${label}</th>${proposals.map((p) => html`<td class="num">${cell(p)}</td>`)}</tr>`;
  return html`<div class="table-wrap"><table data-testid="comparison">
    <caption>Side by side, under the same assumptions and seed</caption>
    <thead><tr><th scope="col">figure</th>${proposals.map((p) => html`<th scope="col" class="num"><code>${p.agreement.id}</code></th>`)}</tr></thead>
    <tbody>
      ${row('pause length p50 (days)', (p) => figure(p.pauseLength.p50))}
      ${row('pause length p5–p95 (days)', (p) => `${figure(p.pauseLength.p5)}–${figure(p.pauseLength.p95)}`)}
      ${row('pause length mean (days)', (p) => figure(p.pauseLength.mean))}
      ${phaseIds.map((id) =>
        row(`reaches ${id}`, (p) => {
          const ph = p.phases.find((x) => x.id === id);
          return ph ? percent(ph.reached) : '—';
        }),
      )}
      ${cohortIds.map((id) =>
        row(`${id} released p50`, (p) => {
          const r = p.released.find((x) => x.cohort === id);
          return r ? figure(r.p50) : '—';
        }),
      )}
    </tbody>
  </table></div>`;
}
