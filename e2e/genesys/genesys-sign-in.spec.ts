import { expect, test } from '@playwright/test';
import { createSimulator, loadSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { E2E_SIMULATOR_CONFIG } from '../support/environment.ts';
import { goAvailableSigningIn, openWorkspaceDemo, startWorkspaceDemo, workspaceDemoAddress } from '../support/workspace-demo.ts';
import type { WorkspaceDemo } from '../support/workspace-demo.ts';

/**
 * The agent signs in with Genesys Authentication from the toolbar: a bridge on the Workspace API
 * backend with no token of its own (e2e/support/workspace-demo.ts), in front of ctikit's Workspace
 * face, which plays Genesys Authentication's authorization-code flow as Genesys' simulator does.
 * Going available opens the sign-in window; once the agent has signed in, the toolbar hands the
 * code to the bridge with `initialize` and the agent is available.
 */
const API_KEY = 'e2e-workspace-key';
const PASSWORD = 'e2e-password';
const CLIENT_ID = 'ctikit-toolbar';

let simulator: ContactCenterSimulator;
let face: WorkspaceFace;
let demo: WorkspaceDemo;

test.beforeAll(async () => {
  const settings = await loadSimulatorConfig(E2E_SIMULATOR_CONFIG);
  const agents = settings.agents.slice(0, 2);
  simulator = createSimulator(settings);
  const address = await workspaceDemoAddress();
  face = createWorkspaceFace({
    simulator,
    apiKey: API_KEY,
    tokens: [],
    authClients: [{ clientId: CLIENT_ID, redirectUris: [address.redirectUri] }],
    accounts: agents.map(({ agentId }) => ({ agentId, password: PASSWORD })),
  });
  const apiUrl = await face.listen();
  demo = await startWorkspaceDemo({ apiUrl, apiKey: API_KEY, clientId: CLIENT_ID, port: address.port, agents, reasonCodes: settings.reasonCodes });
});

test.afterAll(async () => {
  await demo.close();
  await face.close();
  await simulator.close();
});

test.describe('Genesys sign-in from the toolbar', () => {
  test('going available asks the agent to sign in with Genesys; signed in, the agent is available and gets calls', async ({ page }) => {
    const agent = demo.bridge.backend.agents()[0];
    if (!agent) throw new Error('no agent');
    const { toolbar, fusion } = await openWorkspaceDemo(page, demo, agent.agentId);
    await expect(toolbar.agentStateText).toHaveText('Logged out');

    await goAvailableSigningIn(page, toolbar, agent.agentId, PASSWORD);

    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/Available/);
    simulator.placeCall({ from: '+14155550123', to: '8000' });
    await expect(toolbar.incomingCall).toBeVisible();
  });

  test('a wrong password keeps the sign-in window open with the reason; closing it tells the agent', async ({ page }) => {
    const agent = demo.bridge.backend.agents()[1];
    if (!agent) throw new Error('no agent');
    const { toolbar } = await openWorkspaceDemo(page, demo, agent.agentId);
    const signInWindow = page.context().waitForEvent('page');
    await toolbar.goAvailable();
    const signIn = await signInWindow;
    await signIn.getByRole('textbox', { name: 'User name' }).fill(agent.agentId);
    await signIn.getByLabel('Password').fill('not the password');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(signIn.getByRole('alert')).toHaveText('The user name or the password is not right.');

    await signIn.close();
    await expect(toolbar.errors.getByRole('alert')).toContainText('The Genesys sign-in window was closed before the agent signed in.');
    await expect(toolbar.agentStateText).toHaveText('Logged out');
  });
});
