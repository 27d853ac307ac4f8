import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.ts';
import { html } from '../html.ts';
import { formatCount } from '../labels.ts';
import { agreementHref } from '../router.ts';
import type { AgreementSummary, Session } from '../types.ts';

/** Every agreement the reader may see (only public ones when signed out), with a link to each page. */
export function AgreementsPage({ api, session }: { api: Api; session: Session | null }) {
  const [list, setList] = useState<AgreementSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.agreements().then(setList, setError);
  }, [api, session?.role]);
  if (error) return html`<${ErrorNote} error=${error} />`;
  if (!list) return html`<p>Loading agreements…</p>`;
  return html`<section aria-labelledby="list-title">
    <h1 id="list-title">Agreements</h1>
    ${
      session?.role
        ? null
        : html`<p>Only agreements open to the public are listed. <a href="#/sign-in">Sign in</a> to see every agreement.</p>`
    }
    ${
      list.length === 0
        ? html`<p>No agreement to show.</p>`
        : html`<ul class="cards" data-testid="agreements">
          ${list.map(
            (a) => html`<li class="card">
              <h2><a href=${agreementHref(a.id, !session?.role && a.public)}>${a.title}</a></h2>
              <p>
                <code>${a.id}</code> · version ${a.version} · ${formatCount(a.events)} events recorded
                ${a.public ? html` · <a href=${agreementHref(a.id, true)}>public view</a>` : ' · not public'}
              </p>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
