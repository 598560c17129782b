import type { Page } from '@playwright/test';
import type { FusionPage } from '../support/fusion-page.ts';
import { expect, offeredEventId, test } from './scenario-test.ts';
import { available, DANIEL, expectCcp, OLIVIA, shown } from '../support/call-steps.ts';

/**
 * The agent reloads the toolbar's frame in the middle of a call: the toolbar picks the call up again
 * (the bridge session's snapshot on the Genesys path; Streams started again and the CCP's first
 * snapshot on Amazon Connect) under the same eventId — the one a call that came in was offered
 * with, Fusion's own for a click-to-dial call. The reloaded toolbar is a new UEF client, which a real
 * Fusion knows nothing about, so it announces the call again (startCommEvent under the same eventId):
 * Fusion's engagement stays, and the close after hang-up is accepted and opens Wrap Up.
 */

async function reloadToolbar(page: Page): Promise<void> {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/toolbar/');
  if (!frame) throw new Error('the toolbar frame is missing');
  await frame.goto(frame.url());
}

/** What Fusion heard of the call, and of nothing else: offered, started, started again by the reloaded toolbar, closed into Wrap Up. */
async function expectClosedAfterReannounce(fusion: FusionPage, eventId: string): Promise<void> {
  const heard = ['newCommEvent', 'startCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP'];
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(heard);
  const withEventId = (event: string): string => {
    const [method, reason] = event.split(' ');
    return [method, eventId, reason].filter(Boolean).join(' ');
  };
  expect(await fusion.uef.allCommEvents()).toEqual(heard.map(withEventId));
}

test.describe('Reloading the toolbar', () => {
  test('during an answered call keeps the call and its eventId; hanging up afterwards closes it with WRAPUP', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion, page } = demo;
    await available(demo, ccp);
    await sim.placeCall(OLIVIA, agent.dn);
    await fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();
    const engagement = fusion.engagement('Olivia Bennett');
    await expect(engagement).toBeVisible();
    await expect(toolbar.currentCall).toContainText('On call');
    const eventId = await offeredEventId(demo);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    await reloadToolbar(page);

    await expect(fusion.uef.entries.filter({ hasText: "initialize('ctikit', 'v1')" })).toHaveCount(2);
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.currentCall).toContainText(shown(OLIVIA));
    // Who the call is with, as Fusion's reverse lookup found it before the reload.
    await expect(toolbar.currentCall).toContainText('Olivia Bennett');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'startCommEvent']);
    await expect(engagement).toBeVisible();
    await expect(fusion.incomingCall).toBeHidden();

    await toolbar.control('Hang up').click();

    await expect(fusion.wrapUp).toContainText('Olivia Bennett');
    await expect(toolbar.wrapUp).toContainText('Call ended');
    // The CCP started again with the toolbar follows the call to its end. (Its page is read only once
    // it has something new to show: the simulated CCP's view can miss the first snapshot while it
    // renders for the first time — packages/simulators/src/ccp/CcpView.tsx subscribes in an effect.)
    await expectCcp(ccp, { agentState: 'AfterCallWork' });
    await expectClosedAfterReannounce(fusion, eventId);
  });

  test('during a click-to-dial call keeps Fusion’s eventId; hanging up afterwards closes it with WRAPUP', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone, page } = demo;
    await available(demo, ccp);
    await fusion.callContact('Daniel Okafor');
    await phone.customerCall(DANIEL).getByRole('button', { name: 'Answer', exact: true }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(fusion.engagement('Daniel Okafor')).toBeVisible();
    const eventId = await offeredEventId(demo);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    expect(eventId).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);

    await reloadToolbar(page);

    await expect(fusion.uef.entries.filter({ hasText: "initialize('ctikit', 'v1')" })).toHaveCount(2);
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.currentCall).toContainText('Daniel Okafor');
    await toolbar.control('Hang up').click();

    await expectClosedAfterReannounce(fusion, eventId);
  });
});
