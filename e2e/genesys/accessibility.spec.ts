import type { Locator } from '@playwright/test';
import { toolbarViolations } from '../support/axe.ts';
import { expect, offeredEventId, test } from '../support/demo-test.ts';

/**
 * The toolbar for agents who use assistive technology or only a keyboard: axe-core finds no violation
 * in the toolbar's frame in its main states, and an incoming call is answered from the keyboard.
 */

const OLIVIA = '+14155550142';

/** Whether the element has the keyboard focus: it is its document's active element and that document has focus. */
function hasKeyboardFocus(element: Locator): Promise<boolean> {
  return element.evaluate((el) => el.ownerDocument.activeElement === el && el.ownerDocument.hasFocus());
}

test.describe('Toolbar accessibility', () => {
  test('has no axe-core violations when idle, ringing, connected and in wrap-up', async ({ demo, agent, sim }) => {
    const { page, toolbar } = demo;
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    expect.soft(await toolbarViolations(page), 'idle').toEqual([]);

    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    expect.soft(await toolbarViolations(page), 'ringing').toEqual([]);

    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    expect.soft(await toolbarViolations(page), 'connected').toEqual([]);

    await toolbar.control('Hang up').click();
    await expect(toolbar.wrapUp).toContainText('Call ended');
    expect.soft(await toolbarViolations(page), 'wrap-up').toEqual([]);
  });

  // The cause of this spec's old flakiness: axe ran while the incoming card was still fading in, too faint to pass color-contrast.
  test('an arriving incoming call is readable while it arrives: its arrival animation fades nothing', async ({ demo, agent, sim }) => {
    const { page, toolbar } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    // Hold every animation of the page near its first frame, as a loaded machine may show it.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 0.001 });
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    expect(await toolbarViolations(page)).toEqual([]);
  });

  test('the demo page and its frames load every file they ask for (the favicons too)', async ({ demo }) => {
    const missing: string[] = [];
    demo.page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await demo.page.reload();
    await expect(demo.fusion.phoneButton).toBeEnabled();
    await expect(demo.toolbar.agentStateText).toHaveText('Logged out');
    await expect.poll(() => demo.page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '')).toMatch(/favicon\.svg$/);
    expect(missing).toEqual([]);
  });

  test('an incoming call is accepted with the keyboard alone', async ({ demo, agent, sim }) => {
    const { page, toolbar, fusion } = demo;
    const goAvailable = toolbar.agentState.getByRole('button', { name: 'Go available' });
    // Tab from the top of Fusion's page into the toolbar, to its Go available button.
    for (let presses = 0; presses < 40 && !(await hasKeyboardFocus(goAvailable)); presses += 1) await page.keyboard.press('Tab');
    expect(await hasKeyboardFocus(goAvailable)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(toolbar.agentStateText).toHaveText('Available');

    await sim.placeCall(OLIVIA, agent.dn);
    const accept = toolbar.incomingCall.getByRole('button', { name: 'Accept' });
    await expect(accept).toBeVisible();
    await expect.poll(() => hasKeyboardFocus(accept)).toBe(true);
    await page.keyboard.press('Enter');

    await expect(toolbar.currentCall).toContainText('On call');
    await expect(fusion.engagement('Olivia Bennett')).toBeVisible();
    const eventId = await offeredEventId(demo);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
  });
});
