import { useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.ts';
import { html } from '../html.ts';
import type { Session } from '../types.ts';

/** Sign in with an email and a password; the server answers with an HttpOnly session cookie. */
export function SignInPage({
  api,
  next,
  onSignedIn,
}: {
  api: Api;
  next: string | undefined;
  onSignedIn: (session: Session) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const session = await api.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      onSignedIn(session);
      location.hash = next ?? '#/';
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="narrow" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title">Sign in</h1>
    <form onSubmit=${submit} data-testid="sign-in">
      <label>Email <input name="email" type="text" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
      ${error ? html`<${ErrorNote} error=${error} />` : null}
      <button type="submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  </section>`;
}
