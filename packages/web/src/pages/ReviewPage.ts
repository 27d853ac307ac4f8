import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../api.ts';
import { CandidateReview } from '../components/CandidateReview.ts';
import { ErrorNote } from '../components/ErrorNote.ts';
import { HighlightedReport } from '../components/MarkedText.ts';
import {
  type Decision,
  decisionsToSend,
  type Extraction,
  type ReportBody,
  type ReviewOutcome,
  startingFields,
} from '../extraction.ts';
import { html } from '../html.ts';
import { agreementHref } from '../router.ts';
import type { Session } from '../types.ts';

/** Candidates shown at first, and added by each "show more": a long report can hold thousands. */
const PAGE = 100;

/** A file read as the report: its text, and whether it is an HTML page (by its name or type). */
async function readReport(file: File): Promise<{ text: string; isHtml: boolean }> {
  return { text: await file.text(), isHtml: /\.html?$/i.test(file.name) || file.type === 'text/html' };
}

/**
 * Review a news report into an agreement's ledger: paste or upload it, extract candidates, see their spans,
 * accept, edit or reject each, and record the accepted ones. Viewers may extract but not record.
 */
export function ReviewPage({ api, id, session }: { api: Api; id: string; session: Session | null }) {
  const canRecord = session?.role === 'editor' || session?.role === 'admin';
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; isHtml: boolean } | null>(null);
  const [report, setReport] = useState<ReportBody | null>(null);
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [outcomes, setOutcomes] = useState<ReviewOutcome[]>([]);
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const csrf = session?.csrf ?? null;

  const onFile = async (e: Event) => {
    const chosen = (e.target as HTMLInputElement).files?.[0];
    if (!chosen) return;
    const read = await readReport(chosen);
    setText(read.text);
    setFile({ name: chosen.name, isHtml: read.isHtml });
  };

  const onExtract = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const value = (k: string) => String(form.get(k) ?? '').trim();
    const body: ReportBody = {
      ...(file?.isHtml ? { html: text } : { text }),
      published: value('published'),
      ...(value('outlet') ? { outlet: value('outlet') } : {}),
      ...(value('url') ? { url: value('url') } : {}),
      ...(file ? { name: file.name } : {}),
    };
    setBusy(true);
    setError(null);
    setOutcomes([]);
    setProblems(new Map());
    try {
      const { name: _name, ...toExtract } = body;
      const result = await api.extract({ ...toExtract, agreement: id }, csrf);
      setReport(body);
      setExtraction(result);
      setShown(PAGE);
      setDecisions(
        new Map(
          result.candidates.map((_, i) => [
            i + 1,
            { action: 'skip', fields: startingFields(result.proposals?.[i]) } as Decision,
          ]),
        ),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onRecord = async () => {
    if (!extraction || !report) return;
    const toSend = decisionsToSend(extraction, decisions);
    setError(null);
    setProblems(new Map());
    if (toSend.length === 0) {
      setError(new Error('Choose accept, edit or reject for at least one candidate.'));
      return;
    }
    setBusy(true);
    try {
      const result = await api.review(id, { report, decisions: toSend }, csrf);
      setOutcomes(result.outcomes);
    } catch (err) {
      const byCandidate = new Map<number, string[]>();
      if (err instanceof ApiError)
        for (const issue of err.errors)
          if (issue.candidate !== undefined)
            byCandidate.set(issue.candidate, [...(byCandidate.get(issue.candidate) ?? []), issue.message]);
      setProblems(byCandidate);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const recorded = outcomes.filter((o) => o.action === 'recorded').length;
  const already = outcomes.filter((o) => o.action === 'already recorded').length;
  return html`<article class="review" data-testid="review">
    <p><a href=${agreementHref(id)}>← Back to ${id}</a></p>
    <h1>Review a news report into <code>${id}</code></h1>
    <p class="meta">Nothing enters the ledger until you accept it. The report is read on the server; nothing is fetched from its link.</p>
    <form class="narrow" onSubmit=${onExtract} data-testid="report-form">
      <label>Report text (plain text or HTML)
        <textarea name="text" rows="8" value=${text} required
          onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea></label>
      <label>Or upload a .txt or .html file
        <input type="file" name="file" accept=".txt,.html,.htm,text/plain,text/html" onChange=${onFile} /></label>
      ${file ? html`<p class="meta" data-testid="file-name">Read from ${file.name}${file.isHtml ? ' (HTML)' : ''}.</p>` : null}
      <label>Published (date) <input type="date" name="published" required /></label>
      <label>Outlet (optional) <input name="outlet" /></label>
      <label>Link (optional, recorded, never fetched) <input name="url" type="url" /></label>
      <button type="submit" disabled=${busy}>Extract</button>
    </form>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${
      extraction
        ? html`${extraction.notes.map((n) => html`<p class="meta" role="status">Note: ${n.message}</p>`)}
          <${HighlightedReport} text=${extraction.text} candidates=${extraction.candidates} />
          <section aria-labelledby="candidates-title">
            <h2 id="candidates-title">Candidates (${extraction.candidates.length})</h2>
            <ol class="candidates">
              ${extraction.candidates.slice(0, shown).map((c, i) => {
                const n = i + 1;
                return html`<${CandidateReview} key=${n} n=${n} candidate=${c} text=${extraction.text}
                  proposal=${extraction.proposals?.[i]} decision=${decisions.get(n)!}
                  onChange=${(d: Decision) => setDecisions(new Map(decisions).set(n, d))}
                  outcome=${outcomes.find((o) => o.candidate === n)} problems=${problems.get(n) ?? []}
                  canRecord=${canRecord} />`;
              })}
            </ol>
            ${
              extraction.candidates.length > shown
                ? html`<button type="button" onClick=${() => setShown(shown + PAGE)}>
                    Show ${Math.min(PAGE, extraction.candidates.length - shown)} more of ${extraction.candidates.length - shown}</button>`
                : null
            }
            ${
              canRecord
                ? html`<button type="button" onClick=${onRecord} disabled=${busy} data-testid="record-accepted">Record accepted</button>`
                : html`<p class="meta" data-testid="read-only">Recording candidates into the ledger needs the editor role.</p>`
            }
            ${
              outcomes.length > 0
                ? html`<p role="status" data-testid="review-summary">${recorded} recorded, ${already} already recorded.
                    <a href=${agreementHref(id)}>See the agreement’s status and events</a>.</p>`
                : null
            }
          </section>`
        : null
    }
  </article>`;
}
