import { answered, colleagueToolbar, OLIVIA, shown } from '../support/call-steps.ts';
import { expect, test, type Demo } from './amazon-test.ts';

/**
 * Transfers through Amazon Connect's quick connects, as the CCP lists them (`agent.getEndpoints()`
 * through the real amazon-connect-streams): a colleague, a queue, an outside number. The toolbar's
 * transfer panel's field searches them (a combobox over the directory); picking one transfers or
 * consults by its name.
 */

const ESCALATIONS = '+15550100200';

/** Open the transfer panel of the current call, search the directory for `search` and pick the quick connect `label` lists. */
async function pickQuickConnect(demo: Demo, search: string, label: string) {
  await demo.toolbar.control('Transfer').click();
  const transfer = demo.toolbar.currentCall.getByRole('group', { name: 'Transfer' });
  await transfer.getByRole('combobox', { name: 'Transfer to' }).fill(search);
  await transfer.getByRole('listbox', { name: 'Directory' }).getByRole('option', { name: label }).click();
  return transfer;
}

test.describe('Amazon Connect quick connects', () => {
  test('lists the quick connects of every kind, and transfers to a queue by picking it', async ({ demo, ccp, agent, agentPool, sim, context }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, 'amazon');
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.toolbar.control('Transfer').click();
    const transfer = demo.toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    const field = transfer.getByRole('combobox', { name: 'Transfer to' });
    const quickConnects = transfer.getByRole('listbox', { name: 'Directory' });
    await field.fill(colleague.name);
    await expect(quickConnects.getByRole('option', { name: `${colleague.name} agent` })).toBeVisible();
    await field.fill('Escal');
    await expect(quickConnects.getByRole('option', { name: `Escalations desk ${ESCALATIONS} · phone number` })).toBeVisible();
    await field.fill('Sup');
    await expect(quickConnects.getByRole('option', { name: 'Support queue' })).toBeVisible();

    await quickConnects.getByRole('option', { name: 'Support queue' }).click();
    await expect(field).toHaveValue('Support');
    await transfer.getByRole('button', { name: 'Transfer now' }).click();

    await expect(colleagues.incomingCall).toContainText(shown(OLIVIA));
    await expect(demo.toolbar.wrapUp).toContainText('Transferred');
    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(demo.toolbar.errors).toBeHidden();
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });

  test('transfers to a phone-number quick connect: the outside number rings, the agent wraps up', async ({ demo, ccp, agent, sim }) => {
    await answered(demo, ccp, agent, sim);

    const transfer = await pickQuickConnect(demo, 'Escal', `Escalations desk ${ESCALATIONS} · phone number`);
    await transfer.getByRole('button', { name: 'Transfer now' }).click();

    await expect(demo.phone.customerCall(ESCALATIONS)).toBeVisible();
    await expect(demo.toolbar.wrapUp).toContainText('Transferred');
    await expect(ccp.agentState).toHaveText('AfterCallWork');
    await expect(demo.toolbar.errors).toBeHidden();
  });

  test('consults a colleague through their quick connect, connected in the transfer flow before they answer (#447), and completes', async ({
    demo,
    ccp,
    agent,
    agentPool,
    sim,
    context,
  }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, 'amazon');
    await answered(demo, ccp, agent, sim);

    const transfer = await pickQuickConnect(demo, colleague.name, `${colleague.name} agent`);
    await transfer.getByRole('button', { name: 'Consult' }).click();

    // Amazon Connect reports the colleague connected as soon as the call reaches the transfer flow.
    await expect(ccp.contacts).toContainText(`third party ${colleague.dn}: connected`);
    await expect(colleagues.incomingCall).toBeVisible();
    await demo.toolbar.root.getByRole('button', { name: 'Complete transfer' }).click();

    await expect(demo.toolbar.wrapUp.first()).toContainText('Transferred');
    await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagues.currentCall).toContainText('On call');
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map((party) => party.dn)).toContain(OLIVIA);
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });
});
