import { html } from '../html.ts';
import { formatDay } from '../time.ts';

export interface ReplayState {
  /** The day shown (YYYY-MM-DD, at 23:59 in the agreement's zone), or null for now, following live. */
  day: string | null;
  /** Whether only what had been recorded by then counts (known-at follows as-of). */
  knownThen: boolean;
  /** Otherwise, the day whose record counts (23:59 in the agreement's zone), or null for everything recorded. */
  knownDay: string | null;
  evidence: string;
}

const POLICIES = ['best-graded', 'confirmed-only', 'lowest'];

/**
 * The replay controls: a day-by-day as-of slider (the moment of the world), a known-at slider (the moment of
 * the record: only events recorded by then count), "as known then" to move both together, the evidence
 * policy, and back to now.
 */
export function AsOfSlider({
  days,
  state,
  onChange,
}: {
  days: string[];
  state: ReplayState;
  onChange: (next: ReplayState) => void;
}) {
  const index = state.day === null ? days.length - 1 : Math.max(0, days.indexOf(state.day));
  const set = (i: number) =>
    onChange({ ...state, day: days[Math.min(days.length - 1, Math.max(0, i))] ?? null });
  const shown = state.day === null ? 'now (live)' : `${formatDay(state.day)}, 23:59`;
  // The known-at slider has one more stop than the days: the last is "everything recorded so far".
  const knownIndex = state.knownThen
    ? index
    : state.knownDay === null
      ? days.length
      : Math.max(0, days.indexOf(state.knownDay));
  const setKnown = (i: number) =>
    onChange({ ...state, knownDay: i >= days.length ? null : (days[Math.max(0, i)] ?? null) });
  const knownShown = state.knownThen
    ? `as of the day shown (${shown})`
    : state.knownDay === null
      ? 'everything recorded so far'
      : `what was recorded by ${formatDay(state.knownDay)}, 23:59`;
  return html`<section class="replay" aria-labelledby="replay-title">
    <h2 id="replay-title">Replay</h2>
    <div class="replay-row">
      <button type="button" onClick=${() => set(index - 1)} disabled=${index <= 0} aria-label="One day earlier">◀</button>
      <label class="slider">
        <span>As of <output data-testid="as-of-day" for="as-of">${shown}</output></span>
        <input
          id="as-of"
          type="range"
          min="0"
          max=${days.length - 1}
          step="1"
          value=${index}
          aria-valuetext=${shown}
          data-testid="as-of-slider"
          onInput=${(e: Event) => set(Number((e.target as HTMLInputElement).value))}
        />
      </label>
      <button type="button" onClick=${() => set(index + 1)} disabled=${index >= days.length - 1} aria-label="One day later">▶</button>
      <button type="button" onClick=${() => onChange({ ...state, day: null })} disabled=${state.day === null}>Now</button>
    </div>
    <div class="replay-row">
      <label class="slider">
        <span>Known at <output data-testid="known-at-day" for="known-at">${knownShown}</output></span>
        <input
          id="known-at"
          type="range"
          min="0"
          max=${days.length}
          step="1"
          value=${knownIndex}
          disabled=${state.knownThen}
          aria-valuetext=${knownShown}
          data-testid="known-at-slider"
          onInput=${(e: Event) => setKnown(Number((e.target as HTMLInputElement).value))}
        />
      </label>
    </div>
    <div class="replay-row">
      <label>
        <input
          type="checkbox"
          checked=${state.knownThen}
          data-testid="known-then"
          onChange=${(e: Event) => onChange({ ...state, knownThen: (e.target as HTMLInputElement).checked })}
        />
        As known then (known-at follows as-of)
      </label>
      <label>
        Evidence
        <select
          value=${state.evidence}
          onChange=${(e: Event) => onChange({ ...state, evidence: (e.target as HTMLSelectElement).value })}
        >
          ${POLICIES.map((p) => html`<option value=${p}>${p}</option>`)}
        </select>
      </label>
    </div>
  </section>`;
}
