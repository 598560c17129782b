import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The media toolbar app: `dist/` holds index.html, genesys-sign-in.html, config.json (from public/) and the assets, all
 * addressed relatively (`base: './'`), because the bridge serves it at `/toolbar/` and an integrator
 * may host it anywhere Fusion can frame it. The vendor and the Fusion adapter are separate chunks,
 * loaded on demand.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser Fusion supports has <link rel="modulepreload">: no polyfill on the start-up path.
    modulePreload: { polyfill: false },
    // What the app, the vendor and the Fusion adapter share, in chunks named for what they hold.
    rolldownOptions: {
      // The app, and the page Genesys Authentication sends the agent back to (vendors/genesys/genesys-sign-in.ts).
      input: { main: resolve(import.meta.dirname, 'index.html'), 'genesys-sign-in': resolve(import.meta.dirname, 'genesys-sign-in.html') },
      output: {
        codeSplitting: {
          // The workspace core and the kernel; the Genesys wire protocol goes with the Genesys chunk.
          groups: [{ name: 'core', test: /toolbar[\\/]src[\\/]core[\\/]|kernel[\\/]src[\\/]/ }],
        },
      },
    },
  },
});
