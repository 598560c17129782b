import type { Page } from '@playwright/test';
import { expect, offeredEventId, test } from './amazon-test.ts';

/**
 * The agent reloads the toolbar in the middle of a call on Amazon Connect: Streams is started again,
 * embeds the CCP again, and the first snapshot lists the call — the toolbar resyncs from it, under the
 * same eventId (the contactId for a call that came in, Fusion's id for a call placed by click-to-dial),
 * and Fusion hears nothing new until the call ends.
 */

const OLIVIA = '+14155550142';
const DANIEL = '13125550187';

async function reloadToolbar(page: Page): Promise<void> {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/toolbar/');
  if (!frame) throw new Error('the toolbar frame is missing');
  await frame.goto(frame.url());
}

test.describe('Amazon Connect: reloading the toolbar', () => {
  test('during an answered call keeps the call and its eventId; hanging up afterwards closes it with WRAPUP', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion, page } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    const eventId = await offeredEventId(demo);

    await reloadToolbar(page);

    await expect(fusion.uef.entries.filter({ hasText: "initialize('ctikit', 'v1')" })).toHaveCount(2);
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.currentCall).toContainText(OLIVIA);
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(ccp.agentState).toHaveText('Busy');

    await toolbar.control('Hang up').click();

    await expect(toolbar.wrapUp).toContainText('Call ended');
    expect(await fusion.uef.allCommEvents()).toEqual([`newCommEvent ${eventId}`, `startCommEvent ${eventId}`, `closeCommEvent ${eventId} WRAPUP`]);
  });

  test('during a click-to-dial call keeps Fusion’s eventId', async ({ demo }) => {
    const { toolbar, fusion, phone, page } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await fusion.callContact('Daniel Okafor');
    await phone.customerCall(DANIEL).getByRole('button', { name: 'Answer', exact: true }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    const eventId = await offeredEventId(demo);

    await reloadToolbar(page);

    await expect(fusion.uef.entries.filter({ hasText: "initialize('ctikit', 'v1')" })).toHaveCount(2);
    await expect(toolbar.currentCall).toContainText('On call');
    await toolbar.control('Hang up').click();

    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    expect(await fusion.uef.allCommEvents()).toHaveLength(3);
  });
});
