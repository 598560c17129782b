// Runs every test suite (Vitest: unit + integration over real HTTP/WebSocket; Playwright: e2e in
// headless Chromium) and prints one closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { addPlaywrightReport, addVitestReport, emptyTotals, formatTotals, saveTotals } from './test-totals.mjs';

mkdirSync('.test-results', { recursive: true });
const totals = emptyTotals();
let exitCode = 0;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) exitCode = result.status ?? 1;
}

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-results/vitest.json']);
if (!addVitestReport(totals, '.test-results/vitest.json')) exitCode = exitCode || 1;

run('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-results/playwright.json',
});
if (!addPlaywrightReport(totals, '.test-results/playwright.json')) exitCode = exitCode || 1;

if (totals.passed === 0) exitCode = exitCode || 1;
saveTotals('main', totals);
console.log(`tests: ${formatTotals(totals)}`);
process.exit(exitCode);
