import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { agentLeg, answered, OLIVIA } from '../support/call-steps.ts';
import { openDemo } from '../support/demo-test.ts';
import { expect, test } from './scenario-test.ts';

/**
 * Two agents in two browser tabs, as the README's "A second agent" walks it: each tab is the demo page
 * opened as its agent (`/?agentId=…`, nothing nested), and the page hands that agent to its toolbar.
 * The first consults the second, whose tab shows the consultation ringing; the second answers, and
 * the first joins the three of them in a conference.
 */

test.describe('Two agents, two tabs', () => {
  test('agent 1 consults agent 2, whose tab rings and answers; then the conference joins all three', async ({
    demo,
    agent,
    agentPool,
    sim,
    ccp,
    context,
    vendor,
  }) => {
    const { toolbar } = demo;
    const colleague = agentPool.next();
    const second = await openDemo(await context.newPage(), E2E_BRIDGE_URL, colleague.agentId, { vendor });
    // The second tab's Fusion and toolbar are the colleague's, not the first agent's.
    await expect(second.page.locator('.agent-chip')).toHaveText(colleague.agentId);
    await second.toolbar.goAvailable();
    await expect(second.toolbar.agentStateText).toHaveText('Available');
    await expect.poll(async () => (await sim.agents()).find((a) => a.agentId === colleague.agentId)?.state).toBe('Ready');

    await answered(demo, ccp, agent, sim);
    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();

    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(second.toolbar.incomingCall).toBeVisible();
    await expect(second.fusion.incomingCall).toBeVisible();
    await second.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(second.toolbar.currentCall).toContainText('On call');
    const consultation = toolbar.root.getByRole('region', { name: 'Consultation' });
    await expect(consultation).toContainText('On call');

    await consultation.getByRole('button', { name: 'Conference' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(() => agentLeg(sim, agent)).toBe('Established');
    await expect
      .poll(async () => {
        const call = await sim.callOf(agent.dn);
        return call.parties.map(({ dn, state }) => `${dn} ${state}`).sort();
      })
      .toEqual([`${agent.dn} Established`, `${colleague.dn} Established`, `${OLIVIA} Established`].sort());
    await expect(second.toolbar.currentCall).toContainText('On call');
  });
});
