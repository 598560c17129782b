import { describe, expect, it } from 'vitest';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { details, recordChanges, T0, vendorEvent } from './support/vendor-events.ts';

describe('WorkspaceModel', () => {
  it('follows an inbound call from the offer to the end of its wrap-up', () => {
    const model = new WorkspaceModel();
    const changes = recordChanges(model);
    model.apply(vendorEvent.offered('e1'));
    model.apply(vendorEvent.connected('e1', T0 + 4000));
    model.apply(vendorEvent.held('e1'));
    model.apply(vendorEvent.retrieved('e1'));
    model.apply(vendorEvent.ended('e1', 'completed', T0 + 60_000));

    expect(model.interaction('e1')).toMatchObject({
      state: 'wrapUp',
      phoneNumber: '+15550100',
      offeredAt: T0,
      connectedAt: T0 + 4000,
      endedAt: T0 + 60_000,
      endCause: { kind: 'completed' },
    });
    expect(model.close('e1')).toEqual({ ok: true });
    expect(model.interaction('e1')).toBeUndefined();
    expect(changes).toEqual([
      'interactionChanged e1 new→offered',
      'interactionChanged e1 offered→connected',
      'interactionChanged e1 connected→held',
      'interactionChanged e1 held→connected',
      'interactionChanged e1 connected→wrapUp',
      'interactionClosed e1',
    ]);
  });

  it('ignores duplicates and impossible moves without a change event', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('e1'));
    const changes = recordChanges(model);
    model.apply(vendorEvent.offered('e1', T0 + 5));
    model.apply(vendorEvent.held('e1'));
    model.apply(vendorEvent.retrieved('e1'));
    model.apply(vendorEvent.muted('e1', true));
    model.apply(vendorEvent.connected('nobody'));
    expect(changes).toEqual([]);
    expect(model.interaction('e1')).toMatchObject({ state: 'offered', offeredAt: T0, muted: false });
  });

  it('keeps the first end cause and never revives an ended interaction', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('e1'));
    model.apply(vendorEvent.ended('e1', 'rejected'));
    model.apply(vendorEvent.ended('e1', 'abandoned'));
    model.apply(vendorEvent.connected('e1'));
    expect(model.interaction('e1')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'rejected' } });
    model.close('e1');
    model.apply(vendorEvent.offered('e1'));
    expect(model.interaction('e1')).toBeUndefined();
  });

  it('refuses to close an interaction that has not ended', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('e1'));
    expect(model.close('e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
    expect(model.close('e2')).toMatchObject({ ok: false, code: 'UNKNOWN_INTERACTION' });
  });

  it('tracks mute only on a call in progress and clears it at the end', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('e1'));
    model.apply(vendorEvent.connected('e1'));
    model.apply(vendorEvent.muted('e1', true));
    expect(model.interaction('e1')?.muted).toBe(true);
    model.apply(vendorEvent.ended('e1'));
    expect(model.interaction('e1')?.muted).toBe(false);
  });

  it('applies attached data, parties, recording and the consult link', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('e1'));
    model.apply({
      type: 'interactionDataChanged',
      eventId: 'e1',
      userData: { CaseId: '42' },
      recordingState: 'recording',
      linkedEventId: 'e2',
      at: T0 + 1,
    });
    expect(model.interaction('e1')).toMatchObject({ userData: { CaseId: '42' }, recordingState: 'recording', linkedEventId: 'e2' });
    const changes = recordChanges(model);
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', userData: { CaseId: '42' }, at: T0 + 2 });
    expect(changes).toEqual([]);
    model.apply({ type: 'interactionDataChanged', eventId: 'e1', linkedEventId: null, direction: 'inbound', at: T0 + 3 });
    expect(model.interaction('e1')?.linkedEventId).toBeUndefined();
    expect(changes).toEqual(['interactionChanged e1 offered→offered']);
  });

  it('reports the agent and the connection only when they change', () => {
    const model = new WorkspaceModel();
    const changes = recordChanges(model);
    model.apply(vendorEvent.ready());
    model.apply(vendorEvent.ready());
    model.apply({ type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: T0 });
    model.apply({ type: 'connectionChanged', status: { state: 'connecting' }, at: T0 });
    model.apply({ type: 'connectionChanged', status: { state: 'connecting' }, at: T0 });
    model.apply({ type: 'connectionChanged', status: { state: 'connected' }, at: T0 });
    expect(changes).toEqual([
      'agentChanged loggedOut→ready',
      'agentChanged ready→afterCallWork',
      'connectionChanged offline→connecting',
      'connectionChanged connecting→connected',
    ]);
    expect(model.connection).toEqual({ state: 'connected' });
  });

  it('lets a listener react to a change without reordering what other listeners see', () => {
    const model = new WorkspaceModel();
    model.on('interactionChanged', ({ interaction }) => {
      if (interaction.endCause?.kind === 'rejected') model.close(interaction.eventId);
    });
    const changes = recordChanges(model);
    model.apply(vendorEvent.offered('e1'));
    model.apply(vendorEvent.ended('e1', 'rejected'));
    expect(changes).toEqual(['interactionChanged e1 new→offered', 'interactionChanged e1 offered→wrapUp', 'interactionClosed e1']);
  });

  it('keeps going when a listener throws', () => {
    const model = new WorkspaceModel();
    model.on('interactionChanged', () => {
      throw new Error('a broken view');
    });
    const changes = recordChanges(model);
    model.apply(vendorEvent.offered('e1'));
    model.apply(vendorEvent.connected('e1'));
    expect(changes).toEqual(['interactionChanged e1 new→offered', 'interactionChanged e1 offered→connected']);
  });

  describe('resync from a snapshot', () => {
    it('adopts the calls it lists and ends the live ones it does not', () => {
      const model = new WorkspaceModel();
      model.apply(vendorEvent.offered('gone-ringing'));
      model.apply(vendorEvent.offered('gone-talking'));
      model.apply(vendorEvent.connected('gone-talking'));
      model.apply(vendorEvent.offered('kept'));
      model.apply(vendorEvent.offered('wrapping'));
      model.apply(vendorEvent.connected('wrapping'));
      model.apply(vendorEvent.ended('wrapping'));
      const changes = recordChanges(model);

      model.apply(
        vendorEvent.resynced([
          { eventId: 'kept', state: 'held', details: details({ userData: { a: 1 } }), offeredAt: T0, muted: true },
          { eventId: 'new', state: 'connected', details: details({ phoneNumber: '+15550199' }), offeredAt: T0 + 7, muted: false },
        ]),
      );

      expect(model.agent).toEqual({ kind: 'ready' });
      expect(model.interaction('kept')).toMatchObject({ state: 'held', held: true, muted: true, userData: { a: 1 }, connectedAt: T0 });
      expect(model.interaction('new')).toMatchObject({ state: 'connected', phoneNumber: '+15550199', connectedAt: T0 + 7 });
      expect(model.interaction('gone-ringing')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'missed' } });
      expect(model.interaction('gone-talking')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'completed' } });
      expect(model.interaction('wrapping')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'completed' } });
      expect(changes).toEqual([
        'agentChanged loggedOut→ready',
        'interactionChanged kept offered→held',
        'interactionChanged new new→connected',
        'interactionChanged gone-ringing offered→wrapUp',
        'interactionChanged gone-talking connected→wrapUp',
        'resynced gone-ringing:wrapUp,gone-talking:wrapUp,kept:held,wrapping:wrapUp,new:connected',
      ]);
    });

    it('changes nothing it already knew', () => {
      const model = new WorkspaceModel();
      model.apply(vendorEvent.ready());
      model.apply(vendorEvent.offered('e1'));
      model.apply(vendorEvent.connected('e1', T0 + 500));
      const changes = recordChanges(model);
      model.apply(vendorEvent.resynced([{ eventId: 'e1', state: 'connected', details: details(), offeredAt: T0, muted: false }]));
      expect(changes).toEqual(['resynced e1:connected']);
      expect(model.interaction('e1')?.connectedAt).toBe(T0 + 500);
    });

    it('does not revive an interaction the toolbar has ended', () => {
      const model = new WorkspaceModel();
      model.apply(vendorEvent.offered('e1'));
      model.apply(vendorEvent.ended('e1', 'abandoned'));
      model.apply(vendorEvent.resynced([{ eventId: 'e1', state: 'offered', details: details(), offeredAt: T0, muted: false }]));
      expect(model.interaction('e1')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'abandoned' } });
    });
  });

  it('passes a vendor command failure on to the views', () => {
    const model = new WorkspaceModel();
    const changes = recordChanges(model);
    model.apply({
      type: 'commandFailed',
      failure: { ok: false, code: 'INVALID_CONNECTION_ID', message: 'No call with this connectionId exists on your DN.' },
      eventId: 'e1',
      at: T0,
    });
    expect(changes).toEqual(['commandFailed - INVALID_CONNECTION_ID']);
  });
});
