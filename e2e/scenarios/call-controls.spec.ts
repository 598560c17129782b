import { toolbarViolations } from '../support/axe.ts';
import { expect, test } from './scenario-test.ts';
import { agentLeg, answered } from '../support/call-steps.ts';

/**
 * The controls of a connected call: hold and resume, mute, tones. Each button only sends the command
 * (to the bridge, or to Amazon Connect through the agent's connection); what the toolbar shows
 * afterwards comes from the contact center's events, which the simulator's own view confirms.
 */

test.describe('Call controls', () => {
  test('holds and resumes the call: on hold, unmistakably, with the time on hold', async ({ demo, agent, sim, ccp, saveScreenshot }) => {
    const { page, toolbar } = demo;
    await answered(demo, ccp, agent, sim);
    const callTimer = toolbar.currentCall.getByRole('timer', { name: 'Call duration' });
    const holdTimer = toolbar.currentCall.getByRole('timer', { name: 'Time on hold' });
    await expect(callTimer).toHaveText(/^00:(0[3-9]|[1-5]\d)$/);
    await expect(holdTimer).toHaveCount(0);

    await toolbar.control('Hold').click();
    await expect(toolbar.currentCall).toContainText('On hold');
    // The hold timer counts from the hold, not from the answer.
    await expect(holdTimer).toBeVisible();
    const seconds = async (timer: typeof callTimer) => {
      const [minutes = 0, secs = 0] = (await timer.innerText()).split(':').map(Number);
      return minutes * 60 + secs;
    };
    expect((await seconds(callTimer)) - (await seconds(holdTimer))).toBeGreaterThanOrEqual(2);
    await expect(toolbar.currentCall.locator('.hold-banner')).toHaveCSS('background-color', 'rgb(138, 86, 8)');
    expect.soft(await toolbarViolations(page), 'on hold').toEqual([]);
    await saveScreenshot('on-hold');
    await expect(toolbar.control('Resume')).toBeVisible();
    await expect(toolbar.control('Hold')).toBeHidden();
    await expect.poll(() => agentLeg(sim, agent)).toBe('Held');

    await toolbar.control('Resume').click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(holdTimer).toHaveCount(0);
    await expect(toolbar.control('Hold')).toBeVisible();
    await expect.poll(() => agentLeg(sim, agent)).toBe('Established');
  });

  test('mutes and unmutes the agent', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, phone } = demo;
    await answered(demo, ccp, agent, sim);

    await toolbar.control('Mute').click();
    await expect(toolbar.currentCall).toContainText('Muted');
    await expect(toolbar.control('Unmute')).toBeVisible();
    await expect(phone.simulatorEvents).toContainText('EventMuteOn');

    await toolbar.control('Unmute').click();
    await expect(toolbar.currentCall).not.toContainText('Muted');
    await expect(toolbar.control('Mute')).toBeVisible();
    await expect(phone.simulatorEvents).toContainText('EventMuteOff');
  });

  test('sends tones from the keypad', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, phone } = demo;
    await answered(demo, ccp, agent, sim);

    await toolbar.control('Keypad').click();
    const keypad = toolbar.currentCall.getByRole('group', { name: 'Send tones' });
    for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();

    await expect(toolbar.currentCall).toContainText('Sent: 12#');
    await expect(phone.simulatorEvents).toContainText('EventDTMFSent');
  });
});
