import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * Two builds into one dist/ (see the `build` script):
 * - default: the demo page (dist/index.html: the Fusion host beside the customer phone) and the
 *   simulated Amazon Connect CCP (dist/ccp/index.html, the toolbar's `ccpUrl` in the demo), and the
 *   sample web extension (dist/extension.html, served from a second origin by the bridge);
 * - `--mode uef`: our UEF client library as one IIFE script, dist/uef/ui-events-framework-client.js,
 *   the stand-in for Oracle's static.oracle.com script that a toolbar loads with a script tag.
 */
export default defineConfig(({ mode }) =>
  mode === 'uef'
    ? {
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          lib: {
            entry: 'src/uef/index.ts',
            formats: ['iife'],
            name: 'CtikitUefClient',
            fileName: () => 'uef/ui-events-framework-client.js',
          },
        },
      }
    : {
        base: './',
        plugins: [preact()],
        build: {
          outDir: 'dist',
          // Rebuilt in place under fixed names, never emptied: a page being served while someone rebuilds
          // (several test runs share this tree) never finds the UEF library or a chunk missing.
          emptyOutDir: false,
          target: 'es2022',
          rolldownOptions: {
            input: { demo: 'index.html', ccp: 'ccp/index.html', extension: 'extension.html' },
            output: {
              entryFileNames: 'assets/[name].js',
              chunkFileNames: 'assets/chunk-[hash].js',
              assetFileNames: 'assets/[name][extname]',
            },
          },
        },
      },
);
