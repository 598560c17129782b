import type { Frame, Page } from '@playwright/test';
import { OLIVIA } from '../support/call-steps.ts';
import { expect, test } from '../support/demo-test.ts';
import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { FusionPage } from '../support/fusion-page.ts';
import { ToolbarView } from '../support/toolbar-view.ts';

/**
 * The ring of a call coming in while the agent works in Fusion (issue 16): the toolbar's title
 * flashes while its frame is away, and the sound starts only as the browser's autoplay policy allows
 * (a browser that refuses it gets "Click to enable ring sound"). The toolbar is framed from another
 * site, as Fusion frames it, and the agent never clicks in it before the call. The tones are counted
 * as the page's Web Audio starts them.
 * Genesys only: on Amazon Connect, Streams plays the CCP's own ringtone and the toolbar's ring is
 * only seen.
 */
/** The toolbar frame's own document (its title, its audio). */
function toolbarFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/toolbar/');
  if (!frame) throw new Error('no toolbar frame');
  return frame;
}

test.describe('The ring', () => {
  test('an incoming call rings while the agent is in Fusion: it is heard, the title flashes and the icon has a badge; all stops on answer', async ({
    page,
    agent,
    sim,
  }) => {
    // Count the ring's tones as the page's audio starts them (an init script: Playwright's evaluate is a user gesture).
    await page.addInitScript(() => {
      const counted = window as unknown as { ringTones: number };
      counted.ringTones = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
        counted.ringTones += 1;
        start.apply(this, args);
      };
    });
    const toolbarUrl = new URL(`/toolbar/?agentId=${agent.agentId}`, E2E_BRIDGE_URL);
    toolbarUrl.hostname = 'localhost';
    await page.goto(`${E2E_BRIDGE_URL}/?${new URLSearchParams({ agentId: agent.agentId, toolbar: toolbarUrl.href })}`);
    const fusion = new FusionPage(page);
    const toolbar = new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]'));
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    const tones = () => toolbarFrame(page).evaluate(() => (window as unknown as { ringTones: number }).ringTones);
    const title = () => toolbarFrame(page).evaluate(() => document.title);

    // Available from Fusion's phone menu: a click in Fusion's page, not in the toolbar's frame.
    await fusion.chooseAvailability('Make available');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');

    // This Chromium lets a cross-site frame play Web Audio before any click in it: the ring is heard at once, and
    // "Click to enable ring sound" (for a browser that blocks it) is not offered.
    await expect.poll(tones).toBeGreaterThan(0);
    const hint = page.frameLocator('iframe[title="Media toolbar"]').getByRole('button', { name: 'Click to enable ring sound' });
    await expect(hint).toBeHidden();
    // The agent is in Fusion, not in the toolbar's frame: its title flashes, its icon carries a badge.
    const icon = page.frameLocator('iframe[title="Media toolbar"]').locator('link[rel="icon"]');
    await expect(icon).toHaveAttribute('href', /^data:image\/svg\+xml/);
    await expect.poll(title).toBe('Incoming call');
    await expect.poll(title).toBe('Phone');

    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(title).toBe('Phone');
    await expect(icon).toHaveAttribute('href', /favicon\.svg$/);
  });
});
