import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core's findings in the toolbar's frame only (Fusion around it is the simulator's). */
export async function toolbarViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include({ fromFrames: ['iframe[title="Media toolbar"]', 'html'] }).analyze();
  // The toolbar's buttons were checked: axe did look inside the frame.
  expect(results.passes.find((rule) => rule.id === 'button-name')?.nodes.length ?? 0).toBeGreaterThan(0);
  return results.violations.map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
