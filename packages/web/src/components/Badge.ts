import { html } from '../html.ts';
import { stateLabel, stateSymbol, stateTone } from '../labels.ts';

/** A state as a badge: a symbol and words, with colour only as a third cue. */
export function Badge({ state }: { state: string }) {
  return html`<span class=${`badge tone-${stateTone(state)}`} data-state=${state}
    ><span aria-hidden="true">${stateSymbol(state)}</span> ${stateLabel(state)}</span
  >`;
}
