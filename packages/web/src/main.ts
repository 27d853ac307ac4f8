import { render } from 'preact';
import { App } from './App.ts';
import { html } from './html.ts';
import './style.css';

const root = document.getElementById('app')!;
// The page's "Loading Truce…" stands until the script runs; the dashboard replaces it.
root.textContent = '';
render(html`<${App} />`, root);
