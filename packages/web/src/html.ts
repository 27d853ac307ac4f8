import htm from 'htm';
import { h } from 'preact';

/** Tagged templates that build Preact elements (no JSX step: Vite serves these files as plain TypeScript). */
export const html = htm.bind(h);
