import type { Frame, Page } from '@playwright/test';
import { toolbarViolations } from '../support/axe.ts';
import { expectCcp, OLIVIA } from '../support/call-steps.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { expect, test } from './scenario-test.ts';

/**
 * The ring of a call coming in while the agent works in Fusion (issue 16): the toolbar's title
 * flashes while its frame is away, and the sound starts only as the browser's autoplay policy allows
 * — here the policy of a browser that has not seen the agent click in the toolbar's frame yet, so
 * the toolbar offers "Click to enable ring sound". The tones are counted as the page's Web Audio
 * starts them.
 */
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--autoplay-policy=document-user-activation-required'] } });

/** The toolbar frame's own document (its title, its audio). */
function toolbarFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname.startsWith('/toolbar/'));
  if (!frame) throw new Error('no toolbar frame');
  return frame;
}

test.describe('The ring', () => {
  test('an incoming call rings while the agent is in Fusion: the title flashes, the sound waits for a click in the toolbar, all stops on answer', async ({
    demo,
    agent,
    sim,
    ccp,
  }) => {
    const { page, toolbar, fusion } = demo;
    // Count the ring's tones as the page's audio starts them. An init script, not an evaluate (Playwright evaluates as a user
    // gesture, which would let the page play): the toolbar's frame is reloaded with it.
    await page.addInitScript(() => {
      const counted = window as unknown as { ringTones: number };
      counted.ringTones = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
        counted.ringTones += 1;
        start.apply(this, args);
      };
    });
    await toolbarFrame(page).goto(toolbarFrame(page).url());
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    const tones = () => toolbarFrame(page).evaluate(() => (window as unknown as { ringTones: number }).ringTones);
    const title = () => toolbarFrame(page).evaluate(() => document.title);

    // Available from Fusion's phone menu, by script: no click anywhere gives the page a user activation.
    await fusion.phoneButton.dispatchEvent('click');
    await page.getByRole('menu', { name: 'Phone availability' }).getByRole('menuitem', { name: 'Make available' }).dispatchEvent('click');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expectCcp(ccp, { agentState: 'Available' });
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');

    const hint = page.frameLocator('iframe[title="Media toolbar"]').getByRole('button', { name: 'Click to enable ring sound' });
    await expect(hint).toBeVisible();
    expect(await tones()).toBe(0);
    await expect.poll(title).toBe('Incoming call');
    await expect.poll(title).toBe('Phone');
    expect.soft(await toolbarViolations(page), 'ringing, sound blocked').toEqual([]);

    await hint.click();
    await expect(hint).toBeHidden();
    await expect.poll(tones).toBeGreaterThan(0);

    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(title).toBe('Phone');
    await expect(hint).toBeHidden();
  });
});
