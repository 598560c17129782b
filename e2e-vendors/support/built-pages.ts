import { execFileSync } from 'node:child_process';

/**
 * Playwright's global setup for the vendor-kit specs: every page built (`npm run build`) and the
 * snapshot the demo's bridges serve made from it (e2e/support/snapshot-pages.ts), as the demo suites'
 * web server does, so `npm run test:vendors` runs on a plain clone.
 */
export default function buildPages(): void {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  execFileSync('npx', ['tsx', 'e2e/support/snapshot-pages.ts'], { stdio: 'inherit' });
}
