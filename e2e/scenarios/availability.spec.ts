import { toolbarViolations } from '../support/axe.ts';
import { available, expectCcp, OLIVIA } from '../support/call-steps.ts';
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
  test('goes available, not ready with a reason and logs out in the toolbar; Fusion shows each state', async ({
    demo,
    agent,
    sim,
    ccp,
    vendor,
    saveScreenshot,
  }) => {
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
    await expect
      .poll(async () => (await fusion.uef.last('agentStateEventOperation')).data)
      .toMatchObject({
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

test.describe('The not-ready reason menu', () => {
  test('is a keyboard menu: arrows, Home and End move, Escape closes and gives the focus back, Enter picks', async ({ demo, ccp }) => {
    const { page, toolbar } = demo;
    await available(demo, ccp);
    const toggle = toolbar.agentState.getByRole('button', { name: 'Go not ready' });
    const menu = toolbar.agentState.getByRole('menu', { name: 'Go not ready' });
    const items = menu.getByRole('menuitem');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.first()).toBeFocused();
    expect.soft(await toolbarViolations(page), 'reason menu open').toEqual([]);

    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toolbar.agentStateText).toHaveText('Available');

    await page.keyboard.press('Enter');
    await expect(items.first()).toBeFocused();
    const lunch = (await items.allTextContents()).indexOf('Lunch');
    expect(lunch).toBeGreaterThan(0);
    for (let step = 0; step < lunch; step += 1) await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Lunch' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
    await expectCcp(ccp, { agentState: 'Lunch' });
  });

  test('closes on a click elsewhere, and when a call arrives, so it never pushes the call controls away', async ({ demo, agent, sim, ccp }) => {
    const { toolbar } = demo;
    const menu = toolbar.agentState.getByRole('menu');
    await available(demo, ccp);
    const toggle = toolbar.agentState.getByRole('button', { name: 'Go not ready' });
    await toggle.click();
    await expect(menu).toBeVisible();
    await toolbar.agentStateText.click();
    await expect(menu).toBeHidden();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await toggle.click();
    await expect(menu).toBeVisible();
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(menu).toBeHidden();
    await expect(toolbar.incomingCall.getByRole('button', { name: 'Accept' })).toBeInViewport();
  });
});
