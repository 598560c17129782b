import { expect, test } from './amazon-test.ts';

/**
 * On load the toolbar shows the state the agent has in Amazon Connect and changes nothing: no one made
 * the agent available without asking. A reload finds the agent as they left it — not ready with their
 * reason, or available — in the toolbar, in the CCP and on the contact center.
 */

test('a reload keeps the agent in the state the CCP has: not ready stays not ready, available stays available', async ({ demo, ccp, agent, sim }) => {
  const { toolbar, page } = demo;
  await toolbar.goNotReady('Lunch');
  await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
  await expect(ccp.agentState).toHaveText('Lunch');

  await page.reload();

  await expect(toolbar.connection).toHaveText('Connected');
  await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
  await expect(ccp.agentState).toHaveText('Lunch');
  await expect(demo.fusion.phoneButton).toHaveAccessibleName(/^Phone: Unavailable \(Not ready: Lunch\)/);
  expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'NotReady', reasonCode: 'Lunch' });

  await toolbar.goAvailable();
  await expect(ccp.agentState).toHaveText('Available');
  await page.reload();

  await expect(toolbar.connection).toHaveText('Connected');
  await expect(toolbar.agentStateText).toHaveText('Available');
  await expect(ccp.agentState).toHaveText('Available');
  expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'Ready' });
});
