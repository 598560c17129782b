import { expect, test } from './scenario-test.ts';
import { agentLeg, answered, colleagueToolbar, OLIVIA, shown } from '../support/call-steps.ts';

/**
 * Transfers to a colleague, another agent of the same contact center on their own toolbar (same
 * vendor): at once (blind, single step), or after consulting them first — then completed, or
 * canceled to take the customer back. Fusion hears of the transferred call only that it ended for
 * this agent (closeCommEvent WRAPUP).
 */

/** The colleague's toolbar, open on its own page and available. */
test.describe('Transfers', () => {
  test("transfers the call blind to a colleague: it rings in the colleague's toolbar, which answers it; WRAPUP here", async ({
    demo,
    agent,
    agentPool,
    sim,
    ccp,
    context,
    vendor,
  }) => {
    const { toolbar, fusion } = demo;
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, vendor);
    const eventId = await answered(demo, ccp, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Transfer now' }).click();

    await expect(colleagues.incomingCall).toContainText(shown(OLIVIA));
    await expect(toolbar.currentCall).toBeHidden();
    await expect(toolbar.wrapUp).toContainText('Transferred');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(fusion.wrapUp).toContainText('Olivia Bennett');

    await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagues.currentCall).toContainText('On call');
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map(({ dn, state }) => ({ dn, state }))).toEqual(
      expect.arrayContaining([
        { dn: OLIVIA, state: 'Established' },
        { dn: colleague.dn, state: 'Established' },
      ]),
    );
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });

  test('consults a colleague, then completes the transfer: the colleague has the customer, this agent wraps up', async ({
    demo,
    agent,
    agentPool,
    sim,
    ccp,
    context,
    vendor,
  }) => {
    const { toolbar, fusion } = demo;
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, vendor);
    const eventId = await answered(demo, ccp, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();

    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(colleagues.incomingCall).toBeVisible();
    await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(colleagues.currentCall).toContainText('On call');
    await expect(toolbar.root.getByRole('region', { name: 'Consultation' })).toContainText('On call');

    await toolbar.root.getByRole('button', { name: 'Complete transfer' }).click();

    await expect(toolbar.wrapUp.first()).toContainText('Transferred');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(colleagues.currentCall).toContainText(shown(OLIVIA));
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map((party) => party.dn)).toContain(OLIVIA);
    expect(call.parties.some((party) => party.dn === agent.dn)).toBe(false);
  });

  test('consults a colleague and cancels: the colleague is dropped and the customer is back', async ({ demo, agent, agentPool, sim, ccp, context, vendor }) => {
    const { toolbar, fusion } = demo;
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, vendor);
    const eventId = await answered(demo, ccp, agent, sim);

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();
    await expect(colleagues.incomingCall).toBeVisible();

    await toolbar.root.getByRole('button', { name: 'Cancel consult' }).click();

    await expect(colleagues.incomingCall).toBeHidden();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(() => agentLeg(sim, agent)).toBe('Established');
    expect(await fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
  });
});
