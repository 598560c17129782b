// Runs the vendor-kit suites: Vitest (packages/*/vendor-test) and Playwright (e2e-vendors), against
// the vendors' own code and data in the folder CTIKIT_KITS names (CI: ../shared/kits). Prints
// "vendor tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { addPlaywrightReport, addVitestReport, emptyTotals, formatTotals, saveTotals } from './test-totals.mjs';

const kits = process.env.CTIKIT_KITS;
if (!kits || !existsSync(resolve(kits, 'README.md'))) {
  console.error('CTIKIT_KITS must name the vendor kits folder (e.g. CTIKIT_KITS=../shared/kits npm run test:vendors)');
  process.exit(2);
}
const env = { ...process.env, CTIKIT_KITS: resolve(kits) };

mkdirSync('.test-results', { recursive: true });
const totals = emptyTotals();
let exitCode = 0;

function run(command, args, extra = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extra } });
  if (result.status !== 0) exitCode = result.status ?? 1;
}

run('npx', [
  'vitest',
  'run',
  '--config',
  'vitest.vendors.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.test-results/vitest-vendors.json',
]);
if (!addVitestReport(totals, '.test-results/vitest-vendors.json')) exitCode = exitCode || 1;

run('npx', ['playwright', 'test', '--config', 'playwright.vendors.config.ts', '--reporter=list,json', '--pass-with-no-tests'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-results/playwright-vendors.json',
});
if (!addPlaywrightReport(totals, '.test-results/playwright-vendors.json')) exitCode = exitCode || 1;

if (totals.passed === 0) exitCode = exitCode || 1;
saveTotals('vendors', totals);
console.log(`vendor tests: ${formatTotals(totals)}`);
process.exit(exitCode);
