import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { expect, test } from '../support/demo-test.ts';
import { FusionPage } from '../support/fusion-page.ts';
import { ToolbarView } from '../support/toolbar-view.ts';

/**
 * Fusion frames the toolbar from the partner's own site, never from Fusion's: here Fusion's page is
 * on 127.0.0.1 and the toolbar on localhost, two sites. Chromium, as Playwright starts it, blocks
 * third-party storage in such a frame, as any browser set to block third-party cookies does (reading
 * `sessionStorage` throws). The toolbar must still start — keeping what it would have stored in
 * memory — report the agent to Fusion and take calls.
 */

test.describe('Toolbar framed from another site', () => {
  test('starts with third-party storage blocked, reports the agent to Fusion and takes a call', async ({ page, agent, sim }) => {
    const toolbarUrl = new URL(`/toolbar/?agentId=${agent.agentId}`, E2E_BRIDGE_URL);
    toolbarUrl.hostname = 'localhost';
    await page.goto(`${E2E_BRIDGE_URL}/?${new URLSearchParams({ agentId: agent.agentId, toolbar: toolbarUrl.href })}`);
    const frame = page.frames().find((f) => new URL(f.url()).pathname === '/toolbar/');
    expect(frame && new URL(frame.url()).host).toBe(toolbarUrl.host);
    const storageBlocked = await frame?.evaluate(() => {
      try {
        return window.sessionStorage === undefined;
      } catch {
        return true;
      }
    });
    expect(storageBlocked, 'the browser blocks third-party storage in the toolbar frame').toBe(true);

    const fusion = new FusionPage(page);
    const toolbar = new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]'));
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);

    await sim.placeCall('+14155550142', agent.dn);
    await expect(fusion.incomingCall).toContainText('Olivia Bennett');
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
  });
});
