import { answered } from '../support/call-steps.ts';
import { expect, test } from '../support/demo-test.ts';

/**
 * The Genesys contact center's own end of after-call work: its wrap-up timer, or a supervisor making
 * the agent Ready, closes the toolbar's wrap-up card — the wrap-up it covered is over. (Done and
 * Fusion's Save, which end it from the agent's side, are in e2e/scenarios/ending-calls.spec.ts.)
 */

test("a supervisor ends the agent's after-call work: the wrap-up card closes and the agent is Available", async ({ demo, agent, sim }) => {
  const { toolbar } = demo;
  await answered(demo, undefined, agent, sim);
  await toolbar.control('Hang up').click();
  await expect(toolbar.wrapUp).toContainText('Call ended');
  await expect(toolbar.agentStateText).toHaveText('Wrap-up');
  await expect(toolbar.wrapUp.getByRole('timer', { name: 'Wrap-up time left' })).toHaveText(/^Wrap-up ends in /);

  await sim.makeReady(agent.agentId);

  await expect(toolbar.wrapUp).toBeHidden();
  await expect(toolbar.agentStateText).toHaveText('Available');
  await expect(demo.fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
});
