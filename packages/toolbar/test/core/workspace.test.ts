import { beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/interaction.ts';
import { Workspace } from '../../src/core/workspace.ts';
import { MemoryVendor } from './support/memory-vendor.ts';
import { recordChanges, vendorEvent } from './support/vendor-events.ts';

describe('Workspace', () => {
  let vendor: MemoryVendor;
  let workspace: Workspace;
  let ids: number;
  let closed: Interaction[];

  beforeEach(async () => {
    vendor = new MemoryVendor();
    ids = 0;
    workspace = new Workspace({ vendor, newEventId: () => `generated-${++ids}` });
    closed = [];
    workspace.model.on('interactionClosed', ({ interaction }) => closed.push(interaction));
    await workspace.start();
  });

  async function ready(): Promise<void> {
    await workspace.execute('makeAgentAvailable');
  }

  /** An own consultation leg the workspace closed when it ended, as it was when closed. */
  function closedLeg(eventId: string): Interaction | undefined {
    return closed.find((interaction) => interaction.eventId === eventId);
  }

  async function connectedCall(eventId = 'e1'): Promise<void> {
    await ready();
    vendor.ring(eventId);
    await workspace.execute('acceptCall', eventId);
  }

  it('connects the vendor to the model', () => {
    expect(workspace.model.connection).toEqual({ state: 'connected' });
  });

  describe('agent state', () => {
    it('moves on the vendor event, and refuses to make a ready agent ready again', async () => {
      expect(await workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
      expect(workspace.model.agent).toEqual({ kind: 'ready' });
      expect(await workspace.execute('makeAgentAvailable')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(vendor.requests).toEqual(['makeAgentAvailable']);
    });

    it('goes not ready with the reason the vendor reports', async () => {
      await ready();
      expect(await workspace.execute('makeAgentUnavailable', 'Lunch')).toEqual({ ok: true });
      expect(workspace.model.agent).toEqual({ kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch break' });
      expect(await workspace.execute('makeAgentUnavailable', 'Lunch')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('makeAgentUnavailable', 'Break')).toEqual({ ok: true });
    });

    it('passes on the vendor refusing an unknown reason', async () => {
      await ready();
      const changes = recordChanges(workspace.model);
      expect(await workspace.execute('makeAgentUnavailable', 'Nap')).toMatchObject({ ok: false, code: 'INVALID_ATTRIBUTE' });
      expect(workspace.model.agent).toEqual({ kind: 'ready' });
      expect(changes).toEqual(['commandFailed makeAgentUnavailable INVALID_ATTRIBUTE']);
    });

    it('refuses to log out a logged-out agent', async () => {
      expect(await workspace.execute('logout')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      await ready();
      expect(await workspace.execute('logout')).toEqual({ ok: true });
      expect(workspace.model.agent).toEqual({ kind: 'loggedOut' });
    });

    it('lists the reason codes', async () => {
      expect(await workspace.execute('reasonCodes')).toEqual({
        ok: true,
        reasonCodes: [
          { code: 'Break', label: 'Break' },
          { code: 'Lunch', label: 'Lunch break' },
        ],
      });
    });

    it("keeps the reasons in the agent's language where the configuration gives a label, the contact center's name elsewhere", async () => {
      const localized = new Workspace({ vendor: new MemoryVendor(), newEventId: () => 'x', reasonLabels: { Lunch: '昼食', Unused: '未使用' } });
      const listed = new Promise((resolve) => localized.model.on('reasonCodesChanged', resolve));
      await localized.start();
      await listed;
      expect(localized.model.reasonCodes).toEqual([
        { code: 'Break', label: 'Break' },
        { code: 'Lunch', label: '昼食' },
      ]);
    });
  });

  describe('an inbound call', () => {
    it('is connected only when the vendor says so, not when the command is accepted', async () => {
      await ready();
      vendor.ring('e1');
      vendor.deferEvents = true;
      expect(await workspace.execute('acceptCall', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.state).toBe('offered');
      vendor.flush();
      expect(workspace.model.interaction('e1')?.state).toBe('connected');
    });

    it('can be accepted only while it is offered', async () => {
      await connectedCall();
      const changes = recordChanges(workspace.model);
      const outcome = await workspace.execute('acceptCall', 'e1');
      expect(outcome).toEqual({
        ok: false,
        code: 'INVALID_CALL_STATE',
        message: 'Interaction e1 is connected; this needs it offered.',
      });
      expect(await workspace.execute('rejectCall', 'e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      expect(vendor.requests.filter((r) => r.startsWith('acceptCall'))).toEqual(['acceptCall e1']);
      expect(changes).toEqual(['commandFailed acceptCall INVALID_CALL_STATE', 'commandFailed rejectCall INVALID_CALL_STATE']);
    });

    it('names an unknown eventId as such', async () => {
      expect(await workspace.execute('acceptCall', 'nope')).toMatchObject({ ok: false, code: 'UNKNOWN_INTERACTION' });
      expect(vendor.requests).toEqual([]);
    });

    it('rejected: ends with cause rejected and is closed at once (nothing to wrap up)', async () => {
      await ready();
      vendor.ring('e1');
      expect(await workspace.execute('rejectCall', 'e1')).toEqual({ ok: true });
      expect(closed).toMatchObject([{ eventId: 'e1', state: 'closed', endCause: { kind: 'rejected' } }]);
      expect(workspace.model.interactions).toEqual([]);
    });

    it('missed: closed at once in the model only, the agent left where the contact center put them', async () => {
      await ready();
      vendor.ring('e1');
      workspace.model.apply(vendorEvent.ended('e1', 'missed'));
      expect(closed).toMatchObject([{ eventId: 'e1', state: 'closed', endCause: { kind: 'missed' } }]);
      expect(workspace.model.interactions).toEqual([]);
      expect(vendor.requests.filter((request) => request.startsWith('closeInteraction'))).toEqual([]);
    });

    it('hung up by the agent: wrap-up until closed; a live call cannot be closed', async () => {
      await connectedCall();
      expect(await workspace.execute('closeInteraction', 'e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      expect(await workspace.execute('hangupCall', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')).toMatchObject({ state: 'wrapUp', endCause: { kind: 'completed' } });
      expect(await workspace.execute('hangupCall', 'e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
    });

    it("after-call work: the agent's last wrap-up closed ends it at the contact center", async () => {
      vendor.afterCallWork = {};
      await connectedCall('e1');
      vendor.customerHangsUp('e1');
      expect(workspace.model.agent).toEqual({ kind: 'afterCallWork' });
      expect(await workspace.execute('closeInteraction', 'e1')).toEqual({ ok: true });
      expect(vendor.requests.slice(-1)).toEqual(['endAfterCallWork']);
      expect(workspace.model.agent).toEqual({ kind: 'ready' });
    });

    it('after-call work: a wrap-up left open keeps it; a closed consultation never ends it', async () => {
      vendor.afterCallWork = {};
      await connectedCall('e1');
      vendor.customerHangsUp('e1');
      vendor.ring('e2');
      await workspace.execute('rejectCall', 'e2');
      expect(closed.map((interaction) => interaction.eventId)).toEqual(['e2']);
      expect(vendor.requests).not.toContain('endAfterCallWork');
      expect(workspace.model.agent.kind).toBe('afterCallWork');
    });

    it("after-call work ended by the contact center (timer, supervisor) closes the agent's wrap-ups", async () => {
      vendor.afterCallWork = { endsAt: 123_000 };
      await connectedCall('e1');
      vendor.customerHangsUp('e1');
      expect(workspace.model.agent).toEqual({ kind: 'afterCallWork', endsAt: 123_000 });
      vendor.endsAfterCallWork();
      expect(closed.map((interaction) => interaction.eventId)).toEqual(['e1']);
      expect(workspace.model.interactions).toEqual([]);
      expect(vendor.requests).not.toContain('endAfterCallWork');
    });

    it('while the link is lost, refuses what needs the vendor (LINK_LOST) and remembers what the agent had', async () => {
      await connectedCall('e1');
      vendor.link({ state: 'reconnecting', reason: 'socketClosed', attempt: 2 });
      expect(await workspace.execute('holdCall', 'e1')).toMatchObject({ ok: false, code: 'LINK_LOST' });
      expect(await workspace.execute('makeAgentUnavailable')).toMatchObject({ ok: false, code: 'LINK_LOST' });
      expect(vendor.requests.filter((request) => request.startsWith('holdCall'))).toEqual([]);
      expect(workspace.model.outage).toMatchObject({ liveCalls: ['e1'], agentLoggedIn: true });
      expect(workspace.model.outage?.restoredAt).toBeUndefined();
      vendor.link({ state: 'connected' });
      const outage = workspace.model.outage;
      expect(outage?.restoredAt).toBeGreaterThan(outage?.lostAt ?? Infinity);
      expect(await workspace.execute('holdCall', 'e1')).toEqual({ ok: true });
    });

    it('abandoned by the customer while ringing', async () => {
      await ready();
      vendor.ring('e1');
      vendor.customerHangsUp('e1');
      expect(closed).toMatchObject([{ eventId: 'e1', endCause: { kind: 'abandoned' } }]);
      expect(workspace.model.interactions).toEqual([]);
    });

    it('holds and retrieves, refusing a second hold or a retrieve of a call not held', async () => {
      await connectedCall();
      expect(await workspace.execute('retrieveCall', 'e1')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('holdCall', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')).toMatchObject({ state: 'held', held: true });
      expect(await workspace.execute('holdCall', 'e1')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('retrieveCall', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.state).toBe('connected');
    });

    it('cannot be held while it is still ringing', async () => {
      await ready();
      vendor.ring('e1');
      expect(await workspace.execute('holdCall', 'e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
    });

    it('mutes and unmutes once each', async () => {
      await connectedCall();
      expect(await workspace.execute('unmuteCall', 'e1')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('muteCall', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.muted).toBe(true);
      expect(await workspace.execute('muteCall', 'e1')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('unmuteCall', 'e1')).toEqual({ ok: true });
    });

    it('sends DTMF only on a connected call, and only DTMF digits', async () => {
      await connectedCall();
      expect(await workspace.execute('sendDtmf', 'e1', '12#*')).toEqual({ ok: true });
      expect(await workspace.execute('sendDtmf', 'e1', '12x')).toMatchObject({ ok: false, code: 'INVALID_ATTRIBUTE' });
      await workspace.execute('holdCall', 'e1');
      expect(await workspace.execute('sendDtmf', 'e1', '1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      expect(vendor.requests.filter((r) => r.startsWith('sendDtmf'))).toEqual(['sendDtmf e1 12#*']);
    });

    it('sets and deletes attached data', async () => {
      await connectedCall();
      expect(await workspace.execute('setAttachedData', 'e1', {})).toMatchObject({ ok: false, code: 'INVALID_ATTRIBUTE' });
      await workspace.execute('setAttachedData', 'e1', { CaseId: 'SR-42', Score: 7 });
      expect(workspace.model.interaction('e1')?.userData).toEqual({ CaseId: 'SR-42', Score: 7 });
      await workspace.execute('deleteAttachedData', 'e1', 'Score');
      expect(workspace.model.interaction('e1')?.userData).toEqual({ CaseId: 'SR-42' });
    });

    it('records: start, pause, resume, stop — each only when it makes sense', async () => {
      await connectedCall();
      expect(await workspace.execute('pauseRecording', 'e1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      expect(await workspace.execute('startRecording', 'e1')).toEqual({ ok: true });
      expect(await workspace.execute('startRecording', 'e1')).toMatchObject({ ok: false, code: 'ALREADY_IN_STATE' });
      expect(await workspace.execute('pauseRecording', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.recordingState).toBe('paused');
      expect(await workspace.execute('resumeRecording', 'e1')).toEqual({ ok: true });
      expect(await workspace.execute('stopRecording', 'e1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.recordingState).toBe('stopped');
    });

    it('transfers to a destination the vendor listed, by its name; other names are refused', async () => {
      await connectedCall();
      expect(await workspace.execute('transferCall', 'e1', 'Support')).toMatchObject({ ok: false, code: 'INVALID_CALLED_DN' });
      Object.assign(vendor, {
        transferDestinations: async () => ({ ok: true, destinations: [{ name: 'Support', kind: 'queue' }] }),
      });
      expect(await workspace.execute('transferDestinations')).toEqual({ ok: true, destinations: [{ name: 'Support', kind: 'queue' }] });
      expect(workspace.model.transferDestinations).toEqual([{ name: 'Support', kind: 'queue' }]);
      expect(await workspace.execute('transferCall', 'e1', 'Sales')).toMatchObject({ ok: false, code: 'INVALID_CALLED_DN' });
      expect(await workspace.execute('transferCall', 'e1', 'Support')).toEqual({ ok: true });
    });

    it('lists no transfer destinations for a vendor without them', async () => {
      expect(await workspace.execute('transferDestinations')).toEqual({ ok: true, destinations: [] });
    });

    it('transfers blind to a valid number only', async () => {
      await connectedCall();
      expect(await workspace.execute('transferCall', 'e1', 'abc')).toMatchObject({ ok: false, code: 'INVALID_CALLED_DN' });
      expect(await workspace.execute('transferCall', 'e1', '5002')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.endCause).toEqual({ kind: 'transferred' });
    });
  });

  describe('an outbound call', () => {
    it('needs a logged-in agent', async () => {
      expect(await workspace.execute('makeOutboundCall', '+15550100', 'fusion-1')).toMatchObject({ ok: false, code: 'AGENT_LOGGED_OUT' });
      expect(vendor.requests).toEqual([]);
    });

    it('keeps the given eventId, dials the number without its formatting, connects when answered', async () => {
      await ready();
      expect(await workspace.execute('makeOutboundCall', ' +1 (555) 010-0199 ', 'fusion-1')).toEqual({ ok: true, eventId: 'fusion-1' });
      expect(vendor.requests).toContain('makeOutboundCall +15550100199 fusion-1');
      expect(workspace.model.interaction('fusion-1')).toMatchObject({
        state: 'dialing',
        direction: 'outbound',
        phoneNumber: '+15550100199',
      });
      vendor.customerAnswers('fusion-1');
      expect(workspace.model.interaction('fusion-1')?.state).toBe('connected');
    });

    it('makes an eventId when none is given, and refuses one already in use', async () => {
      await ready();
      expect(await workspace.execute('makeOutboundCall', '5002')).toEqual({ ok: true, eventId: 'generated-1' });
      expect(await workspace.execute('makeOutboundCall', '5003', 'generated-1')).toMatchObject({ ok: false, code: 'EVENT_ID_IN_USE' });
    });

    it('refuses something that is not a number', async () => {
      await ready();
      expect(await workspace.execute('makeOutboundCall', 'call me')).toMatchObject({ ok: false, code: 'INVALID_CALLED_DN' });
      expect(await workspace.execute('makeOutboundCall', '')).toMatchObject({ ok: false, code: 'INVALID_CALLED_DN' });
    });

    it('cancelled before the answer ends as canceled', async () => {
      await ready();
      await workspace.execute('makeOutboundCall', '5002', 'o1');
      expect(await workspace.execute('hangupCall', 'o1')).toEqual({ ok: true });
      expect(closed).toMatchObject([{ eventId: 'o1', endCause: { kind: 'canceled' } }]);
    });
  });

  describe('a consultation', () => {
    it('holds the call, dials the consult leg and links the two', async () => {
      await connectedCall();
      const consult = await workspace.execute('consultCall', 'e1', '5002');
      expect(consult).toEqual({ ok: true, eventId: 'e1-consult-1' });
      expect(workspace.model.interaction('e1')).toMatchObject({ state: 'held', linkedEventId: 'e1-consult-1' });
      expect(workspace.model.interaction('e1-consult-1')).toMatchObject({
        state: 'dialing',
        direction: 'consult',
        linkedEventId: 'e1',
      });
      expect(await workspace.execute('consultCall', 'e1', '5003')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
    });

    it('completes a conference only once the consulted party answered', async () => {
      await connectedCall();
      await workspace.execute('consultCall', 'e1', '5002');
      expect(await workspace.execute('completeConference', 'e1', 'e1-consult-1')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      vendor.customerAnswers('e1-consult-1');
      expect(await workspace.execute('completeConference', 'e1', 'e1-consult-1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.state).toBe('connected');
      expect(closedLeg('e1-consult-1')?.endCause).toEqual({ kind: 'completed' });
    });

    it('completes a transfer even before the answer; both legs end transferred', async () => {
      await connectedCall();
      await workspace.execute('consultCall', 'e1', '5002');
      expect(await workspace.execute('completeTransfer', 'e1', 'e1-consult-1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.endCause).toEqual({ kind: 'transferred' });
      expect(closedLeg('e1-consult-1')?.endCause).toEqual({ kind: 'transferred' });
    });

    it('a single-step conference: the consultation joins the call as soon as its party answers', async () => {
      await connectedCall();
      expect(await workspace.execute('conferenceCall', 'e1', '5002')).toEqual({ ok: true, eventId: 'e1-consult-1' });
      expect(await workspace.execute('conferenceCall', 'e1', '5003')).toMatchObject({ ok: false, code: 'INVALID_CALL_STATE' });
      const joined = new Promise<void>((resolve) =>
        workspace.model.on('interactionChanged', ({ interaction }) => {
          if (interaction.eventId === 'e1' && interaction.state === 'connected') resolve();
        }),
      );
      vendor.customerAnswers('e1-consult-1');
      await joined;
      expect(vendor.requests.filter((request) => request.startsWith('complete'))).toEqual(['completeConference e1 e1-consult-1']);
      expect(closedLeg('e1-consult-1')?.endCause).toEqual({ kind: 'completed' });
    });

    it('a single-step conference whose consultation ends unanswered joins nothing; a later answer elsewhere does not either', async () => {
      await connectedCall();
      await workspace.execute('conferenceCall', 'e1', '5002');
      expect(await workspace.execute('cancelConsult', 'e1', 'e1-consult-1')).toEqual({ ok: true });
      await workspace.execute('consultCall', 'e1', '5003');
      vendor.customerAnswers('e1-consult-2');
      expect(vendor.requests.filter((request) => request.startsWith('complete'))).toEqual([]);
      expect(workspace.model.interaction('e1')?.state).toBe('held');
    });

    it('keeps the speaker mute the agent set (no vendor reports the phone speaker)', async () => {
      expect(workspace.model.speakerMuted).toBe(false);
      expect(await workspace.execute('muteSpeaker')).toEqual({ ok: true });
      expect(workspace.model.speakerMuted).toBe(true);
      expect(await workspace.execute('unmuteSpeaker')).toEqual({ ok: true });
      expect(workspace.model.speakerMuted).toBe(false);
      expect(vendor.requests).not.toContain('muteSpeaker');
    });

    it('cancels: the consult leg ends, the call comes back', async () => {
      await connectedCall();
      await workspace.execute('consultCall', 'e1', '5002');
      expect(await workspace.execute('cancelConsult', 'e1', 'missing')).toMatchObject({ ok: false, code: 'UNKNOWN_INTERACTION' });
      expect(await workspace.execute('cancelConsult', 'e1', 'e1-consult-1')).toEqual({ ok: true });
      expect(workspace.model.interaction('e1')?.state).toBe('connected');
      expect(closedLeg('e1-consult-1')?.endCause).toEqual({ kind: 'canceled' });
    });
  });

  describe('vendor failures', () => {
    it('are answered to the caller and reported to the views', async () => {
      await ready();
      vendor.ring('e1');
      vendor.failNext = { ok: false, code: 'BACKEND_UNAVAILABLE', message: 'No connection to the contact center.' };
      const changes = recordChanges(workspace.model);
      expect(await workspace.execute('acceptCall', 'e1')).toEqual({
        ok: false,
        code: 'BACKEND_UNAVAILABLE',
        message: 'No connection to the contact center.',
      });
      expect(workspace.model.interaction('e1')?.state).toBe('offered');
      expect(changes).toEqual(['commandFailed acceptCall BACKEND_UNAVAILABLE']);
    });

    it('a vendor that throws still gets an outcome', async () => {
      await ready();
      vendor.ring('e1');
      vendor.acceptCall = () => Promise.reject(new Error('socket exploded'));
      expect(await workspace.execute('acceptCall', 'e1')).toEqual({ ok: false, code: 'INTERNAL_ERROR', message: 'socket exploded' });
    });
  });
});
