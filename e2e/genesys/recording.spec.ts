import { answered } from '../support/call-steps.ts';
import { expect, test } from '../support/demo-test.ts';

/**
 * Recording a connected call, which the Genesys path offers (the contact center records on the
 * agent's request): Record starts it and Stop recording stops it, each shown only once the contact
 * center said so, as the simulator's own view confirms. (Hold, mute and tones are in
 * e2e/scenarios/call-controls.spec.ts, on both vendors.)
 */

test.describe('Call recording', () => {
  test('starts and stops recording', async ({ demo, agent, sim }) => {
    const { toolbar } = demo;
    await answered(demo, undefined, agent, sim);

    await toolbar.control('Record').click();
    await expect(toolbar.currentCall.getByText('Recording', { exact: true })).toBeVisible();
    await expect(toolbar.control('Stop recording')).toBeVisible();
    expect((await sim.callOf(agent.dn)).recordingState).toBe('Recording');
    // In a 320 px frame too, "Stop recording" stays on one line: as tall as Hold.
    for (const width of [320, 900]) {
      await demo.page.locator('iframe[title="Media toolbar"]').evaluate((frame, px) => ((frame as HTMLIFrameElement).style.width = `${px}px`), width);
      const [stop, hold] = await Promise.all([toolbar.control('Stop recording').boundingBox(), toolbar.control('Hold').boundingBox()]);
      expect(stop?.height, `${width} px`).toBe(hold?.height);
    }
    await demo.page.locator('iframe[title="Media toolbar"]').evaluate((frame) => ((frame as HTMLIFrameElement).style.width = ''));

    await toolbar.control('Stop recording').click();
    await expect(toolbar.control('Record')).toBeVisible();
    await expect(toolbar.currentCall.getByText('Recording', { exact: true })).toBeHidden();
    expect((await sim.callOf(agent.dn)).recordingState).toBe('Stopped');
  });
});
