import { expectCcp } from '../support/call-steps.ts';
import { expect, test, type PerVendor } from './scenario-test.ts';

/**
 * The agent's availability (seed 001, "toggle agent availability"): changed in the toolbar or from
 * Fusion's phone menu, shown in the toolbar and Fusion (and Amazon Connect's CCP) only once the
 * contact center reported it, and reported to Fusion with agentStateEventOperation.
 */

/**
 * The connection before the agent's first command. The Genesys path opens its bridge session with
 * that command (logging in), so it is offline until then; Amazon Connect's CCP is connected as soon
 * as Streams has started, the agent still offline in it.
 */
const CONNECTION_LOGGED_OUT: PerVendor<string> = { genesys: 'Offline', amazon: 'Connected' };

/**
 * Fusion's "Make unavailable" names no reason. The Genesys path goes plain not ready; Amazon Connect
 * has no not-ready state without a name, so the toolbar picks the instance's first custom
 * (not routable) state.
 */
const MADE_UNAVAILABLE: PerVendor<{ toolbar: string; phone: string; reasonCode: string | undefined; ccp?: string }> = {
  genesys: { toolbar: 'Not ready', phone: 'Phone: Unavailable (Not ready)', reasonCode: undefined },
  amazon: { toolbar: 'Not ready: Break', phone: 'Phone: Unavailable (Not ready: Break)', reasonCode: 'Break', ccp: 'Break' },
};

test.describe('Agent availability', () => {
  test('goes available, not ready with a reason and logs out in the toolbar; Fusion shows each state', async ({ demo, agent, sim, ccp, vendor, saveScreenshot }) => {
    const { toolbar, fusion } = demo;
    await expect(toolbar.connection).toHaveText(CONNECTION_LOGGED_OUT[vendor]);
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    await expectCcp(ccp, { agentState: 'Offline' });
    await saveScreenshot('idle');

    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(toolbar.connection).toHaveText('Connected');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    await expectCcp(ccp, { agentState: 'Available' });
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({
      isLoggedIn: true,
      isAvailable: true,
      state: 'AVAILABLE',
      stateDisplayString: 'Available',
    });
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
    await saveScreenshot('available');

    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
    await expectCcp(ccp, { agentState: 'Lunch' });
    await expect.poll(async () => (await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({
      isLoggedIn: true,
      isAvailable: false,
      state: 'UNAVAILABLE',
      reason: 'Lunch',
      reasonDisplayString: 'Lunch',
    });
    expect(await sim.agent(agent.agentId)).toMatchObject({ state: 'NotReady', reasonCode: 'Lunch' });
    // Fusion's phone icon says why the agent is unavailable, as the toolbar does.
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Unavailable \(.*Lunch.*\)$/);

    await toolbar.logOut();
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Logged out\b/);
    await expectCcp(ccp, { agentState: 'Offline' });
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: false, isAvailable: false });
    expect((await sim.agent(agent.agentId)).state).toBe('LoggedOut');
  });

  test("goes not ready and available again from Fusion's phone menu", async ({ demo, agent, sim, ccp, vendor }) => {
    const { toolbar, fusion } = demo;
    const unavailable = MADE_UNAVAILABLE[vendor];
    await toolbar.goAvailable();
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);

    await fusion.chooseAvailability('Make unavailable');
    await expect(toolbar.agentStateText).toHaveText(unavailable.toolbar);
    await expect(fusion.phoneButton).toHaveAccessibleName(unavailable.phone);
    await expectCcp(ccp, { agentState: unavailable.ccp });
    await expect(fusion.uef.entries.filter({ hasText: 'makeUnavailable: promise resolved: success' })).toHaveCount(1);
    expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: true, isAvailable: false });
    const notReady = await sim.agent(agent.agentId);
    expect(notReady.state).toBe('NotReady');
    expect(notReady.reasonCode).toBe(unavailable.reasonCode);

    await fusion.chooseAvailability('Make available');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    await expectCcp(ccp, { agentState: 'Available' });
    await expect(fusion.uef.entries.filter({ hasText: 'makeAvailable: promise resolved: success' })).toHaveCount(1);
    expect((await sim.agent(agent.agentId)).state).toBe('Ready');
  });
});
