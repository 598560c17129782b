import { expect, test } from './scenario-test.ts';
import { agentLeg, answered } from '../support/call-steps.ts';

/**
 * The controls of a connected call: hold and resume, mute, tones. Each button only sends the command
 * (to the bridge, or to Amazon Connect through the agent's connection); what the toolbar shows
 * afterwards comes from the contact center's events, which the simulator's own view confirms.
 */

test.describe('Call controls', () => {
  test('holds and resumes the call', async ({ demo, agent, sim, ccp }) => {
    const { toolbar } = demo;
    await answered(demo, ccp, agent, sim);

    await toolbar.control('Hold').click();
    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(toolbar.control('Resume')).toBeVisible();
    await expect(toolbar.control('Hold')).toBeHidden();
    await expect.poll(() => agentLeg(sim, agent)).toBe('Held');

    await toolbar.control('Resume').click();
    await expect(toolbar.currentCall).toContainText('On call');
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
