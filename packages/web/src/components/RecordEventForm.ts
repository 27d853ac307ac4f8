import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../api.ts';
import { html } from '../html.ts';
import type { Status } from '../types.ts';
import { ErrorNote } from './ErrorNote.ts';

type Errors = Record<string, string>;

/** Checks the form before it is sent; the server checks again and its messages are shown the same way. */
export function validate(form: Record<string, string>): Errors {
  const errors: Errors = {};
  if (form.id && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(form.id))
    errors.id = 'An id is letters, digits, dots, dashes and underscores, starting with a letter or digit.';
  if (!form.party) errors.party = 'Choose the party that acted.';
  if (!form.occurred) errors.occurred = 'Give the date (and time, if known) when it happened.';
  const amount = Number(form.amount);
  if (form.type !== 'violation') {
    if (form.amount === '' || form.amount === undefined) errors.amount = 'Give the number.';
    else if (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(amount))
      errors.amount = 'The number must be a whole number, 0 or more.';
    if (!form.what)
      errors.what = form.type === 'release' ? 'Give the cohort released.' : 'Give the item delivered.';
  }
  if (!form.outlet) errors.outlet = 'Name the source: who published the report.';
  if (form.url && !/^https?:\/\//.test(form.url)) errors.url = 'A link starts with http:// or https://.';
  return errors;
}

/** The event the form describes, in the ledger's own shape. */
export function eventOf(form: Record<string, string>, offset: string): Record<string, unknown> {
  const occurred = form.occurred!.length === 16 ? `${form.occurred}:00${offset}` : form.occurred!;
  const source: Record<string, unknown> = { outlet: form.outlet };
  if (form.url) source.url = form.url;
  if (form.reliability) source.reliability = form.reliability;
  if (form.credibility) source.credibility = Number(form.credibility);
  const event: Record<string, unknown> = {
    type: form.type,
    party: form.party,
    occurred,
    recorded: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    status: form.status || 'reported',
    sources: [source],
  };
  event.id = form.id || `web-${occurred.slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
  if (form.note) event.note = form.note;
  if (form.type === 'release') event.released = [{ cohort: form.what, count: Number(form.amount) }];
  if (form.type === 'violation' && form.what) event.activity = form.what;
  if (form.type === 'aid-delivery') {
    event.item = form.what;
    event.quantity = Number(form.amount);
  }
  return event;
}

/** For editors: record a release, an aid delivery or a violation report, with clear messages on each field. */
export function RecordEventForm({ api, status, csrf }: { api: Api; status: Status; csrf: string | null }) {
  const [type, setType] = useState('release');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const parties = status.released.map((r) => r.party);
  const offset = status.asOf.slice(19) || 'Z';
  const submit = async (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const form = Object.fromEntries([...new FormData(el).entries()].map(([k, v]) => [k, String(v).trim()]));
    const found = validate(form);
    setErrors(found);
    setDone(null);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    try {
      const result = await api.append(status.agreement.id, eventOf(form, offset), csrf);
      setDone(
        `Recorded ${(result.appended as { id: string }[]).map((a) => a.id).join(', ') || 'nothing new (already recorded)'}.`,
      );
      el.reset();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        const mapped: Errors = {};
        for (const issue of err.errors) mapped[issue.path.at(-1) ?? 'form'] = issue.message;
        setErrors(mapped);
      }
      setFailure(err);
    }
  };
  const field = (name: string, label: string, input: unknown) =>
    html`<label>${label} ${input}${errors[name] ? html`<span class="field-error" id=${`err-${name}`}>${errors[name]}</span>` : null}</label>`;
  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `err-${name}` } : {};
  return html`<section aria-labelledby="record-title" class="narrow">
    <h2 id="record-title">Record an event</h2>
    <form onSubmit=${submit} noValidate data-testid="record-event">
      ${field(
        'type',
        'Type',
        html`<select name="type" value=${type} onChange=${(e: Event) => setType((e.target as HTMLSelectElement).value)}>
        <option value="release">release</option><option value="aid-delivery">aid delivery</option><option value="violation">violation report</option>
      </select>`,
      )}
      ${field('id', 'Id (optional: one is made up when left empty)', html`<input name="id" ...${invalid('id')} />`)}
      ${field('party', 'Party that acted', html`<select name="party" ...${invalid('party')}><option value="">choose…</option>${parties.map((p) => html`<option value=${p}>${p}</option>`)}</select>`)}
      ${field('occurred', `Occurred (local time of ${status.agreement.timeZone})`, html`<input name="occurred" type="datetime-local" ...${invalid('occurred')} />`)}
      ${
        type === 'violation'
          ? null
          : html`${field('what', type === 'release' ? 'Cohort' : 'Item', html`<input name="what" ...${invalid('what')} />`)}
            ${field('amount', type === 'release' ? 'People released' : 'Quantity', html`<input name="amount" inputmode="numeric" ...${invalid('amount')} />`)}`
      }
      ${field('status', 'Status', html`<select name="status"><option>reported</option><option>corroborated</option><option>confirmed</option><option>disputed</option></select>`)}
      ${field('outlet', 'Source (outlet)', html`<input name="outlet" ...${invalid('outlet')} />`)}
      ${field('url', 'Source link (optional)', html`<input name="url" type="url" ...${invalid('url')} />`)}
      ${field('reliability', 'Source reliability (A–F, optional)', html`<select name="reliability"><option value="">—</option>${['A', 'B', 'C', 'D', 'E', 'F'].map((g) => html`<option>${g}</option>`)}</select>`)}
      ${field('credibility', 'Information credibility (1–6, optional)', html`<select name="credibility"><option value="">—</option>${[1, 2, 3, 4, 5, 6].map((g) => html`<option>${g}</option>`)}</select>`)}
      ${field('note', 'Note (optional)', html`<textarea name="note" rows="2"></textarea>`)}
      ${Object.keys(errors).length > 0 ? html`<p class="field-error" role="alert">The event was not recorded: correct the fields marked.</p>` : null}
      ${failure ? html`<${ErrorNote} error=${failure} />` : null}
      ${done ? html`<p role="status" data-testid="recorded">${done}</p>` : null}
      <button type="submit">Record event</button>
    </form>
  </section>`;
}
