// Runs every test suite (Vitest: unit + integration over real HTTP/WebSocket; Playwright: e2e in
// headless Chromium) and prints one closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) exitCode = result.status ?? 1;
}

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-results/vitest.json']);
if (existsSync('.test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('.test-results/vitest.json', 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
} else {
  exitCode = exitCode || 1;
}

if (existsSync('playwright.config.ts')) {
  run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-results/playwright.json',
  });
  if (existsSync('.test-results/playwright.json')) {
    const { stats } = JSON.parse(readFileSync('.test-results/playwright.json', 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else {
    exitCode = exitCode || 1;
  }
}

if (totals.passed === 0) exitCode = exitCode || 1;
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
