import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { createBridge, type Bridge } from '@ctikit/bridge';
import { expect, test, type APIRequestContext, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { FUSION_SIM_PORT, FUSION_SIM_TOOLBAR_PORT } from './fixtures/ports.ts';

/**
 * The Fusion simulator with a fixture media toolbar (e2e/fixtures/uef-toolbar.js) that uses our UEF
 * client library exactly as uef.md prescribes. Three origins: Fusion on localhost:A, the toolbar on
 * localhost:B, and a stranger on 127.0.0.1:A. Then the customer phone panel, served by the real bridge
 * and driving its embedded contact-center simulator.
 */

const FUSION = `http://localhost:${FUSION_SIM_PORT}`;
const TOOLBAR = `http://localhost:${FUSION_SIM_TOOLBAR_PORT}`;
const STRANGER = `http://127.0.0.1:${FUSION_SIM_PORT}`;

interface FixtureToolbar {
  commandMode: 'auto' | 'hold' | 'reject';
  dropOnCarry: string[];
  lastOutgoing: { uuid: string; outData: Record<string, string> } | undefined;
  agentState(available: boolean): Promise<unknown>;
  offer(eventId: string, ani: string, options?: Record<string, unknown>): Promise<Record<string, string>>;
  start(eventId: string): Promise<unknown>;
  outboundError(commUuid: string, code: string, message: string): Promise<unknown>;
  release(outcome: 'resolve' | 'reject', message?: string): void;
  provider: {
    requestHelper: { createSubscriptionRequest(name: string): unknown };
  };
  phone: { subscribe(request: unknown, callback: () => void): unknown };
}

declare global {
  interface Window {
    fixtureToolbar: FixtureToolbar;
    rawMessages: Array<{ origin: string; data: unknown }>;
  }
}

interface Opened {
  frame: Frame;
  toolbar: FrameLocator;
  received: ReturnType<FrameLocator['getByRole']>;
}

async function openFusion(page: Page, toolbarQuery = ''): Promise<Opened> {
  const toolbarUrl = `${TOOLBAR}/fixtures/uef-toolbar.html${toolbarQuery}`;
  await page.goto(`${FUSION}/?phone=0&toolbar=${encodeURIComponent(toolbarUrl)}`);
  const toolbar = page.frameLocator('iframe[title="Media toolbar"]');
  await expect(toolbar.getByRole('status')).toHaveText('UEF ready: agent agent1');
  const frame = page.frames().find((f) => f.url().startsWith(`${TOOLBAR}/fixtures/uef-toolbar.html`));
  if (!frame) throw new Error('the toolbar frame is missing');
  return { frame, toolbar, received: toolbar.getByRole('list', { name: 'Received events' }).getByRole('listitem') };
}

function eventLog(page: Page) {
  return page.getByRole('list', { name: 'Event log' }).getByRole('listitem');
}

function phoneButton(page: Page) {
  return page.getByRole('button', { name: /^Phone:/ });
}

async function addFrame(page: Page, url: string): Promise<Frame> {
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Another page';
    document.body.appendChild(frame);
  }, url);
  await expect.poll(() => page.frames().some((f) => f.url() === url)).toBe(true);
  const frame = page.frames().find((f) => f.url() === url);
  if (!frame) throw new Error(`no frame ${url}`);
  await frame.waitForLoadState();
  return frame;
}

test.describe('Fusion simulator hosting a UEF toolbar', () => {
  test('keeps the phone icon disabled until the toolbar reports the agent state, after the documented startup', async ({ page }) => {
    const { frame } = await openFusion(page, '?agentState=0');
    await expect(phoneButton(page)).toBeDisabled();
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Phone unavailable');
    const session = page.getByRole('region', { name: 'Toolbar session' });
    await expect(session).toContainText('FixtureToolbar (ctikit, v1)');
    await expect(session).toContainText('Ready for operation');
    await expect(session.getByRole('listitem')).toHaveText([
      'onToolbarInteractionCommand · ORA_SERVICE',
      'onToolbarAgentCommand',
      'onOutgoingEvent · ORA_SERVICE',
      'onDataUpdated · ORA_SERVICE',
    ]);
    for (const method of ['handshake', 'getConfigurationOperation', 'readyForOperationOperation']) {
      await expect(eventLog(page).filter({ hasText: 'Toolbar → Fusion' }).filter({ hasText: method })).not.toHaveCount(0);
    }

    await frame.evaluate(() => window.fixtureToolbar.agentState(true));
    await expect(phoneButton(page)).toBeEnabled();
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Available (Idle)');
  });

  test('changes availability from the phone menu only when the toolbar publishes the new state', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'hold'));
    await phoneButton(page).click();
    await page.getByRole('menuitem', { name: 'Make unavailable' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Making you unavailable…' })).toBeVisible();
    await expect(received.filter({ hasText: 'onToolbarAgentCommand makeUnavailable' })).toHaveCount(1);
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Available (Idle)');

    await frame.evaluate(() => window.fixtureToolbar.release('resolve'));
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Unavailable (On Break)');
    await expect(page.getByText('Making you unavailable…')).toBeHidden();

    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'reject'));
    await phoneButton(page).click();
    await page.getByRole('menuitem', { name: 'Make available' }).click();
    await expect(page.getByRole('alert')).toHaveText('Could not make you available: CTI error: the line is busy');
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Unavailable (On Break)');
  });

  test('offers a call from a known number with the looked-up contact; Answer waits for the toolbar, then the engagement opens', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    const outData = await frame.evaluate(() => window.fixtureToolbar.offer('call-1', '14155550142'));
    expect(outData).toMatchObject({ SVCMCA_CONTACT_NAME: 'Olivia Bennett', SVCMCA_CONTACT_ID: '300100123450001', SVCMCA_SR_NUM: 'SR0001234' });

    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await expect(dialog).toContainText('Olivia Bennett');
    await expect(dialog).toContainText('+1 415 555 0142');
    await expect(dialog).toContainText('Northwind Traders');
    await expect(dialog).toContainText('SR0001234');

    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'hold'));
    await dialog.getByRole('button', { name: 'Answer' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Answering… waiting for the media toolbar');
    await expect(dialog.getByRole('button', { name: 'Answer' })).toBeDisabled();
    await expect(received.filter({ hasText: 'onToolbarInteractionCommand accept call-1' })).toHaveCount(1);

    await frame.evaluate(() => window.fixtureToolbar.release('resolve'));
    const engagement = page.getByRole('region', { name: 'Engagement with Olivia Bennett' });
    await expect(engagement).toContainText('Inbound');
    await expect(engagement.getByRole('timer', { name: 'Call duration' })).toHaveText(/^\d+:\d{2}$/);
    await expect(dialog).toBeHidden();
    await expect(eventLog(page).filter({ hasText: 'accept call-1: promise resolved: success' })).toHaveCount(1);
    await expect(eventLog(page).filter({ hasText: 'inData carries all' })).toHaveCount(1);
  });

  test('offers a call from an unknown number as Unknown caller', async ({ page }) => {
    const { frame } = await openFusion(page);
    const outData = await frame.evaluate(() => window.fixtureToolbar.offer('call-2', '+15550100999'));
    expect(outData.SVCMCA_CONTACT_ID).toBeUndefined();
    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await expect(dialog).toContainText('Unknown caller');
    await expect(dialog).toContainText('+1 555 010 0999');
  });

  test('shows the toolbar rejecting Answer in the dialog, and removes the dialog on Decline', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    await frame.evaluate(() => window.fixtureToolbar.offer('call-3', '13125550187'));
    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'reject'));
    await dialog.getByRole('button', { name: 'Answer' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Could not answer: CTI error: the line is busy');
    await expect(dialog.getByRole('button', { name: 'Answer' })).toBeEnabled();

    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'auto'));
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await expect(received.filter({ hasText: 'onToolbarInteractionCommand reject call-3' })).toHaveCount(1);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('list', { name: 'Recent interactions' })).toContainText('From Daniel Okafor — REJECT');
  });

  test('disconnects from the engagement, opens the Wrap Up panel and sends WRAPUP_CLOSED on Save', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    await frame.evaluate(() => window.fixtureToolbar.offer('call-4', '442079460018'));
    await page.getByRole('dialog', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    const engagement = page.getByRole('region', { name: 'Engagement with Hannah Keller' });
    await engagement.getByRole('button', { name: 'Disconnect' }).click();
    await expect(received.filter({ hasText: 'onToolbarInteractionCommand disconnect call-4' })).toHaveCount(1);

    const wrapUp = page.getByRole('form', { name: 'Wrap Up' });
    await wrapUp.getByLabel('Disposition').selectOption('Escalated');
    await wrapUp.getByLabel('Notes').fill('Customer wants a callback');
    await wrapUp.getByRole('button', { name: 'Save' }).click();
    await expect(received.filter({ hasText: 'onDataUpdated WRAPUP_CLOSED Escalated: Customer wants a callback call-4' })).toHaveCount(1);
    await expect(wrapUp).toBeHidden();
    await expect(engagement).toBeHidden();
  });

  test('sends OFFER_TIMEOUT when the offer timer passes, and removes the dialog on closeCommEvent TIMEOUT', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    await frame.evaluate(() => window.fixtureToolbar.offer('call-5', '13125550187', { offerTimeoutSec: 1 }));
    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await expect(dialog).toBeVisible();
    await expect(received.filter({ hasText: 'onDataUpdated OFFER_TIMEOUT call-5' })).toHaveCount(1);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('list', { name: 'Recent interactions' })).toContainText('TIMEOUT');
  });

  test('logs when the toolbar does not carry the newComm outData into startCommEvent', async ({ page }) => {
    const { frame } = await openFusion(page);
    await frame.evaluate(() => window.fixtureToolbar.offer('call-6', '14155550142'));
    await frame.evaluate(() => (window.fixtureToolbar.dropOnCarry = ['SVCMCA_CONTACT_ID']));
    await frame.evaluate(() => window.fixtureToolbar.start('call-6'));
    await expect(eventLog(page).filter({ hasText: 'does not carry the newCommEvent outData: missing SVCMCA_CONTACT_ID' })).toHaveCount(1);
  });

  test('sends click-to-dial only to the matching appClassification, shows the dialing panel and the outbound error', async ({ page }) => {
    const { frame, received } = await openFusion(page, '?alsoOutgoing=ORA_SALES');
    await page.getByRole('link', { name: 'Call Daniel Okafor at +1 312 555 0187' }).click();
    await expect(received.filter({ hasText: 'onOutgoingEvent' })).toHaveText(['onOutgoingEvent ORA_SERVICE +13125550187']);
    await expect(page.getByRole('status').filter({ hasText: 'Call to Daniel Okafor sent to the media toolbar…' })).toBeVisible();

    const outgoing = await frame.evaluate(() => window.fixtureToolbar.lastOutgoing);
    expect(outgoing?.outData).toMatchObject({
      SVCMCA_ANI: '+13125550187',
      SVCMCA_DISPLAY_NAME: 'Daniel Okafor',
      SVCMCA_CONTACT_ID: '300100123450002',
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
    });
    await frame.evaluate(
      ({ uuid, outData }) => window.fixtureToolbar.offer(uuid, outData.SVCMCA_ANI ?? '', { direction: 'ORA_SVC_OUTBOUND', inData: outData }),
      outgoing ?? { uuid: '', outData: {} },
    );
    const dialing = page.getByRole('region', { name: 'Outbound call' });
    await expect(dialing).toContainText('Calling Daniel Okafor');
    await expect(page.getByText('sent to the media toolbar…')).toBeHidden();

    await frame.evaluate((uuid) => window.fixtureToolbar.outboundError(uuid, 'INVALID_NUMBER', 'The number is not reachable'), outgoing?.uuid ?? '');
    await expect(dialing.getByRole('alert')).toHaveText('Outbound call failed: INVALID_NUMBER — The number is not reachable');
    await dialing.getByRole('button', { name: 'Hang up' }).click();
    await expect(dialing).toBeHidden();
    await expect(page.getByRole('list', { name: 'Recent interactions' })).toContainText('To Daniel Okafor — CANCELED');
  });

  test('throws when the toolbar subscribes to onOutgoingEvent without an appClassification', async ({ page }) => {
    const { frame } = await openFusion(page);
    const message = await frame.evaluate(() => {
      const { provider, phone } = window.fixtureToolbar;
      try {
        phone.subscribe(provider.requestHelper.createSubscriptionRequest('onOutgoingEvent'), () => undefined);
        return 'subscribed';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe('App Classification missing in payload');
  });

  test('ignores messages from another origin or another frame on the Fusion side', async ({ page }) => {
    const { frame } = await openFusion(page, '?agentState=0');
    const forged = {
      type: 'publish',
      method: 'agentStateEventOperation',
      uuid: 'forged-1',
      version: '1.0',
      toolbarName: 'ctikit',
      eventSource: 'toolbar',
      data: { channel: 'PHONE', channelType: 'ORA_SVC_PHONE', propagateToTabs: false, isAvailable: true, isLoggedIn: true, stateDisplayString: 'Forged' },
    };
    const stranger = await addFrame(page, `${STRANGER}/fixtures/blank.html`);
    await stranger.evaluate((message) => window.parent.postMessage(message, '*'), forged);
    const sameOrigin = await addFrame(page, `${TOOLBAR}/fixtures/blank.html`);
    await sameOrigin.evaluate((message) => window.parent.postMessage(message, '*'), forged);

    const blocked = eventLog(page).filter({ hasText: 'Blocked' });
    await expect(blocked).toHaveCount(2);
    await expect(blocked.filter({ hasText: `origin is not the media toolbar's (${TOOLBAR}) (origin ${STRANGER})` })).toHaveCount(1);
    await expect(blocked.filter({ hasText: `not sent by the media toolbar frame (origin ${TOOLBAR})` })).toHaveCount(1);
    await expect(phoneButton(page)).toBeDisabled();

    await frame.evaluate(() => window.fixtureToolbar.agentState(true));
    await expect(phoneButton(page)).toHaveAccessibleName('Phone: Available (Idle)');
  });

  test('the UEF library in the toolbar ignores a replayed Fusion command from another origin', async ({ page }) => {
    const { frame, received } = await openFusion(page);
    await frame.evaluate(() => {
      window.rawMessages = [];
      window.addEventListener('message', (event) => window.rawMessages.push({ origin: event.origin, data: event.data }));
    });
    await frame.evaluate(() => window.fixtureToolbar.offer('call-7', '14155550142'));
    await frame.evaluate(() => (window.fixtureToolbar.commandMode = 'hold'));
    const dialog = page.getByRole('dialog', { name: 'Incoming call' });
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await expect(received.filter({ hasText: 'onToolbarInteractionCommand reject call-7' })).toHaveCount(1);

    const genuine = await frame.evaluate(() => window.rawMessages.find((m) => (m.data as { type?: string }).type === 'event')?.data);
    expect(genuine).toMatchObject({ type: 'event', method: 'onToolbarInteractionCommand', data: { command: 'reject' } });
    const replay = structuredClone(genuine) as { uuid: string; data: Record<string, unknown> };
    replay.uuid = 'replayed-1';
    replay.data = { ...replay.data, command: 'accept', uuid: 'replayed-1' };

    const stranger = await addFrame(page, `${STRANGER}/fixtures/blank.html`);
    await stranger.evaluate((message) => window.parent.frames[0]?.postMessage(message, '*'), replay);
    await expect.poll(() => frame.evaluate((origin) => window.rawMessages.some((m) => m.origin === origin), STRANGER)).toBe(true);
    await expect(received.filter({ hasText: 'accept call-7' })).toHaveCount(0);

    await frame.evaluate(() => window.fixtureToolbar.release('resolve'));
    await expect(dialog).toBeHidden();
    await expect(received.filter({ hasText: 'call-7' })).toHaveCount(1);
  });

  test('has no serious accessibility violations with a call offered', async ({ page }) => {
    const { frame } = await openFusion(page);
    await frame.evaluate(() => window.fixtureToolbar.offer('call-8', '14155550142'));
    await expect(page.getByRole('dialog', { name: 'Incoming call' })).toBeVisible();
    const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('Customer phone panel against the bridge and its contact-center simulator', () => {
  let bridge: Bridge;
  let bridgeUrl: string;

  test.beforeEach(async () => {
    bridge = createBridge({
      port: 0,
      logLevel: 'silent',
      staticDirs: [
        { dir: fileURLToPath(new URL('../packages/simulators/dist', import.meta.url)), prefix: '/' },
        { dir: fileURLToPath(new URL('./fixtures', import.meta.url)), prefix: '/fixtures/' },
      ],
    });
    bridgeUrl = await bridge.listen();
  });

  test.afterEach(async () => {
    await bridge.close();
  });

  /** What the agent's toolbar would send: a command on /genesys/events for the dev-mode agent (agent1, DN 5001). */
  async function agentCommand(request: APIRequestContext, command: Record<string, unknown>): Promise<void> {
    const response = await request.post(`${bridgeUrl}/genesys/events`, { data: command });
    expect(response.ok(), await response.text()).toBe(true);
  }

  async function openDemo(page: Page) {
    await page.goto(`${bridgeUrl}/?toolbar=${encodeURIComponent('/fixtures/blank.html')}`);
    const phone = page.getByRole('complementary', { name: 'Customer phone' });
    await expect(phone.getByRole('status')).toHaveText('Live');
    return {
      phone,
      customerCalls: phone.getByRole('region', { name: 'Customer calls' }),
      softphone: phone.getByRole('region', { name: 'Agent softphone' }),
    };
  }

  test('calls a queue as the customer, rings the agent softphone, answers and hangs up there', async ({ page, request }) => {
    await agentCommand(request, { type: 'initialize' });
    const { phone, customerCalls, softphone } = await openDemo(page);
    await expect(phone.getByLabel('Call from')).toHaveValue('+14155550142');
    await phone.getByLabel('Number to call').selectOption('8000');
    await phone.getByRole('button', { name: 'Call' }).click();

    await expect(customerCalls.getByRole('listitem')).toHaveText([/Ringing at agent 5001\+14155550142 ↔ Support \(8000\)/]);
    await expect(softphone.getByLabel('DN')).toHaveValue('5001');
    const ringing = softphone.getByRole('listitem').filter({ hasText: 'Ringing' });
    await expect(ringing).toContainText('+14155550142');
    await ringing.getByRole('button', { name: 'Answer' }).click();

    await expect(customerCalls.getByRole('listitem')).toHaveText([/Talking\+14155550142 ↔ agent 5001/]);
    await softphone.getByRole('listitem').filter({ hasText: 'Established' }).getByRole('button', { name: 'Hang up' }).click();
    await expect(customerCalls.getByText('No customer calls.')).toBeVisible();
    await expect(softphone.getByText('The phone is idle.')).toBeVisible();
    await expect(phone.getByRole('region', { name: 'Simulator events' })).toContainText('EventReleased');
  });

  test("shows the agent's outbound call ringing at the customer: Busy refuses it, Answer connects it", async ({ page, request }) => {
    await agentCommand(request, { type: 'initialize' });
    const { customerCalls } = await openDemo(page);

    await agentCommand(request, { type: 'MakeCall', phoneNumber: '14155550142' });
    const incoming = customerCalls.getByRole('listitem').filter({ hasText: 'Incoming call' });
    await expect(incoming).toContainText('14155550142 ↔ agent 5001');
    await incoming.getByRole('button', { name: 'Busy' }).click();
    await expect(customerCalls.getByText('No customer calls.')).toBeVisible();

    await agentCommand(request, { type: 'MakeCall', phoneNumber: '14155550142' });
    await customerCalls.getByRole('listitem').filter({ hasText: 'Incoming call' }).getByRole('button', { name: 'Answer', exact: true }).click();
    const talking = customerCalls.getByRole('listitem').filter({ hasText: 'Talking' });
    await expect(talking).toContainText('14155550142 ↔ agent 5001');
    await talking.getByRole('button', { name: 'Hang up' }).click();
    await expect(customerCalls.getByText('No customer calls.')).toBeVisible();
  });

  test('reports a request the simulator refuses', async ({ page }) => {
    const { phone } = await openDemo(page);
    await phone.getByLabel('Call from').fill('5001');
    await phone.getByRole('button', { name: 'Call' }).click();
    await expect(phone.getByRole('alert')).toContainText('5001');
  });
});
