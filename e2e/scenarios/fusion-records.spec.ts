import { readFileSync } from 'node:fs';
import { expect, offeredEventId, test } from './scenario-test.ts';
import { available, OLIVIA } from '../support/call-steps.ts';

/**
 * Fusion's records and the calls about them: click-to-dial reaches every contact of the Fusion
 * simulator's directory at the number Fusion shows, in E.164 end to end; and a call whose attached
 * data names a Fusion record (a service request number the IVR attached) opens that record in a
 * Fusion tab when the agent takes the call — a screen pop beyond the reverse lookup.
 */

interface SampleContact {
  firstName: string;
  lastName: string;
  phone: string;
}

const directory = JSON.parse(readFileSync(new URL('../../packages/simulators/src/fusion/contacts.json', import.meta.url), 'utf8')) as {
  contacts: SampleContact[];
};

test.describe('Fusion records', () => {
  test('click-to-dial reaches every sample contact at their E.164 number, named on both sides', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);
    expect(directory.contacts.length).toBeGreaterThanOrEqual(5);

    for (const contact of directory.contacts) {
      const name = `${contact.firstName} ${contact.lastName}`;
      await fusion.callContact(name);
      await expect(fusion.outboundCall).toContainText(`Calling ${name}`);
      await expect(toolbar.outgoingCall).toContainText(name);
      await expect(phone.customerCall(contact.phone)).toContainText('Incoming call');
      const newComm = await fusion.uef.last('newCommEvent');
      expect(newComm.data.inData).toMatchObject({ SVCMCA_ANI: contact.phone, SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND' });

      await toolbar.outgoingCall.getByRole('button', { name: 'Cancel call' }).click();
      await expect(fusion.outboundCall).toBeHidden();
      await expect(toolbar.outgoingCall).toBeHidden();
      await expect(phone.customerCall(contact.phone)).toBeHidden();
    }
  });

  test('a call whose attached data names a service request opens it in a Fusion tab when answered', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    await available(demo, ccp);
    await sim.placeCall(OLIVIA, agent.dn, { SRNumber: 'SR0001234' });
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(fusion.records).toBeHidden();

    await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();

    await expect(fusion.engagement('Olivia Bennett')).toBeVisible();
    const tab = fusion.records.getByRole('tab', { name: 'SR0001234 · Router drops the connection every evening' });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(fusion.records.getByRole('tabpanel')).toContainText('In Progress');
    const eventId = await offeredEventId(demo);

    await toolbar.control('Hang up').click();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(fusion.wrapUp).toContainText('Olivia Bennett');
    // The record stays open for the agent's wrap-up.
    await expect(tab).toBeVisible();
  });
});
