import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, offeredEventId, test } from '../support/demo-test.ts';
import { SCREENSHOT_DIR } from '../support/environment.ts';

/**
 * The demo as it ships: Fusion framing the toolbar, the toolbar showing the sample extension (its
 * own config.json, the second origin moved to this suite's port). The agent uses the sample page as
 * they would any Agent Desktop extension; what they do there goes through the toolbar like its own
 * buttons — Fusion is told of the call the extension dialed — and the call's panel opens for it.
 */

const DANIEL = '13125550187';

test.describe('The sample extension in the demo', () => {
  test('dials with user data: the toolbar places the call, Fusion gets newCommEvent, the call’s panel opens', async ({ demo, sim }) => {
    const { page, toolbar, fusion, phone } = demo;
    const toolbarFrame = page.frameLocator('iframe[title="Media toolbar"]');
    await toolbarFrame.getByRole('tab', { name: 'Sample extension' }).click();
    const sample = toolbarFrame.frameLocator('iframe[title="Sample extension"]');
    await expect(sample.getByRole('status')).toHaveText(/^Connected · \d+ services allowed$/);

    await sample.getByLabel('New state').selectOption('Ready');
    await sample.getByRole('button', { name: 'Set state' }).click();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(sample.getByTestId('agent-state')).toHaveText('Ready');

    await sample.getByLabel('Number').fill(DANIEL);
    await sample.getByLabel('userData (JSON)').fill('{"Campaign":"spring"}');
    await sample.getByRole('button', { name: 'Dial' }).click();

    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expect(fusion.outboundCall).toContainText('Calling Daniel Okafor');
    const eventId = await offeredEventId(demo);
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND', SVCMCA_ANI: DANIEL });
    await expect.poll(async () => (await sim.calls()).map((call) => call.userData)).toEqual([{ Campaign: 'spring' }]);
    await expect(sample.getByRole('region', { name: 'Event log' })).toContainText(`interaction DIALING ${eventId} (DIALING)`);

    await phone.customerCall(DANIEL).getByRole('button', { name: 'Answer', exact: true }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
    await expect(sample.getByRole('region', { name: 'Calls' })).toContainText(`${eventId} · Outbound ${DANIEL} · TALKING`);

    await toolbarFrame.getByRole('tab', { name: `Call context · ${DANIEL}` }).click();
    const context = toolbarFrame.frameLocator('iframe[data-extension="CallContext"]');
    await expect(context.getByTestId('opened-for')).toHaveText(`Opened for call ${eventId}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}extensions-demo.png`, fullPage: true });

    await context
      .getByRole('group', { name: `Controls of ${eventId}` })
      .getByRole('button', { name: 'Hang up' })
      .click();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
  });

  test('the extensions area, a toast and the sample page have no axe-core violations', async ({ demo }) => {
    const { page, toolbar } = demo;
    const toolbarFrame = page.frameLocator('iframe[title="Media toolbar"]');
    await toolbarFrame.getByRole('tab', { name: 'Sample extension' }).click();
    const sample = toolbarFrame.frameLocator('iframe[title="Sample extension"]');
    await expect(sample.getByRole('status')).toHaveText(/^Connected/);
    await sample.getByRole('button', { name: 'Show toast' }).click();
    await expect(toolbarFrame.getByRole('region', { name: 'Notifications from extensions' })).toContainText('Callback due');
    await expect(toolbar.agentStateText).toHaveText('Logged out');

    const results = await new AxeBuilder({ page }).include({ fromFrames: ['iframe[title="Media toolbar"]', 'html'] }).analyze();
    const checked = results.passes.find((rule) => rule.id === 'button-name')?.nodes.map((node) => JSON.stringify(node.target)) ?? [];
    expect(checked.some((target) => target.includes('extension-tab'))).toBe(true);
    // …and inside the sample page, a frame deeper.
    expect(checked.some((target) => target.startsWith('["iframe","iframe"'))).toBe(true);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([]);
  });
});
