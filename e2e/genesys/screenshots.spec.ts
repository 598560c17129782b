import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createBridge, type Bridge, type BridgeOptionsInput } from '@ctikit/bridge';
import { toolbarViolations } from '../support/axe.ts';
import { agentLeg, OLIVIA } from '../support/call-steps.ts';
import { expect, openDemo, test as demoTest } from '../support/demo-test.ts';
import { E2E_BRIDGE_PORT } from '../support/environment.ts';
import { SimControl } from '../support/sim-control.ts';

/**
 * The README's pictures of the toolbar's main states — ringing, on a call, on hold, in a conference,
 * in wrap-up, with the connection lost — taken from the demo as an agent drives it and written to
 * docs/screenshots/, each after checking what it must show. They come out the same on every run: the
 * page is a fixed size, the contact center is this spec's own (its agents, one call at a time), the
 * call timers and the ended call's duration are masked (each is checked first), animations and the caret are off,
 * and the connection-lost picture holds the pages' timers, so the reconnect attempt stays the first.
 * This spec runs its own bridge, since it stops it.
 */

/**
 * This spec's bridge, on a port of its own (`E2E_SCREENSHOT_PORT`, else the suite's bridge's + 2),
 * with its second origin beside it (+ 1) serving the sample extension the toolbar frames.
 */
const PORT = Number(process.env.E2E_SCREENSHOT_PORT ?? E2E_BRIDGE_PORT + 2);
const EXTENSIONS_PORT = PORT + 1;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** A timer as the toolbar shows it: mm:ss, or the wrap-up's countdown. */
const TICKING = /^\d\d:\d\d$/;
const ALEX = { agentId: 'agent1', name: 'Alex Morgan', dn: '5001' };
const KENJI = { agentId: 'agent2', name: 'Kenji Sato', dn: '5002' };

const OPTIONS: BridgeOptionsInput = {
  logLevel: 'warn',
  // No heartbeat is due while the pictures are taken, so a busy machine never makes the toolbar think its socket died.
  heartbeatMs: 3_600_000,
  simulatorConfig: {
    agents: [
      { ...ALEX, queues: ['8000'] },
      { ...KENJI, queues: ['8000'] },
    ],
    queues: [{ dn: '8000', name: 'Support' }],
    reasonCodes: [{ code: 'Break', label: 'Break' }],
    ringTimeoutSec: 0,
    outboundNoAnswerSec: 600,
    afterCallWork: { enabled: true, timeoutSec: 120, after: 'customerCalls' },
  },
};

const test = demoTest.extend<{ bridge: Bridge }>({
  // The demo's config.json names the sample extension on the second origin (:8088): this bridge's.
  page: async ({ page }, use) => {
    await page.route('**/toolbar/config.json', async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replaceAll(':8088/', `:${EXTENSIONS_PORT}/`).replaceAll(':8088 ', `:${EXTENSIONS_PORT} `);
      await route.fulfill({ response, body: text });
    });
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  bridge: async ({}, use) => {
    const bridge = createBridge({ ...OPTIONS, port: PORT, extensionsPort: EXTENSIONS_PORT });
    await bridge.listen();
    await use(bridge);
    await bridge.close();
  },
});

test.use({ viewport: { width: 1280, height: 800 } });

test('the README screenshots: ringing, on a call, on hold, conference, wrap-up, connection lost', async ({ page, context, bridge, request }) => {
  test.setTimeout(120_000);
  const sim = new SimControl(request, bridge.url);
  const frame = page.frameLocator('iframe[title="Media toolbar"]');
  const picture = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('iframe[title="Media toolbar"]').screenshot({
      path: `${SHOTS}${name}.png`,
      animations: 'disabled',
      caret: 'hide',
      mask: [frame.getByRole('timer'), frame.getByText(/^Duration \d\d:\d\d$/)],
      maskColor: '#d9dee4',
    });
  };
  /** The picture, then axe-core's check of the same state. */
  const shot = async (name: string) => {
    await picture(name);
    expect(await toolbarViolations(page), name).toEqual([]);
  };

  const demo = await openDemo(page, bridge.url, ALEX.agentId, {});
  const colleague = await openDemo(await context.newPage(), bridge.url, KENJI.agentId, {});
  const { toolbar } = demo;
  await colleague.toolbar.goAvailable();
  await expect(colleague.toolbar.agentStateText).toHaveText('Available');
  await toolbar.goAvailable();
  await expect(toolbar.agentStateText).toHaveText('Available');

  await sim.placeCall(OLIVIA, ALEX.dn);
  await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
  await expect(toolbar.incomingCall.getByRole('timer')).toHaveText(TICKING);
  await expect(toolbar.incomingCall.getByRole('button', { name: 'Accept' })).toBeVisible();
  await expect(toolbar.incomingCall.getByRole('button', { name: 'Decline' })).toBeVisible();
  // The call's extension panel (created as it rings) has loaded its page: axe analyses no frame mid-navigation.
  await expect(frame.frameLocator('iframe[data-extension="CallContext"]').locator('.connection--connected')).toBeAttached();
  await shot('ringing');

  await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(toolbar.currentCall).toContainText('On call');
  await expect(toolbar.currentCall.getByRole('timer', { name: 'Call duration' })).toHaveText(TICKING);
  await expect(toolbar.control('Hang up')).toBeEnabled();
  await shot('on-call');

  await toolbar.control('Hold').click();
  await expect.poll(() => agentLeg(sim, ALEX)).toBe('Held');
  await expect(toolbar.currentCall).toContainText('On hold');
  await expect(toolbar.currentCall.getByRole('timer', { name: 'Time on hold' })).toHaveText(TICKING);
  await expect(toolbar.control('Resume')).toBeVisible();
  await shot('on-hold');

  await toolbar.control('Resume').click();
  await expect.poll(() => agentLeg(sim, ALEX)).toBe('Established');
  await toolbar.control('Transfer').click();
  const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
  await transfer.getByLabel('Transfer to').fill(KENJI.dn);
  await transfer.getByRole('button', { name: 'Consult' }).click();
  await colleague.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await toolbar.root.getByRole('region', { name: 'Consultation' }).getByRole('button', { name: 'Conference' }).click();
  await expect
    .poll(async () => (await sim.callOf(ALEX.dn)).parties.map(({ dn, state }) => `${dn} ${state}`).sort())
    .toEqual([`${ALEX.dn} Established`, `${KENJI.dn} Established`, `${OLIVIA} Established`].sort());
  await expect(toolbar.currentCall).toContainText('Olivia Bennett');
  await expect(toolbar.currentCall.getByRole('timer', { name: 'Call duration' })).toHaveText(TICKING);
  await shot('conference');

  await toolbar.control('Hang up').click();
  await expect(toolbar.wrapUp).toContainText('Call ended');
  await expect(toolbar.wrapUp.getByRole('timer', { name: 'Wrap-up time left' })).toHaveText(/^Wrap-up ends in \d\d:\d\d$/);
  await expect(toolbar.wrapUp.getByText(/^Duration \d\d:\d\d$/)).toBeVisible();
  await expect(toolbar.wrapUp.getByRole('button', { name: 'Done' })).toBeVisible();
  await shot('wrap-up');

  await toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();
  await expect(toolbar.agentStateText).toHaveText('Available');
  await sim.placeCall(OLIVIA, ALEX.dn);
  await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(toolbar.currentCall).toContainText('On call');
  await holdPageTimers(page);
  await bridge.close();
  const banner = toolbar.root.getByRole('alert').filter({ hasText: 'Connection to the phone system lost' });
  await expect(banner).toContainText('Call controls are unavailable until it is back.');
  await expect(toolbar.control('Hang up')).toBeDisabled();
  await picture('connection-lost');
  // axe-core talks to the frames through timers: let them run again for its check.
  await page.clock.resume();
  expect(await toolbarViolations(page), 'connection-lost').toEqual([]);
});

/** Stop the pages' timers where they are (fake timers, paused), so no reconnect attempt changes the picture. */
async function holdPageTimers(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.install({ time: now });
  await page.clock.pauseAt(now + 1000);
}
