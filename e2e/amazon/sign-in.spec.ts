import { expect, test } from './amazon-test.ts';

/**
 * The Amazon Connect session as Streams handles it (amazon.md §2.3): when it expires the CCP reports
 * AUTH_FAIL and stops answering; Streams opens the login window and reloads the CCP until the agent
 * has signed in. The toolbar says so at once, refuses commands with the reason instead of letting them
 * hang, and comes back by itself — resynced from Amazon Connect's snapshot — once the agent signs in.
 */

test.describe('Amazon Connect: sign-in', () => {
  test('the session expires: the toolbar asks the agent to sign in; signing in in the login window brings everything back', async ({ demo, agent, ccp }) => {
    const { toolbar, page } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    const loginWindow = page.context().waitForEvent('page');

    await ccp.expireSession();

    await expect(toolbar.connection).toHaveText('Offline: sign in to the phone service');
    await expect(toolbar.errors.getByRole('alert')).toContainText('Your Amazon Connect session has expired');

    // A command while signed out fails at once, with the same reason: told once, not once per request.
    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(toolbar.errors.getByRole('alert').filter({ hasText: '(UNAUTHENTICATED)' })).toHaveCount(1);

    const login = await loginWindow;
    await login.getByRole('button', { name: `Sign in as ${agent.agentId}` }).click();

    // Streams reloads the CCP every ccpLoadTimeout (5 s) until one answers: wait for its next reload.
    await expect(toolbar.connection).toHaveText('Connected', { timeout: 15_000 });
    await expect(ccp.session).toHaveText('active');
    // The login window closes once Amazon Connect reports the signed-in agent, not before.
    await expect.poll(() => login.isClosed()).toBe(true);
    await expect(toolbar.agentStateText).toHaveText('Available');
    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
  });

  test('Amazon Connect refuses the agent: the toolbar says access was refused', async ({ demo, ccp }) => {
    await expect(demo.toolbar.connection).toHaveText('Connected');

    await ccp.frame.getByRole('button', { name: 'Deny access', includeHidden: true }).dispatchEvent('click');

    await expect(demo.toolbar.connection).toHaveText('Offline: the phone service refused access');
    await expect(demo.toolbar.errors.getByRole('alert')).toContainText('Amazon Connect refused access for this agent');
  });
});
