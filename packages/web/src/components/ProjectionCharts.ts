import * as Plot from '@observablehq/plot';
import { html } from '../html.ts';
import { formatTime } from '../time.ts';
import type { Projection } from '../types.ts';
import { PlotFigure } from './PlotFigure.ts';
import { figure, percent } from './ProjectionSummary.ts';

type FanDay = Projection['fan']['cohorts'][number]['days'][number];

/** Whole numbers only on an axis of days (a one-day span would otherwise be ticked in tenths). */
const wholeDays = (d: number) => (Number.isInteger(d) ? String(d) : '');

/** Text labels at the right end of each band edge, so the bands are read by their names, not by shade. */
const edgeLabels = (last: FanDay | undefined) =>
  last
    ? Plot.text(
        (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((k) => ({ day: last.day, value: last[k], k })),
        { x: 'day', y: 'value', text: 'k', dx: 14, textAnchor: 'start' },
      )
    : null;

/**
 * One projection as charts, each with its figures also written in its caption: a histogram of the
 * pause length, a fan chart of people released by cohort by day (bands p5–p95 and p25–p75, the
 * median as a line, each edge labelled), and each phase's chance of being reached.
 */
export function ProjectionCharts({ p }: { p: Projection }) {
  const L = p.pauseLength;
  return html`<div class="charts" data-testid="projection-charts" data-agreement=${p.agreement.id}>
    <figure>
      <h3>Pause length: runs by whole days</h3>
      <${PlotFigure}
        label=${`pause length histogram for ${p.agreement.id}: median ${L.p50} days, p5 ${L.p5}, p95 ${L.p95}`}
        data=${L.histogram}
        make=${(width: number) =>
          Plot.plot({
            width,
            height: 220,
            marginLeft: 56,
            x: { label: 'days the phases ran', grid: false, tickFormat: wholeDays },
            y: { label: 'runs', grid: true },
            marks: [
              Plot.rectY(L.histogram, {
                x1: 'days',
                x2: (d: { days: number }) => d.days + 1,
                y: 'runs',
                fill: 'currentColor',
                fillOpacity: 0.3,
                stroke: 'currentColor',
                inset: 0.5,
              }),
              Plot.ruleX([L.p50], { strokeDasharray: '5 3', strokeWidth: 2 }),
              Plot.text([L.p50], {
                x: (d: number) => d,
                frameAnchor: 'top',
                text: () => 'median',
                dy: -4,
                dx: 4,
                textAnchor: 'start',
              }),
              Plot.ruleY([0]),
            ],
          })}
      />
      <figcaption>${`Dashed line: the median, ${figure(L.p50)} days. p5 ${figure(L.p5)}, p95 ${figure(L.p95)}; ${percent(L.censored)} of runs still running at the ${p.horizonDays}-day horizon.`}</figcaption>
    </figure>
    ${p.fan.cohorts.map((c) => {
      const last = c.days.at(-1);
      return html`<figure data-cohort=${c.cohort}>
        <h3>People released by day: <code>${c.cohort}</code> (${c.heldBy})</h3>
        <${PlotFigure}
          label=${`fan chart of ${c.cohort} released by day${last ? `: by ${formatTime(last.at)}, median ${last.p50}, p5 ${last.p5}, p95 ${last.p95}` : ''}`}
          data=${c.days}
          make=${(width: number) =>
            Plot.plot({
              width,
              height: 220,
              marginLeft: 56,
              marginRight: 40,
              x: { label: 'days after the start', grid: true, tickFormat: wholeDays },
              y: { label: 'people', grid: true, domain: [0, Math.max(1, ...c.days.map((d) => d.p95))] },
              marks: [
                Plot.areaY(c.days, {
                  x: 'day',
                  y1: 'p5',
                  y2: 'p95',
                  fill: 'currentColor',
                  fillOpacity: 0.12,
                  curve: 'step-before',
                }),
                Plot.areaY(c.days, {
                  x: 'day',
                  y1: 'p25',
                  y2: 'p75',
                  fill: 'currentColor',
                  fillOpacity: 0.3,
                  curve: 'step-before',
                }),
                Plot.lineY(c.days, { x: 'day', y: 'p5', strokeDasharray: '2 3', curve: 'step-before' }),
                Plot.lineY(c.days, { x: 'day', y: 'p95', strokeDasharray: '2 3', curve: 'step-before' }),
                Plot.lineY(c.days, { x: 'day', y: 'p50', strokeWidth: 2.5, curve: 'step-before' }),
                edgeLabels(last),
                Plot.ruleY([0]),
              ],
            })}
        />
        <figcaption>${`Light band: p5–p95 (dotted edges); dark band: p25–p75; thick line: the median; over the first ${p.fan.runs.toLocaleString('en-GB')} runs.`}
          ${last ? ` By day ${last.day} (${formatTime(last.at)}): median ${figure(last.p50)}, p5 ${figure(last.p5)}, p95 ${figure(last.p95)}.` : ''}</figcaption>
      </figure>`;
    })}
    <figure>
      <h3>Chance of reaching each phase</h3>
      <${PlotFigure}
        label=${`chance of reaching each phase: ${p.phases.map((ph) => `${ph.id} ${percent(ph.reached)}`).join(', ')}`}
        data=${p.phases.map((ph) => [ph.id, ph.reached])}
        make=${(width: number) =>
          Plot.plot({
            width,
            height: 50 + 36 * p.phases.length,
            marginLeft: 120,
            marginRight: 56,
            x: { label: 'share of runs', percent: true, domain: [0, 100], grid: true },
            y: { label: null },
            marks: [
              Plot.barX(p.phases, {
                y: 'id',
                x: 'reached',
                fill: 'currentColor',
                fillOpacity: 0.3,
                stroke: 'currentColor',
              }),
              Plot.text(p.phases, {
                y: 'id',
                x: 'reached',
                text: (ph: { reached: number }) => percent(ph.reached),
                dx: 6,
                textAnchor: 'start',
              }),
            ],
          })}
      />
      <figcaption>${p.phases.map((ph) => `${ph.name}: ${percent(ph.reached)}`).join('; ')}.</figcaption>
    </figure>
  </div>`;
}
