// Test totals shared by the test scripts: each run adds its Vitest and Playwright counts, saves them
// under .test-results/totals/<name>.json and prints its own line; `node scripts/test-totals.mjs`
// prints the sum of every saved run as the one closing line CI reads.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DIR = '.test-results/totals';

export function emptyTotals() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Adds a Vitest JSON report to the totals; false when the report is missing. */
export function addVitestReport(totals, file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  return true;
}

/** Adds a Playwright JSON report to the totals; false when the report is missing. */
export function addPlaywrightReport(totals, file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  return true;
}

export function formatTotals(totals) {
  return `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}

export function saveTotals(name, totals) {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.json`), JSON.stringify(totals));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sum = emptyTotals();
  for (const file of existsSync(DIR) ? readdirSync(DIR) : []) {
    const one = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    sum.passed += one.passed;
    sum.failed += one.failed;
    sum.skipped += one.skipped;
  }
  console.log(`tests: ${formatTotals(sum)}`);
}
