import { defineConfig } from 'vite';

// The dashboard is served by @truce/server from dist/, under a Content-Security-Policy of `self` only:
// no inline scripts, no CDN, no external fonts. `npm run dev` proxies /api to a server on port 8080.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
