import { expect, screenshot, test } from '../support/demo-test.ts';

/**
 * The agent's availability (seed 001, "toggle agent availability"): changed in the toolbar or from
 * Fusion's phone menu, shown in both only once the contact center reported it, and reported to
 * Fusion with agentStateEventOperation.
 */

test.describe('Agent availability', () => {
  test('goes available, not ready with a reason and logs out in the toolbar; Fusion shows each state', async ({ demo, agent, sim }) => {
    const { toolbar, fusion, page } = demo;
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    await screenshot(page, 'idle');

    await toolbar.goAvailable();
    await expect(toolbar.connection).toHaveText('Connected');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({
      isLoggedIn: true,
      isAvailable: true,
      state: 'AVAILABLE',
      stateDisplayString: 'Available',
    });
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
    await screenshot(page, 'available');

    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
    await expect.poll(async () => (await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({
      isLoggedIn: true,
      isAvailable: false,
      state: 'UNAVAILABLE',
      reason: 'Lunch',
      reasonDisplayString: 'Lunch',
    });
    expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'NotReady', reasonCode: 'Lunch' });
    // Fusion's phone icon says why the agent is unavailable, as the toolbar does.
    await expect.soft(fusion.phoneButton).toHaveAccessibleName(/^Phone: Unavailable \(.*Lunch.*\)$/);

    await toolbar.logOut();
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: false, isAvailable: false });
    expect((await sim.agent(agent.agentId)).state).toBe('LoggedOut');
  });

  test("makes the agent not ready and available again from Fusion's phone menu", async ({ demo, agent, sim }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);

    await fusion.chooseAvailability('Make unavailable');
    await expect(toolbar.agentStateText).toHaveText('Not ready');
    await expect(fusion.phoneButton).toHaveAccessibleName('Phone: Unavailable (Not ready)');
    await expect(fusion.uef.entries.filter({ hasText: 'makeUnavailable: promise resolved: success' })).toHaveCount(1);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: true, isAvailable: false });
    expect((await sim.agent(agent.agentId)).state).toBe('NotReady');

    await fusion.chooseAvailability('Make available');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    await expect(fusion.uef.entries.filter({ hasText: 'makeAvailable: promise resolved: success' })).toHaveCount(1);
    expect((await sim.agent(agent.agentId)).state).toBe('Ready');
  });
});
