import { render } from 'preact';
import { App } from './App.ts';
import { html } from './html.ts';
import './style.css';

render(html`<${App} />`, document.getElementById('app')!);
