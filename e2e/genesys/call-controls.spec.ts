import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { expect, offeredEventId, test, type Agent, type Demo } from '../support/demo-test.ts';
import type { SimControl } from '../support/sim-control.ts';
import { ToolbarView } from '../support/toolbar-view.ts';

/**
 * The controls of a connected call: hold and resume, mute, tones, recording and a blind transfer to
 * another agent. Each button only sends the command; what the toolbar shows afterwards comes from
 * the contact center's events, which the simulator's own view confirms.
 */

const OLIVIA = '+14155550142';

/** A call from Olivia, answered in the toolbar; resolves with its eventId. */
async function connectedCall(demo: Demo, agent: Agent, sim: SimControl): Promise<string> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await sim.placeCall(OLIVIA, agent.dn);
  await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(demo.toolbar.currentCall).toContainText('On call');
  return offeredEventId(demo);
}

/** The state of the agent's own leg of their call, as the simulator has it. */
async function agentLeg(sim: SimControl, agent: Agent): Promise<string | undefined> {
  return (await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state;
}

test.describe('Call controls', () => {
  test('holds and resumes the call', async ({ demo, agent, sim }) => {
    const { toolbar } = demo;
    await connectedCall(demo, agent, sim);

    await toolbar.control('Hold').click();
    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(toolbar.control('Resume')).toBeVisible();
    await expect(toolbar.control('Hold')).toBeHidden();
    expect(await agentLeg(sim, agent)).toBe('Held');

    await toolbar.control('Resume').click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.control('Hold')).toBeVisible();
    expect(await agentLeg(sim, agent)).toBe('Established');
  });

  test('mutes and unmutes the agent', async ({ demo, agent, sim }) => {
    const { toolbar, phone } = demo;
    await connectedCall(demo, agent, sim);

    await toolbar.control('Mute').click();
    await expect(toolbar.currentCall).toContainText('Muted');
    await expect(toolbar.control('Unmute')).toBeVisible();
    await expect(phone.simulatorEvents).toContainText('EventMuteOn');

    await toolbar.control('Unmute').click();
    await expect(toolbar.currentCall).not.toContainText('Muted');
    await expect(toolbar.control('Mute')).toBeVisible();
    await expect(phone.simulatorEvents).toContainText('EventMuteOff');
  });

  test('sends tones from the keypad', async ({ demo, agent, sim }) => {
    const { toolbar, phone } = demo;
    await connectedCall(demo, agent, sim);

    await toolbar.control('Keypad').click();
    const keypad = toolbar.currentCall.getByRole('group', { name: 'Send tones' });
    for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();

    await expect(toolbar.currentCall).toContainText('Sent: 12#');
    await expect(phone.simulatorEvents).toContainText('EventDTMFSent');
  });

  test('starts and stops recording', async ({ demo, agent, sim }) => {
    const { toolbar } = demo;
    await connectedCall(demo, agent, sim);

    await toolbar.control('Record').click();
    await expect(toolbar.currentCall.getByText('Recording', { exact: true })).toBeVisible();
    await expect(toolbar.control('Stop recording')).toBeVisible();
    expect((await sim.callOf(agent.dn)).recordingState).toBe('Recording');

    await toolbar.control('Stop recording').click();
    await expect(toolbar.control('Record')).toBeVisible();
    await expect(toolbar.currentCall.getByText('Recording', { exact: true })).toBeHidden();
    expect((await sim.callOf(agent.dn)).recordingState).toBe('Stopped');
  });

  test("transfers the call blind to another agent: it rings in that agent's toolbar, which answers it", async ({
    demo,
    agent,
    agentPool,
    sim,
    context,
  }) => {
    const { toolbar, fusion } = demo;
    const colleague = agentPool.next();
    const colleaguePage = await context.newPage();
    await colleaguePage.goto(`${E2E_BRIDGE_URL}/toolbar/?agentId=${colleague.agentId}`);
    const colleagueToolbar = new ToolbarView(colleaguePage);
    await colleagueToolbar.goAvailable();
    await expect(colleagueToolbar.agentStateText).toHaveText('Available');
    const eventId = await connectedCall(demo, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Transfer now' }).click();

    await expect(colleagueToolbar.incomingCall).toContainText(OLIVIA);
    await expect(toolbar.currentCall).toBeHidden();
    await expect(toolbar.wrapUp).toContainText('Transferred');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(fusion.wrapUp).toContainText('Olivia Bennett');

    await colleagueToolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagueToolbar.currentCall).toContainText('On call');
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map(({ dn, state }) => ({ dn, state }))).toEqual(
      expect.arrayContaining([
        { dn: OLIVIA, state: 'Established' },
        { dn: colleague.dn, state: 'Established' },
      ]),
    );
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });
});
