import { defineConfig } from 'vite';

/**
 * The script-tag build: dist/wwe-service-client-api.js, one IIFE file defining
 * `window.genesys.wwe.service` (src/global.ts), for pages that include it as Genesys's script.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    // Rebuilt in place, never emptied: a page served while someone rebuilds never misses the script.
    emptyOutDir: false,
    target: 'es2020',
    lib: {
      entry: 'src/global.ts',
      formats: ['iife'],
      name: 'CtikitServiceClient',
      fileName: () => 'wwe-service-client-api.js',
    },
  },
});
