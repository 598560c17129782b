// The compiled bridge: `ctikit` (src/cli.ts) as one ES module, dist/cli.js, run by plain `node`
// with no TypeScript loader. The workspace packages (@ctikit/*, TypeScript sources) are compiled
// into it; every other package stays an import, resolved from node_modules at run time.
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const external = {
  name: 'node-modules-external',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@ctikit/') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('src/cli.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('dist/cli.js', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  plugins: [external],
  logLevel: 'warning',
});
