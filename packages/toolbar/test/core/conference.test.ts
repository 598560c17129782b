import { beforeEach, describe, expect, it } from 'vitest';
import { isConference, otherParties } from '../../src/core/interaction.ts';
import { OK } from '../../src/core/outcome.ts';
import { Workspace } from '../../src/core/workspace.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { MemoryVendor } from './support/memory-vendor.ts';
import { T0, vendorEvent } from './support/vendor-events.ts';

/** A conference in the model: the agent's identity, the parties besides the agent with their states, and dropping one. */

const CUSTOMER = '+15550100';

describe('the agent’s identity', () => {
  it('keeps what the vendor said, field by field, and tells the views once per change', () => {
    const model = new WorkspaceModel();
    const said: unknown[] = [];
    model.on('identityChanged', ({ identity }) => said.push(identity));
    model.apply({ type: 'agentIdentified', identity: { dn: '5001' } });
    model.apply({ type: 'agentIdentified', identity: { name: 'Alex Morgan' } });
    model.apply({ type: 'agentIdentified', identity: { name: 'Alex Morgan', dn: '5001' } });
    expect(model.identity).toEqual({ name: 'Alex Morgan', dn: '5001' });
    expect(said).toEqual([{ dn: '5001' }, { name: 'Alex Morgan', dn: '5001' }]);
  });
});

describe('a conference in the model', () => {
  let model: WorkspaceModel;

  beforeEach(() => {
    model = new WorkspaceModel();
    model.apply({ type: 'agentIdentified', identity: { dn: '5001' } });
    model.apply(vendorEvent.offered('e1', T0, { parties: [CUSTOMER, '5001'] }));
    model.apply(vendorEvent.connected('e1'));
  });

  const call = () => {
    const interaction = model.interaction('e1');
    if (!interaction) throw new Error('no call e1');
    return interaction;
  };

  it('is a call with two or more parties besides the agent, whose own DN is not listed', () => {
    expect(isConference(call(), '5001')).toBe(false);
    expect(otherParties(call(), '5001')).toEqual([{ number: CUSTOMER, state: 'connected' }]);
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, '5001', '5002'], at: T0 + 2000 });
    expect(isConference(call(), '5001')).toBe(true);
    expect(otherParties(call(), '5001').map((party) => party.number)).toEqual([CUSTOMER, '5002']);
  });

  it('keeps each party’s state as the vendor reports it; a party it says nothing of is connected', () => {
    model.apply({
      type: 'interactionDataChanged',
      eventId: 'e1',
      parties: [CUSTOMER, 'Kenji Sato', '+15550199'],
      partyStates: { [CUSTOMER]: 'held', 'Kenji Sato': 'ringing' },
      at: T0 + 2000,
    });
    expect(otherParties(call(), '5001')).toEqual([
      { number: CUSTOMER, state: 'held' },
      { number: 'Kenji Sato', state: 'ringing' },
      { number: '+15550199', state: 'connected' },
    ]);
  });

  it('ends being one when a party leaves, and an ended call is none', () => {
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, '5001', '5002'], at: T0 + 2000 });
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, '5001'], at: T0 + 3000 });
    expect(isConference(call(), '5001')).toBe(false);
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, '5001', '5002'], at: T0 + 4000 });
    model.apply(vendorEvent.ended('e1'));
    expect(isConference(call(), '5001')).toBe(false);
  });

  it('is never a consultation leg, whatever its parties', () => {
    model.apply(vendorEvent.offered('c1', T0, { direction: 'consult', phoneNumber: '5002', parties: ['5002', '5001', '5003'] }));
    model.apply(vendorEvent.connected('c1'));
    const consult = model.interaction('c1');
    expect(consult && isConference(consult, '5001')).toBe(false);
  });
});

describe('dropParty', () => {
  let vendor: MemoryVendor;
  let workspace: Workspace;
  const dropped: string[] = [];

  beforeEach(async () => {
    dropped.length = 0;
    vendor = new MemoryVendor();
    workspace = new Workspace({ vendor, newEventId: () => crypto.randomUUID() });
    await workspace.start();
    await workspace.execute('makeAgentAvailable');
    vendor.ring('e1', CUSTOMER);
    await workspace.execute('acceptCall', 'e1');
    workspace.model.apply({ type: 'agentIdentified', identity: { dn: '5001' } });
  });

  const withDrop = () =>
    Object.assign(vendor, {
      dropParty: async (eventId: string, party: string) => {
        dropped.push(`${eventId} ${party}`);
        return OK;
      },
    });
  const conference = () => workspace.model.apply({ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, '5001', '5002'], at: T0 + 5000 });

  it('drops a party of a conference through the vendor', async () => {
    withDrop();
    conference();
    expect(workspace.canDropParties).toBe(true);
    expect(await workspace.execute('dropParty', 'e1', '5002')).toEqual(OK);
    expect(dropped).toEqual(['e1 5002']);
  });

  it('refuses a call that is no conference, the agent’s own DN and a number not on the call, and tells the views', async () => {
    withDrop();
    const failures: string[] = [];
    workspace.model.on('commandFailed', ({ command, failure }) => failures.push(`${command ?? '-'} ${failure.code}`));
    expect(await workspace.execute('dropParty', 'e1', CUSTOMER)).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
    conference();
    expect(await workspace.execute('dropParty', 'e1', '5001')).toMatchObject({ ok: false, code: 'INVALID_ATTRIBUTE' });
    expect(await workspace.execute('dropParty', 'e1', '5009')).toMatchObject({ ok: false, code: 'INVALID_ATTRIBUTE' });
    expect(dropped).toEqual([]);
    expect(failures).toEqual(['dropParty INVALID_CALL_STATE', 'dropParty INVALID_ATTRIBUTE', 'dropParty INVALID_ATTRIBUTE']);
  });

  it('answers NOT_SUPPORTED for a vendor that cannot drop a party', async () => {
    conference();
    expect(workspace.canDropParties).toBe(false);
    expect(await workspace.execute('dropParty', 'e1', '5002')).toMatchObject({ ok: false, code: 'NOT_SUPPORTED' });
  });
});
