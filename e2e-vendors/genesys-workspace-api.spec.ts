import { formatPhoneNumber } from '../packages/toolbar/src/ui/number-format.ts';
import { expect, test, type Page } from '@playwright/test';
import { startAgentApiSimulator, type AgentApiSimulator } from '../packages/bridge/vendor-test/genesys/agent-api-simulator.ts';
import type { FusionPage } from '../e2e/support/fusion-page.ts';
import type { ToolbarView } from '../e2e/support/toolbar-view.ts';
import { openWorkspaceDemo, startWorkspaceDemo, type WorkspaceDemo } from '../e2e/support/workspace-demo.ts';

/**
 * The demo's core flow in the browser with the bridge on the Workspace API backend in front of
 * Genesys' own agent-api-simulator (the kit in $CTIKIT_KITS, started fresh for each test from a
 * temporary copy): JohnSmith, one of the simulator's agents, on his DN +33298025003. He signs in
 * with the simulator's authorization-code flow from the toolbar; customers call through the
 * simulator's management API, as its own UI does, and answer his calls on their own (after 5 s).
 *
 * Checked: what the agent sees (toolbar, Fusion), what the toolbar sent the bridge
 * (`POST /genesys/events`), the events the bridge sent it (`/genesysWs`) — made from what Genesys'
 * simulator notified — and what Fusion was told (its UEF log).
 */
const JOHN = { agentId: 'JohnSmith', dn: '+33298025003', name: 'John Smith' };
/** Olivia Bennett of Northwind Traders, whom Fusion's reverse lookup knows. */
const OLIVIA = '+14155550142';
/** A Fusion contact with a click-to-dial link. */
const DANIEL = '+13125550187';

/** What went between the toolbar and the bridge: the commands it POSTed and the events it received. */
interface Wire {
  commands(): Array<Record<string, unknown>>;
  events(): Array<Record<string, unknown> & { eventName: string }>;
}

function recordWire(page: Page): Wire {
  const commands: Array<Record<string, unknown>> = [];
  const events: Array<Record<string, unknown> & { eventName: string }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/genesys/events') commands.push(request.postDataJSON() as Record<string, unknown>);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname !== '/genesysWs') return;
    socket.on('framereceived', ({ payload }) => events.push(JSON.parse(String(payload)) as Record<string, unknown> & { eventName: string }));
  });
  return { commands: () => commands, events: () => events.filter(({ eventName }) => eventName !== 'Heartbeat') };
}

/**
 * Go available: the toolbar opens Genesys' sign-in in a window. The simulator sends it to its
 * `/auth/sign-in.html`, a page of Genesys' auth UI that the kit does not ship (the simulator answers
 * 404), so the test puts in its place a form posting what that page posts to the simulator's
 * `POST /auth/v3/sign-in` (tenant, user name, password); from there the simulator's own redirects
 * bring the window back to the toolbar's `genesys-sign-in.html` with the code.
 */
async function goAvailableSigningInAtGenesys(page: Page, toolbar: ToolbarView): Promise<void> {
  const signInWindow = page.context().waitForEvent('page');
  await toolbar.goAvailable();
  const signIn = await signInWindow;
  await signIn.waitForURL((url) => url.pathname === '/auth/sign-in.html');
  await signIn.setContent(
    '<!doctype html><title>Sign in</title><form method="post" action="/auth/v3/sign-in"><input type="hidden" name="tenant" value="">' +
      '<label>User name <input name="username"></label><label>Password <input type="password" name="password"></label><button>Sign in</button></form>',
  );
  await signIn.getByRole('textbox', { name: 'User name' }).fill(JOHN.agentId);
  await signIn.getByLabel('Password').fill(JOHN.agentId);
  // The window may close before the click returns: wait for it from before.
  const closed = signIn.waitForEvent('close');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await closed;
}

/** The id the toolbar gave the call in Fusion (newCommEvent). */
async function offeredEventId(fusion: FusionPage): Promise<string> {
  await expect.poll(async () => (await fusion.uef.published('newCommEvent')).length).toBeGreaterThan(0);
  const eventId = (await fusion.uef.last('newCommEvent')).data.eventId;
  if (!eventId) throw new Error('newCommEvent without an eventId');
  return eventId;
}

/** A customer calls JohnSmith (`POST /sim/manage/voice/create-call`). */
async function callIn(from: string): Promise<void> {
  const response = await fetch(`${simulator.url}/sim/manage/voice/create-call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callType: 'Inbound', agent: JOHN.agentId, orig: from }),
  });
  expect(response.ok, `create-call answered ${response.status}`).toBe(true);
}

/** The call's wrap-up, saved in Fusion: the toolbar's card closes and the agent is available. */
async function saveWrapUp(fusion: FusionPage, toolbar: ToolbarView, name: string, eventId: string): Promise<void> {
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
  await expect(fusion.wrapUp).toContainText(name);
  await expect(toolbar.wrapUp).toContainText(name);
  await expect(toolbar.wrapUp).toContainText('Call ended');
  await fusion.saveWrapUp('Resolved', 'Handled on Genesys');
  await expect(fusion.wrapUp).toBeHidden();
  await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['WRAPUP_CLOSED']);
  await expect(toolbar.wrapUp).toBeHidden();
  await expect(toolbar.agentStateText).toHaveText('Available');
}

let simulator: AgentApiSimulator;
let demo: WorkspaceDemo;
let wire: Wire;

test.beforeEach(async ({ page }) => {
  wire = recordWire(page);
  simulator = await startAgentApiSimulator();
  demo = await startWorkspaceDemo({
    apiUrl: simulator.url,
    apiKey: 'ctikit-vendor-test',
    clientId: 'ctikit-toolbar',
    echoesState: false,
    agents: [JOHN],
    // The simulator's not-ready action codes (its data/action-codes.yaml).
    reasonCodes: [
      { code: 'Break', label: 'Break' },
      { code: 'OutToLunch', label: 'Lunch' },
    ],
  });
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern.
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('agent-api-simulator output', { body: simulator.output() });
    await testInfo.attach('toolbar ↔ bridge', { body: JSON.stringify({ commands: wire.commands(), events: wire.events() }, null, 2) });
  }
  await demo.close();
  await simulator.stop();
});

test.describe("The toolbar on Genesys' agent-api-simulator", () => {
  test('sign in, not ready with a reason and ready, an incoming call with its caller answered, held, retrieved, hung up, and its wrap-up', async ({ page }) => {
    const { toolbar, fusion } = await openWorkspaceDemo(page, demo, JOHN.agentId);
    await expect(toolbar.agentStateText).toHaveText('Logged out');

    await goAvailableSigningInAtGenesys(page, toolbar);
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
    // The header names the agent from the directory, Genesys' targets search.
    await expect(toolbar.root.getByRole('banner')).toContainText(JOHN.name);
    const [initialize] = wire.commands();
    expect(initialize).toMatchObject({ type: 'initialize', genesysCredential: { kind: 'code', code: expect.any(String), redirectUri: demo.redirectUri } });
    expect(wire.events().map(({ eventName }) => eventName)).toEqual(['SessionOpened', 'EventRegistered', 'EventAgentLogin', 'EventAgentReady']);
    expect(wire.events()[1]).toMatchObject({ thisDN: JOHN.dn });

    await toolbar.goNotReady('Lunch');
    await expect(toolbar.agentStateText).toHaveText('Not ready: Lunch');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Unavailable\b/);
    expect(wire.commands().at(-1)).toMatchObject({ type: 'NotReady', reasonCode: 'OutToLunch' });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventAgentNotReady', agentId: JOHN.agentId, reasons: { ReasonCode: 'OutToLunch' } });
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    expect(wire.commands().at(-1)).toMatchObject({ type: 'Ready' });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventAgentReady' });

    await callIn(OLIVIA);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(toolbar.incomingCall).toContainText(formatPhoneNumber(OLIVIA, 'US'));
    await expect(fusion.incomingCall).toContainText('Olivia Bennett');
    const eventId = await offeredEventId(fusion);
    const ringing = wire.events().find(({ eventName }) => eventName === 'EventRinging');
    expect(ringing).toMatchObject({ thisDN: JOHN.dn, callType: 'Inbound', ANI: OLIVIA, DNIS: JOHN.dn });
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_ANI: OLIVIA });

    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toContainText('Olivia Bennett');
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(fusion.engagement('Olivia Bennett')).toContainText('Northwind Traders');
    const connectionId = ringing?.connectionId;
    expect(wire.commands().at(-1)).toEqual({ type: 'Accept', connectionId });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventEstablished', connectionId });
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    // The transfer field searches the directory: the simulator's route points are in it.
    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    const field = transfer.getByRole('combobox', { name: 'Transfer to' });
    await field.fill('sip');
    await expect(transfer.getByRole('listbox', { name: 'Directory' }).getByRole('option', { name: /^TO SIP Group .*queue/ })).toBeVisible();
    await field.press('Escape');
    await field.press('Escape');
    await expect(transfer).toBeHidden();

    await toolbar.control('Hold').click();
    await expect(toolbar.currentCall).toContainText('On hold');
    await expect(toolbar.control('Resume')).toBeVisible();
    expect(wire.commands().at(-1)).toEqual({ type: 'Hold', connectionId });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventHeld', connectionId });
    await toolbar.control('Resume').click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.control('Hold')).toBeVisible();
    expect(wire.commands().at(-1)).toEqual({ type: 'Retrieve', connectionId });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventRetrieved', connectionId });

    await toolbar.control('Hang up').click();
    await expect(toolbar.currentCall).toBeHidden();
    expect(wire.commands().at(-1)).toEqual({ type: 'Hangup', connectionId });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventReleased', connectionId });
    await saveWrapUp(fusion, toolbar, 'Olivia Bennett', eventId);
    expect(wire.events().filter(({ eventName }) => eventName === 'EventError')).toEqual([]);
  });

  test('click-to-dial in Fusion: the toolbar dials through Genesys, the customer answers, the agent hangs up and wraps up', async ({ page }) => {
    const { toolbar, fusion } = await openWorkspaceDemo(page, demo, JOHN.agentId);
    await goAvailableSigningInAtGenesys(page, toolbar);
    await expect(toolbar.agentStateText).toHaveText('Available');

    await fusion.callContact('Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expect(fusion.outboundCall).toContainText('Calling Daniel Okafor');
    const eventId = await offeredEventId(fusion);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    expect(eventId).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);
    expect(wire.commands().at(-1)).toMatchObject({ type: 'MakeCall', phoneNumber: DANIEL, eventId });
    const dialing = wire.events().find(({ eventName }) => eventName === 'EventDialing');
    expect(dialing).toMatchObject({ thisDN: JOHN.dn, callType: 'Outbound', eventId, DNIS: DANIEL });

    // Genesys' simulator has the customer answer on their own, 5 s after the call is made (voice.js makeCall).
    await expect(toolbar.currentCall).toContainText('Daniel Okafor', { timeout: 15_000 });
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(fusion.engagement('Daniel Okafor')).toContainText('Outbound');
    const connectionId = dialing?.connectionId;
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventEstablished', connectionId, eventId });

    await toolbar.control('Hang up').click();
    await expect(toolbar.currentCall).toBeHidden();
    expect(wire.commands().at(-1)).toEqual({ type: 'Hangup', connectionId });
    expect(wire.events().at(-1)).toMatchObject({ eventName: 'EventReleased', connectionId });
    await saveWrapUp(fusion, toolbar, 'Daniel Okafor', eventId);
    expect(wire.events().filter(({ eventName }) => eventName === 'EventError')).toEqual([]);
  });
});
