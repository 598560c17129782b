import { ToolbarView } from '../support/toolbar-view.ts';
import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { expect, offeredEventId, test, type Agent, type Demo } from './amazon-test.ts';
import type { SimControl } from '../support/sim-control.ts';

/**
 * Transfers on Amazon Connect go through an added connection (`contact.addConnection(endpoint)`, a
 * quick connect or a number): the third party joins the contact, and the agent either leaves it to
 * them (`getAgentConnection().destroy()`: the transfer) or drops them again. A one-step transfer is
 * both at once. The colleague here is another agent of the same contact center, on their own toolbar.
 */

const OLIVIA = '+14155550142';

async function answered(demo: Demo, agent: Agent, sim: SimControl): Promise<string> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await sim.placeCall(OLIVIA, agent.dn);
  await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(demo.toolbar.currentCall).toContainText('On call');
  return offeredEventId(demo);
}

test.describe('Amazon Connect: transfers', () => {
  test('transfers in one step to a colleague: the call rings at the colleague with the customer on it; WRAPUP here', async ({
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
    const eventId = await answered(demo, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Transfer now' }).click();

    await expect(toolbar.wrapUp).toContainText('Transferred');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(colleagueToolbar.incomingCall).toContainText(OLIVIA);
    await colleagueToolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagueToolbar.currentCall).toContainText('On call');
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
    expect(call.parties.map((party) => party.dn)).toContain(OLIVIA);
  });

  test('consults a colleague, then completes the transfer: the colleague has the customer, this agent wraps up', async ({
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
    const eventId = await answered(demo, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();

    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(colleagueToolbar.incomingCall).toBeVisible();
    await colleagueToolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagueToolbar.currentCall).toContainText('On call');
    const consultation = toolbar.root.getByRole('region', { name: 'Consultation' });
    await expect(consultation).toContainText('On call');

    await toolbar.root.getByRole('button', { name: 'Complete transfer' }).click();

    await expect(toolbar.wrapUp.first()).toContainText('Transferred');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(colleagueToolbar.currentCall).toContainText(OLIVIA);
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });

  test('consults a colleague and cancels: the colleague is dropped and the customer is back', async ({ demo, agent, agentPool, sim, context }) => {
    const { toolbar } = demo;
    const colleague = agentPool.next();
    const colleaguePage = await context.newPage();
    await colleaguePage.goto(`${E2E_BRIDGE_URL}/toolbar/?agentId=${colleague.agentId}`);
    const colleagueToolbar = new ToolbarView(colleaguePage);
    await colleagueToolbar.goAvailable();
    await expect(colleagueToolbar.agentStateText).toHaveText('Available');
    await answered(demo, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();
    await expect(colleagueToolbar.incomingCall).toBeVisible();

    await toolbar.root.getByRole('button', { name: 'Cancel consult' }).click();

    await expect(colleagueToolbar.incomingCall).toBeHidden();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(async () => (await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state).toBe('Established');
  });
});
