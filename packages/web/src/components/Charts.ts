import * as Plot from '@observablehq/plot';
import { html } from '../html.ts';
import { formatCount, formatRatio } from '../labels.ts';
import type { ObligationStatus, Status } from '../types.ts';
import { PlotFigure } from './PlotFigure.ts';

const cumulative = (o: ObligationStatus) => {
  let sum = 0;
  return o.counted
    .filter((c) => c.amount !== null && !c.note)
    .map((c) => {
      sum += c.amount ?? 0;
      return { at: new Date(c.at), total: sum };
    });
};

/**
 * The figures as charts, each with its numbers also written out beside it (a chart alone is not
 * readable by everyone): cumulative releases against what is due, per release obligation, with the
 * ratio; daily bars of the per-period figures; aid delivered against promised.
 */
export function Charts({ status }: { status: Status }) {
  const releases = status.obligations.filter(
    (o) => (o.kind === 'release' || o.kind === 'reciprocal-release') && o.due !== null,
  );
  const periodic = status.obligations.filter((o) => (o.periods?.length ?? 0) > 0);
  const rates = status.obligations.filter((o) => o.kind === 'rate' && o.due !== null);
  if (releases.length + periodic.length + rates.length === 0) return null;
  return html`<section aria-labelledby="charts-title" data-testid="charts">
    <h2 id="charts-title">Charts</h2>
    <div class="charts">
      ${releases.map((o) => {
        const points = cumulative(o);
        return html`<figure>
          <h3>${o.id}: released against due</h3>
          <${PlotFigure}
            label=${`${o.id}: ${formatCount(o.delivered)} released of ${formatCount(o.due)} due`}
            data=${[points, o.due]}
            make=${() =>
              Plot.plot({
                height: 200,
                marginLeft: 48,
                y: {
                  label: 'people',
                  grid: true,
                  domain: [0, Math.max(o.due ?? 0, o.delivered ?? 0) * 1.1 || 1],
                },
                x: { type: 'utc', label: null },
                marks: [
                  Plot.ruleY([o.due ?? 0], { stroke: 'currentColor', strokeDasharray: '4 3' }),
                  Plot.lineY(points, { x: 'at', y: 'total', curve: 'step-after' }),
                  Plot.dot(points, { x: 'at', y: 'total' }),
                ],
              })}
          />
          <figcaption>${formatCount(o.delivered)} of ${formatCount(o.due)} (ratio ${formatRatio(o.ratio, o.kind)}); dashed line: due.</figcaption>
        </figure>`;
      })}
      ${periodic.map(
        (o) => html`<figure>
          <h3>${o.id}: per ${o.kind === 'rate' ? 'period' : 'day'}</h3>
          <${PlotFigure}
            label=${`${o.id} per period`}
            data=${o.periods}
            make=${() =>
              Plot.plot({
                height: 200,
                marginLeft: 56,
                y: { grid: true, label: null },
                x: { label: 'day', type: 'band' },
                marks: [
                  Plot.barY(o.periods ?? [], {
                    x: 'index',
                    y: (p) => p.delivered ?? 0,
                    fill: 'currentColor',
                    fillOpacity: 0.35,
                  }),
                  Plot.tickY(o.periods ?? [], { x: 'index', y: 'due', strokeWidth: 2 }),
                ],
              })}
          />
          <figcaption>Bars: delivered; ticks: due.
            ${(o.periods ?? []).map((p) => `Day ${p.index}: ${formatCount(p.delivered)} of ${formatCount(p.due)} (${p.state})`).join('; ')}.</figcaption>
        </figure>`,
      )}
      ${
        rates.length > 0
          ? html`<figure>
            <h3>Aid delivered against promised</h3>
            <${PlotFigure}
              label="aid delivered against promised"
              data=${rates.map((o) => [o.id, o.ratio])}
              make=${() =>
                Plot.plot({
                  height: 60 + 40 * rates.length,
                  marginLeft: 200,
                  x: { label: 'share of what is due', percent: true, grid: true },
                  y: { label: null },
                  marks: [
                    Plot.barX(rates, {
                      y: 'id',
                      x: (o: ObligationStatus) => Math.min(1.5, o.ratio ?? 0),
                      fill: 'currentColor',
                      fillOpacity: 0.35,
                    }),
                    Plot.ruleX([1]),
                  ],
                })}
            />
            <figcaption>${rates.map((o) => `${o.id}: ${formatCount(o.delivered)} of ${formatCount(o.due)} (${formatRatio(o.ratio, o.kind)})`).join('; ')}.</figcaption>
          </figure>`
          : null
      }
    </div>
  </section>`;
}
