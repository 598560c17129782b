import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/core/workspace.ts';
import { closeEndedConsultations } from '../../src/ui/ended-consultations.ts';
import { MemoryVendor } from '../core/support/memory-vendor.ts';
import { recordChanges, T0, vendorEvent } from '../core/support/vendor-events.ts';

describe('closeEndedConsultations', () => {
  let vendor: MemoryVendor;
  let workspace: Workspace;

  beforeEach(async () => {
    vendor = new MemoryVendor();
    workspace = new Workspace({ vendor });
    await workspace.start();
    await workspace.makeAgentAvailable();
    vendor.ring('e1');
    await workspace.acceptCall('e1');
  });

  async function consult(): Promise<string> {
    const outcome = await workspace.consultCall('e1', '5003');
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.eventId;
  }

  it("closes the agent's consultation leg when it ends, and leaves the call it served alone", async () => {
    closeEndedConsultations(workspace);
    const changes = recordChanges(workspace.model);
    const consultEventId = await consult();
    await workspace.cancelConsult('e1', consultEventId);
    expect(workspace.model.interaction(consultEventId)).toBeUndefined();
    expect(workspace.model.interactions.map((i) => `${i.eventId}:${i.state}`)).toEqual(['e1:connected']);
    expect(changes).toContain(`interactionClosed ${consultEventId}`);
    expect(changes.filter((line) => line.startsWith('commandFailed'))).toEqual([]);
  });

  it('after a completed transfer, closes the consultation and leaves the call to its wrap-up', async () => {
    closeEndedConsultations(workspace);
    const consultEventId = await consult();
    vendor.customerAnswers(consultEventId);
    await workspace.completeTransfer('e1', consultEventId);
    expect(workspace.model.interactions.map((i) => `${i.eventId}:${i.state}`)).toEqual(['e1:wrapUp']);
  });

  it('closes a consultation that had already ended when it started', async () => {
    const consultEventId = await consult();
    await workspace.cancelConsult('e1', consultEventId);
    expect(workspace.model.interaction(consultEventId)?.state).toBe('wrapUp');
    closeEndedConsultations(workspace);
    expect(workspace.model.interaction(consultEventId)).toBeUndefined();
  });

  it("does not close a consultation call another agent placed to this one: it is this agent's call to wrap up", () => {
    closeEndedConsultations(workspace);
    workspace.model.apply(vendorEvent.offered('c1', T0, { direction: 'consult', phoneNumber: '5002' }));
    workspace.model.apply(vendorEvent.connected('c1'));
    workspace.model.apply(vendorEvent.ended('c1'));
    expect(workspace.model.interaction('c1')?.state).toBe('wrapUp');
  });

  it('stops when asked', async () => {
    const stop = closeEndedConsultations(workspace);
    stop();
    const consultEventId = await consult();
    await workspace.cancelConsult('e1', consultEventId);
    expect(workspace.model.interaction(consultEventId)?.state).toBe('wrapUp');
  });
});
