import type { Locator } from '@playwright/test';
import { agentLeg, answered, available, DANIEL, OLIVIA } from '../support/call-steps.ts';
import { E2E_BRIDGE_URL } from '../support/environment.ts';
import { openDemo } from '../support/demo-test.ts';
import { expect, test, type Demo } from './scenario-test.ts';

/**
 * The README's scenarios walked in the narrowest frame Fusion gives the media toolbar, 320 px wide and
 * 560 px tall: in every state of a call the controls the agent needs next — Accept and Decline, Hang
 * up and Hold, Resume, Cancel call, the consultation's Complete transfer, Conference and Cancel
 * consult, Done — are inside the frame as it is, scrolled to the top: the
 * agent never scrolls to reach them.
 */

const FRAME = { width: 320, height: 560 };

/** Give the demo's toolbar frame Fusion's narrow size. */
async function narrowFrame(demo: Demo): Promise<void> {
  await demo.page.locator('iframe[title="Media toolbar"]').evaluate((frame, size) => {
    const style = (frame as HTMLIFrameElement).style;
    style.boxSizing = 'content-box';
    style.width = `${size.width}px`;
    style.height = `${size.height}px`;
  }, FRAME);
  await expect.poll(() => demo.toolbar.agentState.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([FRAME.width, FRAME.height]);
}

/** Each control is wholly inside the frame's viewport with the toolbar's page scrolled to its top. */
async function expectInView(state: string, controls: readonly Locator[]): Promise<void> {
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = await control.evaluate((element) => {
      element.ownerDocument.scrollingElement?.scrollTo(0, 0);
      const { top, left, bottom, right } = element.getBoundingClientRect();
      return { top, left, bottom, right, width: window.innerWidth, height: window.innerHeight };
    });
    const name = `${state}: ${await control.textContent()}`;
    expect(box.top, name).toBeGreaterThanOrEqual(0);
    expect(box.left, name).toBeGreaterThanOrEqual(0);
    expect(box.bottom, name).toBeLessThanOrEqual(box.height);
    expect(box.right, name).toBeLessThanOrEqual(box.width);
  }
}

test.describe('The toolbar in a 320 × 560 px frame', () => {
  test('an inbound call: ringing, on a call, on hold, transferring, wrap-up — every control in view', async ({ demo, agent, sim, ccp }) => {
    const { toolbar } = demo;
    await narrowFrame(demo);
    await available(demo, ccp);
    await sim.placeCall(OLIVIA, agent.dn);
    const incoming = toolbar.incomingCall;
    await expect(incoming).toContainText('Olivia Bennett');
    await expectInView('ringing', [incoming.getByRole('button', { name: 'Accept' }), incoming.getByRole('button', { name: 'Decline' })]);

    await incoming.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expectInView('on a call', [toolbar.control('Hang up'), toolbar.control('Hold')]);

    await toolbar.control('Hold').click();
    await expect.poll(() => agentLeg(sim, agent)).toBe('Held');
    await expectInView('on hold', [toolbar.control('Hang up'), toolbar.control('Resume')]);
    await toolbar.control('Resume').click();
    await expect.poll(() => agentLeg(sim, agent)).toBe('Established');

    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await expectInView('transferring', [toolbar.control('Hang up'), transfer.getByRole('button', { name: 'Transfer now' })]);
    await toolbar.control('Transfer').click();

    await toolbar.agentState
      .getByRole('button', { name: 'Change reason' })
      .or(toolbar.agentState.getByRole('button', { name: 'Go not ready' }))
      .click();
    await expectInView('the not-ready menu open on a call', [toolbar.control('Hang up')]);
    await demo.page.keyboard.press('Escape');

    await toolbar.control('Hang up').click();
    await expect(toolbar.wrapUp).toContainText('Call ended');
    await expectInView('wrap-up', [toolbar.wrapUp.getByRole('button', { name: 'Done' })]);
  });

  test('an outbound call: dialing, then connected — every control in view', async ({ demo, ccp }) => {
    const { toolbar, phone } = demo;
    await narrowFrame(demo);
    await available(demo, ccp);
    await demo.fusion.callContact('Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expectInView('dialing', [toolbar.outgoingCall.getByRole('button', { name: 'Cancel call' })]);

    await phone.customerCall(DANIEL).getByRole('button', { name: 'Answer', exact: true }).click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expectInView('connected outbound', [toolbar.control('Hang up'), toolbar.control('Hold')]);
  });

  test('a call answered in the toolbar: wrap-up after the customer hangs up, Done in view', async ({ demo, agent, sim, ccp }) => {
    const { toolbar } = demo;
    await narrowFrame(demo);
    await answered(demo, ccp, agent, sim);
    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
    await expect(toolbar.wrapUp).toContainText('Olivia Bennett');
    await expectInView('wrap-up after the customer hung up', [toolbar.wrapUp.getByRole('button', { name: 'Done' })]);
  });

  test('consulting a colleague: the call and the consultation, every control in view', async ({ demo, agent, agentPool, sim, ccp, context, vendor }) => {
    const { toolbar } = demo;
    const colleague = agentPool.next();
    const second = await openDemo(await context.newPage(), E2E_BRIDGE_URL, colleague.agentId, { vendor });
    await second.toolbar.goAvailable();
    await expect(second.toolbar.agentStateText).toHaveText('Available');
    await narrowFrame(demo);
    await answered(demo, ccp, agent, sim);
    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    await transfer.getByLabel('Transfer to').fill(colleague.dn);
    await transfer.getByRole('button', { name: 'Consult' }).click();
    await second.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
    const consultation = toolbar.root.getByRole('region', { name: 'Consultation' });
    await expect(consultation).toContainText('On call');
    await expectInView('consulting', [
      toolbar.control('Hang up'),
      consultation.getByRole('button', { name: 'Complete transfer' }),
      consultation.getByRole('button', { name: 'Conference' }),
      consultation.getByRole('button', { name: 'Cancel consult' }),
    ]);
  });
});
