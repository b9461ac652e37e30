// The portal's two pages, built by Vite into dist/services/portal/web (served by the portal):
// the 工改办 console (index.html) and the public 公示 page (gongshi/index.html), each with its own
// bundle so the public page carries no chart or console code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue()],
  build: {
    outDir: here('../../../dist/services/portal/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { console: here('index.html'), gongshi: here('gongshi/index.html') },
    },
  },
  server: {
    // `npx vite --config services/portal/web/vite.config.mjs` for hot reload against a running portal
    proxy: { '/api': 'http://127.0.0.1:3006' },
  },
});
