import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api.ts';
import { html } from './html.ts';
import { AgreementPage } from './pages/AgreementPage.ts';
import { AgreementsPage } from './pages/AgreementsPage.ts';
import { ProjectionPage } from './pages/ProjectionPage.ts';
import { ReviewPage } from './pages/ReviewPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useRoute } from './router.ts';
import type { Session } from './types.ts';

/** The dashboard: a bar with who is signed in, and the page the address names. */
export function App() {
  const route = useRoute();
  const api = useMemo(() => createApi(false), []);
  const publicApi = useMemo(() => createApi(true), []);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    api.session().then(setSession, () => setSession({ name: null, role: null, csrf: null }));
  }, [api]);
  const signOut = async () => {
    await api.signOut(session?.csrf ?? null).catch(() => {});
    setSession({ name: null, role: null, csrf: null });
    location.hash = '#/';
  };
  const inPublic = route.page === 'public' || (route.page === 'projection' && route.publicView);
  let page: unknown;
  switch (route.page) {
    case 'list':
      page = html`<${AgreementsPage} api=${api} session=${session} />`;
      break;
    case 'sign-in':
      page = html`<${SignInPage} api=${api} next=${route.next} onSignedIn=${setSession} />`;
      break;
    case 'agreement':
      page = html`<${AgreementPage} key=${`a-${route.id}`} api=${api} id=${route.id} params=${route.params}
        session=${session} publicView=${false} />`;
      break;
    case 'review':
      page = html`<${ReviewPage} key=${`r-${route.id}`} api=${api} id=${route.id} session=${session} />`;
      break;
    case 'public':
      page = html`<${AgreementPage} key=${`p-${route.id}`} api=${publicApi} id=${route.id} params=${route.params}
        session=${null} publicView=${true} />`;
      break;
    case 'projection':
      page = html`<${ProjectionPage} key=${`${route.publicView ? 'p' : 'a'}-projection-${route.id}`}
        api=${route.publicView ? publicApi : api} id=${route.id} session=${route.publicView ? null : session}
        publicView=${route.publicView} />`;
      break;
    default:
      page = html`<p>Nothing here. <a href="#/">See the agreements.</a></p>`;
  }
  return html`<header class="bar">
      <a class="brand" href="#/">Truce</a>
      <nav aria-label="Account">
        ${
          inPublic
            ? html`<span>Public view</span>`
            : session?.role
              ? html`<span data-testid="who">${session.name} (${session.role})</span>
                <button type="button" onClick=${signOut}>Sign out</button>`
              : html`<a href="#/sign-in">Sign in</a>`
        }
      </nav>
    </header>
    <main id="main" tabindex="-1">${page}</main>`;
}
