import { expect, test } from '../support/demo-test.ts';
import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { ToolbarView } from '../support/toolbar-view.ts';

/**
 * The demo page's `agentId` reaches the toolbar, and a dev-mode bridge takes only the agents of its
 * contact center's directory: a name it does not know is refused with a stable code, shown to the
 * agent, and nothing is signed in as anyone else.
 */
test('an agentId the dev directory does not know is refused, visibly, and signs in no one', async ({ page, sim }) => {
  await page.goto(`${E2E_BRIDGE_URL}/?agentId=nobody`);
  const toolbar = new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]'));
  await expect(toolbar.errors).toContainText('No agent nobody is configured. (DN_NOT_CONFIGURED)');
  await expect(toolbar.agentStateText).toHaveText('Logged out');
  await toolbar.goAvailable();
  await expect(toolbar.errors).toContainText('Go available failed');
  expect((await sim.agents()).filter((agent) => agent.state !== 'LoggedOut')).toEqual([]);
});
