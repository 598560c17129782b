import { expectConnected, OLIVIA, ringing } from '../support/call-steps.ts';
import { expect, test } from '../support/demo-test.ts';

/**
 * The third way of answering of seed 000, which only the Genesys path has: the agent picks the call
 * up on their own phone (the desk phone or softphone on their DN), with no command from the toolbar
 * at all. The contact center's EventEstablished alone connects the call in the toolbar, and only then
 * does Fusion get startCommEvent and open the engagement. (Answering from Fusion's dialog and from the
 * toolbar is in e2e/scenarios/incoming-call.spec.ts, on both vendors.)
 */

test.describe('Answering an incoming call', () => {
  test("on the agent's softphone: EventEstablished alone connects the call in the toolbar and Fusion", async ({ demo, agent, sim }) => {
    const eventId = await ringing(demo, undefined, () => sim.placeCall(OLIVIA, agent.dn));
    const { phone } = demo;
    await phone.useSoftphoneOf(agent.dn);

    await phone.softphoneCall('Ringing').getByRole('button', { name: 'Answer' }).click();

    await expectConnected(demo, undefined, eventId);
    await expect(phone.softphoneCall('Established')).toContainText(OLIVIA);
  });
});
