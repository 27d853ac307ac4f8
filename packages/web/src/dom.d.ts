// The dashboard runs in a browser: the repository's tsconfig names no DOM library, so this package adds it.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/** Stylesheets imported for their side effect: Vite emits them as files linked from the page. */
declare module '*.css';
