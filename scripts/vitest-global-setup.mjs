// Vitest's global setup: the compiled bridge (packages/bridge/dist/cli.js), built once before any
// test file runs, for the tests that start `ctikit` processes the way an operator does.
export default async function setup() {
  await import('../packages/bridge/build.mjs');
}
