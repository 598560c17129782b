import { expect, test } from './amazon-test.ts';

/**
 * The agent's availability on Amazon Connect: `agent.setState` with a state from `getAgentStates()`
 * (Available, a custom not-routable state, Offline), from the toolbar or from Fusion's phone menu.
 * The toolbar, Fusion and the CCP move only when Amazon Connect's snapshot says so.
 */

test.describe('Amazon Connect: agent availability', () => {
  test('goes available, not ready with a reason and offline in the toolbar; Fusion and the CCP show each state', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    await expect(toolbar.connection).toHaveText('Connected');
    await expect(ccp.agentState).toHaveText('Offline');
    await expect(toolbar.agentStateText).toHaveText('Logged out');

    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(ccp.agentState).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: true, isAvailable: true, state: 'AVAILABLE' });
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');

    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
    await expect(ccp.agentState).toHaveText('Lunch');
    await expect.poll(async () => (await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({
      isLoggedIn: true,
      isAvailable: false,
      reason: 'Lunch',
      reasonDisplayString: 'Lunch',
    });
    expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'NotReady', reasonCode: 'Lunch' });

    await toolbar.logOut();
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(ccp.agentState).toHaveText('Offline');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: false, isAvailable: false });
    expect((await sim.agent(agent.agentId)).state).toBe('LoggedOut');
  });

  test("goes not ready (the instance's first custom state) and available again from Fusion's phone menu", async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);

    await fusion.chooseAvailability('Make unavailable');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Break');
    await expect(ccp.agentState).toHaveText('Break');
    await expect(fusion.uef.entries.filter({ hasText: 'makeUnavailable: promise resolved: success' })).toHaveCount(1);
    expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'NotReady', reasonCode: 'Break' });

    await fusion.chooseAvailability('Make available');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(ccp.agentState).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    expect((await sim.agent(agent.agentId)).state).toBe('Ready');
  });
});
