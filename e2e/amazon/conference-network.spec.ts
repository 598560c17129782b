import { answered, colleagueToolbar, OLIVIA, shown } from '../support/call-steps.ts';
import { ToolbarView } from '../support/toolbar-view.ts';
import { expect, test, type CcpPanel, type Demo } from './amazon-test.ts';
import type { Agent } from '../support/demo-test.ts';

/**
 * Amazon Connect through the real amazon-connect-streams against the simulated CCP: a conference the
 * agent leaves, that ends when the others hang up, or that a toolbar refresh interrupts, the CCP losing
 * its network mid-call and getting it back, and a softphone error — each as the agent sees it in the
 * toolbar.
 */

/** Olivia's call, answered, then a consultation with the colleague merged into a conference. */
async function conference(demo: Demo, ccp: CcpPanel, colleagues: ToolbarView, colleague: Agent): Promise<void> {
  const { toolbar } = demo;
  await toolbar.control('Transfer').click();
  const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
  await transfer.getByLabel('Transfer to').fill(colleague.dn);
  await transfer.getByRole('button', { name: 'Consult' }).click();
  await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(toolbar.root.getByRole('region', { name: 'Consultation' })).toContainText('On call');
  await toolbar.root.getByRole('button', { name: 'Conference', exact: true }).click();
  await expect(ccp.contacts).toContainText(`third party ${colleague.dn}: connected`);
  await expect(ccp.agentState).toHaveText('Busy');
}

async function ccpControl(ccp: CcpPanel, name: string): Promise<void> {
  await ccp.frame.getByRole('button', { name, includeHidden: true }).dispatchEvent('click');
}

test.describe('Amazon Connect conferences and troubles', () => {
  test('leaves a conference: the agent wraps up, the customer and the colleague talk on', async ({ demo, ccp, agent, agentPool, sim, context }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, 'amazon');
    const eventId = await answered(demo, ccp, agent, sim);
    await conference(demo, ccp, colleagues, colleague);

    await demo.toolbar.control('Hang up').click();

    await expect(demo.toolbar.wrapUp.first()).toBeVisible();
    await expect(ccp.agentState).toHaveText('AfterCallWork');
    await expect(demo.toolbar.errors).toBeHidden();
    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map((party) => party.dn).sort()).toEqual([OLIVIA, colleague.dn].sort());
  });

  test('a conference ends when the others hang up: the colleague, then the customer', async ({ demo, ccp, agent, agentPool, sim, context }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, 'amazon');
    await answered(demo, ccp, agent, sim);
    await conference(demo, ccp, colleagues, colleague);

    await colleagues.control('Hang up').click();
    await expect(ccp.contacts).toContainText(`third party ${colleague.dn}: disconnected`);
    await expect(demo.toolbar.currentCall).toContainText('On call');

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
    await expect(demo.toolbar.wrapUp.first()).toBeVisible();
    await expect(ccp.agentState).toHaveText('AfterCallWork');
    await expect(ccp.contacts).toContainText(`inbound ${OLIVIA}: ended`);
  });

  test('a refresh during a conference: the call survives, the toolbar shows it again, and the agent can still leave', async ({
    demo,
    ccp,
    agent,
    agentPool,
    sim,
    context,
  }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, 'amazon');
    const eventId = await answered(demo, ccp, agent, sim);
    await conference(demo, ccp, colleagues, colleague);

    const frame = demo.page.frames().find((candidate) => new URL(candidate.url()).pathname === '/toolbar/');
    if (!frame) throw new Error('the toolbar frame is missing');
    await frame.goto(frame.url());

    await expect(demo.toolbar.currentCall).toContainText('On call');
    await expect(demo.toolbar.currentCall).toContainText(shown(OLIVIA));
    await expect(ccp.contacts).toContainText(`third party ${colleague.dn}: connected`);
    await expect(ccp.agentState).toHaveText('Busy');
    expect((await sim.callOf(agent.dn)).parties.map((party) => party.dn).sort()).toEqual([OLIVIA, agent.dn, colleague.dn].sort());

    await demo.toolbar.control('Hang up').click();
    await expect(demo.toolbar.wrapUp.first()).toBeVisible();
    await expect(demo.toolbar.errors).toBeHidden();
    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    const call = await sim.callOf(colleague.dn);
    expect(call.parties.map((party) => party.dn).sort()).toEqual([OLIVIA, colleague.dn].sort());
  });

  test('the CCP loses its network mid-call: the agent is told, controls wait, and it resyncs and says what it cost when back', async ({
    demo,
    ccp,
    agent,
    sim,
  }) => {
    const { toolbar } = demo;
    await answered(demo, ccp, agent, sim);

    await ccpControl(ccp, 'Drop network');
    await expect(toolbar.connection).toHaveText('Connection lost — reconnecting…');
    await expect(toolbar.root.getByRole('alert').filter({ hasText: 'Connection to the phone system lost' })).toBeVisible();
    await expect(toolbar.control('Hold')).toBeDisabled();
    await expect(toolbar.control('Hang up')).toBeDisabled();
    await expect(toolbar.errors).toContainText('Connection to Amazon Connect lost — reconnecting');
    expect((await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state).toBe('Established');

    // Meanwhile the customer hangs up: the toolbar learns it once the CCP is back.
    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
    await ccpControl(ccp, 'Restore network');
    await expect(toolbar.connection).toHaveText('Connected');
    await expect(toolbar.wrapUp.first()).toBeVisible();
    await expect(ccp.agentState).toHaveText('AfterCallWork');
    const report = toolbar.root.getByRole('status', { name: 'Connection restored' });
    await expect(report).toContainText(/The connection to the phone system was lost for \d+ s\./);
    await expect(report).toContainText('Your call ended at the server meanwhile.');
  });

  test('a softphone error is said in words', async ({ demo, ccp }) => {
    await demo.toolbar.goAvailable();
    await expect(demo.toolbar.agentStateText).toHaveText('Available');
    await ccpControl(ccp, 'Microphone error');
    await expect(demo.toolbar.errors).toContainText('The softphone cannot use your microphone');
  });
});
