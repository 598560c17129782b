import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/core/workspace.ts';
import { MemoryVendor } from './support/memory-vendor.ts';
import { recordChanges, T0, vendorEvent } from './support/vendor-events.ts';

/** The workspace closes the agent's own consultation legs when they end: no view has to. */
describe('Workspace: the agent’s own consultations', () => {
  let vendor: MemoryVendor;
  let workspace: Workspace;

  beforeEach(async () => {
    vendor = new MemoryVendor();
    workspace = new Workspace({ vendor, newEventId: () => crypto.randomUUID() });
    await workspace.start();
    await workspace.execute('makeAgentAvailable');
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
  });

  async function consult(): Promise<string> {
    const outcome = await workspace.execute('consultCall', 'e1', '5003');
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.eventId;
  }

  const states = () => workspace.model.interactions.map((i) => `${i.eventId}:${i.state}`);

  it('closes the consultation leg when it ends, and leaves the call it served alone', async () => {
    const changes = recordChanges(workspace.model);
    const consultEventId = await consult();
    expect(workspace.model.interaction(consultEventId)?.consultationOf).toBe('e1');
    await workspace.execute('cancelConsult', 'e1', consultEventId);
    expect(workspace.model.interaction(consultEventId)).toBeUndefined();
    expect(states()).toEqual(['e1:connected']);
    expect(changes).toContain(`interactionClosed ${consultEventId}`);
    expect(changes.filter((line) => line.startsWith('commandFailed'))).toEqual([]);
  });

  it('after a completed transfer, closes the consultation and leaves the call to its wrap-up', async () => {
    const consultEventId = await consult();
    vendor.customerAnswers(consultEventId);
    await workspace.execute('completeTransfer', 'e1', consultEventId);
    expect(states()).toEqual(['e1:wrapUp']);
  });

  it('closes a consultation that outlived the call it was placed from (its link gone)', async () => {
    const consultEventId = await consult();
    vendor.customerAnswers(consultEventId);
    workspace.model.apply(vendorEvent.ended('e1'));
    workspace.model.apply({ type: 'interactionDataChanged', eventId: consultEventId, linkedEventId: null, at: T0 + 5000 });
    expect(workspace.model.interaction(consultEventId)?.linkedEventId).toBeUndefined();
    workspace.model.apply(vendorEvent.ended(consultEventId));
    expect(workspace.model.interaction(consultEventId)).toBeUndefined();
  });

  it("does not close a consultation call another agent placed to this one: it is this agent's call to wrap up", () => {
    workspace.model.apply(vendorEvent.offered('c1', T0, { direction: 'consult', phoneNumber: '5002' }));
    workspace.model.apply(vendorEvent.connected('c1'));
    workspace.model.apply(vendorEvent.ended('c1'));
    expect(workspace.model.interaction('c1')?.state).toBe('wrapUp');
  });

  it('stops closing once disposed', async () => {
    const consultEventId = await consult();
    await workspace.dispose();
    workspace.model.apply(vendorEvent.ended(consultEventId));
    expect(workspace.model.interaction(consultEventId)?.state).toBe('wrapUp');
  });
});
