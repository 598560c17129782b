import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type Response } from '@playwright/test';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { createSimulator, loadSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator } from '@ctikit/contact-center';
import { createBridge } from '../../packages/bridge/src/index.ts';
import type { Bridge } from '../../packages/bridge/src/index.ts';
import { E2E_SIMULATOR_CONFIG } from '../support/environment.ts';
import { FusionPage } from '../support/fusion-page.ts';
import { ToolbarView } from '../support/toolbar-view.ts';
import { freePort } from '../support/workspace-demo.ts';

/**
 * The toolbar signs in with Fusion's trust token, in the browser, against a bridge in production
 * mode: the bridge trusts the test's Fusion key (its public half, as an operator configures Fusion's
 * certificate) and maps Fusion users to agents with a directory. The Fusion simulator signs its
 * trust tokens with the private half (its `trust-token.json`, written here), the toolbar gets one
 * through UEF's getConfigurationOperation (`credentials: fusionTrustToken`) and trades it for a
 * one-time socket ticket. Three Fusion pages, each with its own trust-token.json: `/` (an hour's
 * tokens), `/short-lived/` (tokens good for a few seconds) and `/wrong-key/` (signed by a key the
 * bridge does not trust).
 */
const PAGES = fileURLToPath(new URL('../../.test-results/e2e-pages/', import.meta.url));
const FUSION_ISSUER = 'www.oracle.com';
const SHORT_TTL_SEC = 6;

let simulator: ContactCenterSimulator;
let bridge: Bridge;
let origin: string;
let folder: string;
let agents: Array<{ agentId: string; user: string }>;

async function trustTokenFile(dir: string, privateKey: CryptoKey, ttlSec: number): Promise<void> {
  writeFileSync(join(dir, 'trust-token.json'), JSON.stringify({ issuer: FUSION_ISSUER, privateKey: await exportPKCS8(privateKey), ttlSec }));
}

test.beforeAll(async () => {
  const settings = await loadSimulatorConfig(E2E_SIMULATOR_CONFIG);
  agents = settings.agents.slice(0, 3).map(({ agentId }) => ({ agentId, user: `${agentId.toUpperCase()}.FUSION` }));
  simulator = createSimulator({ ...settings, agents: settings.agents.slice(0, 3) });

  const fusionKey = await generateKeyPair('RS256', { extractable: true });
  const otherKey = await generateKeyPair('RS256', { extractable: true });
  folder = mkdtempSync(join(tmpdir(), 'ctikit-trust-token-'));
  const pages = {
    fusion: join(folder, 'fusion'),
    shortLived: join(folder, 'short-lived'),
    wrongKey: join(folder, 'wrong-key'),
    toolbar: join(folder, 'toolbar'),
  };
  for (const dir of [pages.fusion, pages.shortLived, pages.wrongKey]) cpSync(join(PAGES, 'simulators'), dir, { recursive: true });
  await trustTokenFile(pages.fusion, fusionKey.privateKey, 3600);
  await trustTokenFile(pages.shortLived, fusionKey.privateKey, SHORT_TTL_SEC);
  await trustTokenFile(pages.wrongKey, otherKey.privateKey, 3600);
  cpSync(join(PAGES, 'toolbar'), pages.toolbar, { recursive: true });
  const toolbarConfig = JSON.parse(readFileSync(join(pages.toolbar, 'config.json'), 'utf8')) as Record<string, unknown>;
  delete toolbarConfig['agentDesktopOptions'];
  writeFileSync(join(pages.toolbar, 'config.json'), JSON.stringify({ ...toolbarConfig, credentials: 'fusionTrustToken' }));

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  bridge = createBridge({
    mode: 'production',
    host: '127.0.0.1',
    port,
    logLevel: 'warn',
    backend: simulator,
    allowedOrigins: [origin],
    identity: {
      fusion: { issuer: FUSION_ISSUER, certificate: await exportSPKI(fusionKey.publicKey) },
      directory: { agents: agents.map(({ agentId, user }) => ({ user, agentId })) },
      // The short-lived tokens expire to the second: no skew allowed.
      clockSkewSec: 0,
    },
    staticDirs: [
      { dir: pages.fusion, prefix: '/' },
      { dir: pages.shortLived, prefix: '/short-lived/' },
      { dir: pages.wrongKey, prefix: '/wrong-key/' },
      { dir: pages.toolbar, prefix: '/toolbar/' },
    ],
  });
  await bridge.listen();
});

test.afterAll(async () => {
  await bridge.close();
  await simulator.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The bridge's answers to the toolbar's ticket requests, as they come. */
function ticketAnswers(page: Page): Response[] {
  const answers: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/genesys/ticket' && response.request().method() === 'POST') answers.push(response);
  });
  return answers;
}

async function openFusion(page: Page, path: string, user: string): Promise<{ fusion: FusionPage; toolbar: ToolbarView }> {
  await page.goto(`${origin}${path}?${new URLSearchParams({ user, phone: '0', trustToken: 'signed' })}`);
  const fusion = new FusionPage(page);
  const toolbar = new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]'));
  await expect(toolbar.agentStateText).toHaveText('Logged out');
  return { fusion, toolbar };
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code;
}

test.describe("Signing in with Fusion's trust token", () => {
  test("the toolbar signs in with the trust token Fusion signed; the agent's state shows in the toolbar and in Fusion", async ({ page }) => {
    const [agent] = agents;
    if (!agent) throw new Error('no agent');
    const tickets = ticketAnswers(page);
    const { fusion, toolbar } = await openFusion(page, '/', agent.user);

    await toolbar.goAvailable();

    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/Available/);
    expect(tickets.map((answer) => answer.status())).toEqual([200]);
    const published = await fusion.uef.published();
    expect(published.filter((entry) => entry.method === 'getConfigurationOperation')).toHaveLength(1);
    const dn = simulator.agents().find((entry) => entry.agentId === agent.agentId)?.dn ?? '';
    expect(simulator.snapshot(dn).agent).toMatchObject({ agentId: agent.agentId, state: 'Ready' });
  });

  test('a trust token signed by a key the bridge does not trust: the toolbar says the sign-in was refused, the bridge answered TOKEN_INVALID', async ({
    page,
  }) => {
    const [, agent] = agents;
    if (!agent) throw new Error('no agent');
    const tickets = ticketAnswers(page);
    const { fusion, toolbar } = await openFusion(page, '/wrong-key/', agent.user);

    await toolbar.goAvailable();

    const alert = toolbar.errors.getByRole('alert');
    await expect(alert).toContainText('Sign-in to the phone system was refused');
    await expect(alert).toContainText('(TOKEN_INVALID)');
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    await expect(fusion.phoneButton).not.toHaveAccessibleName(/Available/);
    expect(tickets.map((answer) => answer.status())).toEqual([401]);
    expect(await errorCodeOf(tickets[0] as Response)).toBe('TOKEN_INVALID');
  });

  test('a Fusion user the directory does not map to an agent: the toolbar says so, the bridge answered AGENT_NOT_IN_DIRECTORY', async ({ page }) => {
    const tickets = ticketAnswers(page);
    const { toolbar } = await openFusion(page, '/', 'STRANGER.FUSION');

    await toolbar.goAvailable();

    const alert = toolbar.errors.getByRole('alert');
    await expect(alert).toContainText('Sign-in to the phone system was refused');
    await expect(alert).toContainText('"STRANGER.FUSION"');
    await expect(alert).toContainText('(AGENT_NOT_IN_DIRECTORY)');
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    expect(tickets.map((answer) => answer.status())).toEqual([403]);
    expect(await errorCodeOf(tickets[0] as Response)).toBe('AGENT_NOT_IN_DIRECTORY');
  });

  test('when the trust token expires during a call, the toolbar gets a fresh one from Fusion and the call carries on', async ({ page }) => {
    const [, , agent] = agents;
    if (!agent) throw new Error('no agent');
    const tickets = ticketAnswers(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const { fusion, toolbar } = await openFusion(page, '/short-lived/', agent.user);
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    // Straight to the agent's DN: the first test's agent is still Ready on the queue.
    simulator.placeCall({ from: '+14155550123', to: simulator.agents().find((entry) => entry.agentId === agent.agentId)?.dn ?? '' });
    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toBeVisible();

    // The bridge closes the socket when the token behind its ticket expires; the next ticket is
    // refused with TOKEN_EXPIRED until the toolbar has asked Fusion for a fresh token.
    const statuses = () => tickets.map((answer) => answer.status());
    await expect
      .poll(() => statuses().includes(401) && statuses().filter((status) => status === 200).length >= 2, { timeout: 4 * SHORT_TTL_SEC * 1000 })
      .toBe(true);
    const expired = tickets.find((answer) => answer.status() === 401);
    expect(await errorCodeOf(expired as Response)).toBe('TOKEN_EXPIRED');
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.every((url) => new URL(url).searchParams.has('ticket') && !new URL(url).searchParams.has('access_token'))).toBe(true);
    const published = await fusion.uef.published();
    expect(published.filter((entry) => entry.method === 'getConfigurationOperation').length).toBeGreaterThanOrEqual(2);
    await expect(toolbar.connection).not.toContainText(/lost|Reconnecting/i);

    await toolbar.control('Hang up').click();
    await expect(toolbar.wrapUp).toBeVisible();
    await expect(fusion.wrapUp).toBeVisible();
  });
});
