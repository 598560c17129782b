import { describe, expect, it } from 'vitest';
import { ccpHarness, inboundCall, outboundCall } from './ccp-harness.ts';

/**
 * The snapshot fields the live service fills and the library reads (checked against the library's own
 * samples by the vendor-kit suite, packages/simulators/vendor-test/ccp): kept here so `npm test`
 * catches a regression without the kit.
 */

describe('the simulated CCP’s snapshot fields', () => {
  it('gives the agent’s leg softphone media info, so contact.isSoftphoneCall() is true as in production', () => {
    const harness = ccpHarness();
    harness.apply('EventRinging', inboundCall);
    const [agent, customer] = harness.service.data().snapshot.contacts[0]?.connections ?? [];
    expect(agent?.softphoneMediaInfo).toEqual({
      autoAccept: false,
      callConfigJson: expect.any(String),
      callContextToken: expect.any(String),
      callType: 'audio_only',
      mediaLegContextToken: expect.any(String),
    });
    expect(customer?.softphoneMediaInfo).toBeNull();
  });

  it('lists the agent’s own queue in the routing profile, unnamed, after the profile’s queues', () => {
    const { queues } = ccpHarness().service.data().configuration.routingProfile;
    expect(queues.map((queue) => queue.name)).toEqual(['Support', null]);
    expect(queues.at(-1)?.queueARN).toMatch(/\/queue\/agent\/agent1$/);
  });

  it('stamps an outbound contact’s queueTimestamp, as an inbound one', () => {
    const harness = ccpHarness();
    harness.apply('EventDialing', outboundCall);
    const [contact] = harness.service.data().snapshot.contacts;
    expect(contact?.queueTimestamp).toBeInstanceOf(Date);
    expect(contact?.queue?.name).toBe('Support');
  });

  it('lists the selectable states with startTimestamp null, and the snapshot’s state with a Date', () => {
    const { configuration, snapshot } = ccpHarness().service.data();
    expect(configuration.agentStates.every((state) => state.startTimestamp === null)).toBe(true);
    expect(snapshot.state.startTimestamp).toBeInstanceOf(Date);
  });
});
