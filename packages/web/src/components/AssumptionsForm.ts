import { html } from '../html.ts';
import { FIELD, type ProjectionForm, type ReleaseField } from '../projection-form.ts';

interface Named {
  id: string;
  name?: string | undefined;
}

const KINDS: Record<ReleaseField['kind'], string> = {
  none: 'none (or owed in return)',
  fixed: 'fixed: the same each day',
  poisson: 'Poisson: this mean a day',
  empirical: 'empirical: one of these a day',
  ledger: 'empirical: one of the ledger’s days so far',
};

/**
 * The assumptions of a projection, editable: runs and seed, the daily collapse hazard, the chance an
 * eligible extension is agreed, each cohort's releases a day, the delays of phases that start on an
 * event, and another agreement to compare with. Each field shows the server's message about it.
 */
export function AssumptionsForm({
  form,
  onChange,
  onSubmit,
  errors,
  cohorts,
  eventPhases,
  others,
  running,
}: {
  form: ProjectionForm;
  onChange: (form: ProjectionForm) => void;
  onSubmit: () => void;
  errors: Record<string, string>;
  cohorts: readonly Named[];
  eventPhases: readonly Named[];
  others: readonly { id: string; title: string }[];
  running: boolean;
}) {
  const errorId = (key: string) => `err-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const invalid = (key: string) =>
    errors[key] ? { 'aria-invalid': 'true', 'aria-describedby': errorId(key) } : {};
  const note = (key: string) =>
    errors[key]
      ? html`<span class="field-error" id=${errorId(key)} data-testid=${`error-${key}`}>${errors[key]}</span>`
      : null;
  const input = (name: keyof ProjectionForm, key: string, label: string, hint: string, mode = 'decimal') =>
    html`<label>${label} <small class="meta">${hint}</small>
      <input name=${name} inputmode=${mode} value=${form[name] as string} ...${invalid(key)}
        onInput=${(e: Event) => onChange({ ...form, [name]: (e.target as HTMLInputElement).value })} />
      ${note(key)}</label>`;
  const setRelease = (cohort: string, change: Partial<ReleaseField>) =>
    onChange({
      ...form,
      releases: {
        ...form.releases,
        [cohort]: { ...(form.releases[cohort] ?? { kind: 'none', value: '' }), ...change },
      },
    });
  const submit = (e: Event) => {
    e.preventDefault();
    onSubmit();
  };
  return html`<form class="assumptions" onSubmit=${submit} noValidate data-testid="assumptions-form">
    <fieldset>
      <legend>Runs</legend>
      ${input('runs', FIELD.runs, 'Runs', 'how many simulated runs (at most 100 000)', 'numeric')}
      ${input('seed', FIELD.seed, 'Seed', 'the same seed gives the same figures', 'numeric')}
      ${input('asOf', FIELD.asOf, 'Start (as of)', 'empty: the first fixed phase start; e.g. 2023-11-27T07:00', 'text')}
      ${input('horizonDays', FIELD.horizonDays, 'Horizon (days)', 'each run stops this many days after the start', 'numeric')}
    </fieldset>
    <fieldset>
      <legend>Collapse and extensions</legend>
      ${input('hazard', FIELD.hazard, 'Daily collapse hazard', 'chance a day that the deal collapses, 0 to 1')}
      ${input('extension', FIELD.extension, 'Extension probability', 'chance an eligible extension is agreed, 0 to 1')}
    </fieldset>
    <fieldset>
      <legend>Releases a day, by cohort</legend>
      ${input('releasedBy', FIELD.releasedBy, 'Released by (date)', 'the date for “people released by”; empty: the horizon', 'text')}
      ${cohorts.map((c) => {
        const f = form.releases[c.id] ?? { kind: 'none', value: '' };
        const key = FIELD.release(c.id);
        return html`<div class="release-row" data-cohort=${c.id}>
          <label>${c.name ?? c.id} <small class="meta"><code>${c.id}</code></small>
            <select name=${`kind-${c.id}`} value=${f.kind} ...${invalid(key)}
              onChange=${(e: Event) => setRelease(c.id, { kind: (e.target as HTMLSelectElement).value as ReleaseField['kind'] })}>
              ${Object.entries(KINDS).map(([k, label]) => html`<option value=${k}>${label}</option>`)}
            </select></label>
          ${
            f.kind === 'none' || f.kind === 'ledger'
              ? null
              : html`<label>${f.kind === 'empirical' ? 'Counts (comma-separated)' : f.kind === 'poisson' ? 'Mean a day' : 'People a day'}
                <input name=${`value-${c.id}`} inputmode=${f.kind === 'empirical' ? 'text' : 'decimal'} value=${f.value} ...${invalid(key)}
                  onInput=${(e: Event) => setRelease(c.id, { value: (e.target as HTMLInputElement).value })} /></label>`
          }
          ${f.during ? html`<small class="meta">only during ${f.during.join(', ')}</small>` : null}
          ${note(key)}
        </div>`;
      })}
    </fieldset>
    ${
      eventPhases.length > 0
        ? html`<fieldset>
          <legend>Delays</legend>
          ${eventPhases.map((p) => {
            const key = FIELD.delay(p.id);
            return html`<label>${p.name ?? p.id} starts after (days) <small class="meta">a number, or a range such as 0–3</small>
              <input name=${`delay-${p.id}`} value=${form.delays[p.id] ?? ''} ...${invalid(key)}
                onInput=${(e: Event) => onChange({ ...form, delays: { ...form.delays, [p.id]: (e.target as HTMLInputElement).value } })} />
              ${note(key)}</label>`;
          })}
        </fieldset>`
        : null
    }
    ${
      others.length > 0
        ? html`<fieldset>
          <legend>Compare</legend>
          <label>Compare with another agreement, under the same assumptions and seed
            <select name="compare" value=${form.compare} ...${invalid(FIELD.compare)}
              onChange=${(e: Event) => onChange({ ...form, compare: (e.target as HTMLSelectElement).value })}>
              <option value="">no comparison</option>
              ${others.map((o) => html`<option value=${o.id}>${o.title} (${o.id})</option>`)}
            </select>
            ${note(FIELD.compare)}</label>
        </fieldset>`
        : null
    }
    <button type="submit" disabled=${running}>${running ? 'Running…' : 'Run projection'}</button>
  </form>`;
}
