import { html, raw } from 'hono/html';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}';

/** The readable reference of the API, rendered on the server from the OpenAPI document (no script, no CDN). */
export function docsPage(doc: Record<string, unknown>) {
  const paths = doc.paths as Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        parameters?: { name: string; in: string; description?: string }[];
      }
    >
  >;
  const info = doc.info as { title: string; description: string };
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${info.title} reference</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>${info.title}</h1><p>${info.description}</p>
<p>The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${Object.entries(paths).map(
  ([path, ops]) =>
    html`${Object.entries(ops).map(
      ([
        method,
        op,
      ]) => html`<section><h2><code>${method.toUpperCase()} ${path}</code></h2><p>${op.summary ?? ''}</p>
${op.description ? html`<p>${op.description}</p>` : ''}
${op.parameters?.length ? html`<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>${op.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.description ?? ''}</td></tr>`)}</table>` : ''}
</section>`,
    )}`,
)}
</main></body></html>`;
}

/** The front page until the dashboard is built: the agreements, with links to their status and the API reference. */
export function homePage(
  agreements: readonly { id: string; title: string; version: number; events: number; public: boolean }[],
) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Truce</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>Truce</h1>
<p>Agreements open to the public; with a token, the API reads every agreement (see the <a href="/api/docs">API reference</a>).</p>
<table><tr><th>agreement</th><th>version</th><th>events</th><th>status</th></tr>
${agreements.map(
  (a) =>
    html`<tr><td>${a.title} (<code>${a.id}</code>)</td><td>${a.version}</td><td>${a.events}</td><td><a href="/api/agreements/${a.id}/status">status (JSON)</a></td></tr>`,
)}</table></main></body></html>`;
}

/** The one stylesheet (the CSP allows styles from this server only). */
export const STYLESHEET = raw(STYLE);
