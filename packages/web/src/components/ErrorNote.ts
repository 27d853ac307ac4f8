import { ApiError } from '../api.ts';
import { html } from '../html.ts';

/** An error in words: the server's problem document (title, detail, each field's message), or the failure. */
export function ErrorNote({ error }: { error: unknown }) {
  if (error instanceof ApiError)
    return html`<div class="error" role="alert">
      <strong>${error.title}</strong> (${error.status})${error.detail ? html`: ${error.detail}` : null}
      ${
        error.errors.length > 0
          ? html`<ul>
            ${error.errors.map((e) => html`<li><code>${e.path.join('.') || '(body)'}</code>: ${e.message}</li>`)}
          </ul>`
          : null
      }
    </div>`;
  return html`<div class="error" role="alert">${error instanceof Error ? error.message : String(error)}</div>`;
}
