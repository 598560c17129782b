/// <reference types="amazon-connect-streams" />
import type { Frame, Page } from '@playwright/test';
import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { OLIVIA, shown } from '../support/call-steps.ts';
import { ToolbarView } from '../support/toolbar-view.ts';
import { expect, offeredEventId, test } from './amazon-test.ts';

/**
 * Two toolbars open on one agent, as an agent with two browser tabs has them: each embeds its own CCP,
 * and the CCPs share one agent as the real CCP's shared worker makes them (one softphone master, every
 * broadcast to every tab, the connected-CCP count). Asserted through the real amazon-connect-streams in
 * each tab (`connect.hasOtherConnectedCCPs()`, `connect.ifMaster`, `contact.onAccepted`) and in what the
 * toolbars and the CCPs show.
 */

/** The toolbar's frame in the demo page (Fusion frames it), where the library runs. */
function toolbarFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname.startsWith('/toolbar/'));
  if (!frame) throw new Error('the demo has no toolbar frame');
  return frame;
}

type StreamsPage = Pick<Frame, 'evaluate'>;

/** Public calls of the library its type declarations leave out. */
type Streams = typeof connect & {
  hasOtherConnectedCCPs(): boolean;
  ifMaster(topic: string, isMaster: () => void, isNot: () => void): void;
  MasterTopics: { SOFTPHONE: string };
};

function otherCcpsConnected(where: StreamsPage): Promise<boolean> {
  return where.evaluate(() => (connect as Streams).hasOtherConnectedCCPs());
}

function softphoneMaster(where: StreamsPage): Promise<boolean> {
  return where.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const streams = connect as Streams;
        streams.ifMaster(
          streams.MasterTopics.SOFTPHONE,
          () => resolve(true),
          () => resolve(false),
        );
      }),
  );
}

/** Record the contacts this tab's library hears accepted (wherever the agent accepted them). */
function listenForAccepted(where: StreamsPage): Promise<void> {
  return where.evaluate(() => {
    const heard: string[] = [];
    Object.assign(window, { acceptedHeard: heard });
    connect.contact((contact) => contact.onAccepted(() => heard.push(contact.getContactId())));
  });
}

function acceptedHeard(where: StreamsPage): Promise<string[]> {
  return where.evaluate(() => (window as unknown as { acceptedHeard: string[] }).acceptedHeard);
}

test.describe('Amazon Connect in two tabs on one agent', () => {
  test('one CCP is the softphone, both hear the call, accepting in one shows it connected in both', async ({ demo, ccp, agent, sim, context }) => {
    const second = await context.newPage();
    await second.goto(`${E2E_BRIDGE_URL}/toolbar/?${new URLSearchParams({ agentId: agent.agentId, vendor: 'amazon' })}`);
    const secondToolbar = new ToolbarView(second);
    const secondCcpFrame = second.frameLocator('iframe[name="Amazon Connect CCP"]');
    await expect(secondToolbar.connection).toHaveText('Connected');
    const first = toolbarFrame(demo.page);

    await expect.poll(() => otherCcpsConnected(first)).toBe(true);
    await expect.poll(() => otherCcpsConnected(second)).toBe(true);
    expect(await softphoneMaster(first)).toBe(true);
    expect(await softphoneMaster(second)).toBe(false);
    await expect(ccp.frame.getByLabel('Softphone')).toHaveText('this tab');
    await expect(secondCcpFrame.getByLabel('Softphone')).toHaveText('another tab');

    await listenForAccepted(second);
    await demo.toolbar.goAvailable();
    await expect(demo.toolbar.agentStateText).toHaveText('Available');
    await expect(secondToolbar.agentStateText).toHaveText('Available');

    await sim.placeCall(OLIVIA, agent.dn);
    await expect(demo.toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(secondToolbar.incomingCall).toContainText(shown(OLIVIA));
    await expect(ccp.frame.getByLabel('Ringtone')).toHaveText('ringing');
    await expect(secondCcpFrame.getByLabel('Ringtone')).toHaveText('silent');
    const eventId = await offeredEventId(demo);

    await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(demo.toolbar.currentCall).toContainText('On call');
    await expect(secondToolbar.currentCall).toContainText('On call');
    await expect(secondToolbar.incomingCall).toBeHidden();
    await expect(ccp.frame.getByLabel('Ringtone')).toHaveText('silent');
    await expect.poll(() => acceptedHeard(second)).toEqual([eventId]);
    expect((await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state).toBe('Established');

    await demo.toolbar.control('Hang up').click();
    await expect(demo.toolbar.wrapUp.first()).toBeVisible();
    await expect(secondToolbar.wrapUp.first()).toBeVisible();
  });

  test('the softphone moves to the tab left open when the first one closes', async ({ demo, agent, context }) => {
    const second = await context.newPage();
    await second.goto(`${E2E_BRIDGE_URL}/toolbar/?${new URLSearchParams({ agentId: agent.agentId, vendor: 'amazon' })}`);
    await expect(new ToolbarView(second).connection).toHaveText('Connected');
    await expect.poll(() => otherCcpsConnected(second)).toBe(true);
    expect(await softphoneMaster(second)).toBe(false);

    await demo.page.close();

    await expect.poll(() => otherCcpsConnected(second)).toBe(false);
    expect(await softphoneMaster(second)).toBe(true);
  });
});
