import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';
import { isCallEvent } from '@ctikit/protocol';

async function talking(): Promise<{ h: Harness; connectionId: string }> {
  const h = new Harness();
  await h.ready('5001');
  const connectionId = await h.answered('5001');
  return { h, connectionId };
}

describe('hold and retrieve', () => {
  it('holds and retrieves, reported to the holder only', async () => {
    const { h, connectionId } = await talking();
    const hold = await h.request('5001', { request: 'RequestHoldCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventHeld', connectionId, referenceId: hold.referenceId, thisQueue: '8000' }]);
    expect(h.sim.snapshot('5001').calls[0]?.state).toBe('Held');
    await h.refused('5001', { request: 'RequestHoldCall', connectionId }, 'INVALID_CALL_STATE');
    await h.request('5001', { request: 'RequestRetrieveCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRetrieved', connectionId }]);
    expect(h.take(CUSTOMER)).toEqual([]);
    await h.refused('5001', { request: 'RequestRetrieveCall', connectionId }, 'INVALID_CALL_STATE');
  });

  it('refuses to hold a ringing call', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000');
    await h.refused('5001', { request: 'RequestHoldCall', connectionId }, 'INVALID_CALL_STATE');
  });
});

describe('mute', () => {
  it('mutes and unmutes, shown in the snapshot', async () => {
    const { h, connectionId } = await talking();
    await h.request('5001', { request: 'RequestSetMuteOn', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventMuteOn', connectionId }]);
    expect(h.sim.snapshot('5001').calls[0]?.muted).toBe(true);
    await h.refused('5001', { request: 'RequestSetMuteOn', connectionId }, 'ALREADY_IN_STATE');
    await h.request('5001', { request: 'RequestSetMuteOff', connectionId });
    expect(h.names('5001')).toEqual(['EventMuteOff']);
    expect(h.sim.snapshot('5001').calls[0]?.muted).toBe(false);
  });
});

describe('DTMF', () => {
  it('sends digits on an established call', async () => {
    const { h, connectionId } = await talking();
    const sent = await h.request('5001', { request: 'RequestSendDTMF', connectionId, digits: '12*#A' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventDTMFSent', connectionId, digits: '12*#A', referenceId: sent.referenceId }]);
  });

  it('refuses invalid digits (53) and a call that is not established (93)', async () => {
    const { h, connectionId } = await talking();
    await h.refused('5001', { request: 'RequestSendDTMF', connectionId, digits: '12E' }, 'INVALID_ATTRIBUTE');
    await h.request('5001', { request: 'RequestHoldCall', connectionId });
    await h.refused('5001', { request: 'RequestSendDTMF', connectionId, digits: '1' }, 'INVALID_CALL_STATE');
  });
});

describe('user data', () => {
  it('attaches new keys only, updates (adds or overwrites), deletes a pair, deletes all', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000', CUSTOMER, { Lang: 'en' });
    h.take('5001');
    await h.request('5001', { request: 'RequestAttachUserData', connectionId, userData: { Lang: 'ja', Case: 'C-1' } });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAttachedDataChanged', connectionId, userData: { Lang: 'en', Case: 'C-1' } }]);
    await h.request('5001', { request: 'RequestUpdateUserData', connectionId, userData: { Lang: 'ja', Score: 5 } });
    expect(h.takeCalls('5001')[0]?.userData).toEqual({ Lang: 'ja', Case: 'C-1', Score: 5 });
    await h.request('5001', { request: 'RequestDeletePair', connectionId, key: 'Case' });
    expect(h.takeCalls('5001')[0]?.userData).toEqual({ Lang: 'ja', Score: 5 });
    await h.refused('5001', { request: 'RequestDeletePair', connectionId, key: 'Case' }, 'INVALID_ATTRIBUTE');
    await h.request('5001', { request: 'RequestDeleteUserData', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAttachedDataChanged', userData: {} }]);
    expect(h.sim.snapshot('5001').calls[0]?.userData).toEqual({});
  });

  it('refuses user data that would grow past 100 keys (53)', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = await h.answered('5001');
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    await h.request('5001', { request: 'RequestUpdateUserData', connectionId, userData: many });
    h.take('5001');
    await h.refused('5001', { request: 'RequestAttachUserData', connectionId, userData: { one: 'more' } }, 'INVALID_ATTRIBUTE');
    expect(h.take('5001')).toEqual([]);
    expect(Object.keys(h.sim.snapshot('5001').calls[0]?.userData ?? {})).toHaveLength(100);
  });

  it('reports changes to every agent DN on the call, the referenceId only to the requester', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.loggedIn('5002');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: '5002' });
    h.sim.phoneAnswer('5002');
    h.take('5001');
    h.take('5002');
    const update = await h.request('5002', { request: 'RequestUpdateUserData', connectionId: connectionId as string, userData: { Note: 'vip' } });
    const [toCaller] = h.take('5001');
    const [toRequester] = h.take('5002');
    expect(toCaller).toMatchObject({ eventName: 'EventAttachedDataChanged', userData: { Note: 'vip' } });
    expect(toCaller).not.toHaveProperty('referenceId');
    expect(toRequester).toMatchObject({ eventName: 'EventAttachedDataChanged', referenceId: update.referenceId });
  });

  it('does not let a listener change the call’s data through an event', async () => {
    const { h, connectionId } = await talking();
    h.sim.subscribe('5001', (event) => {
      if (isCallEvent(event) && event.userData) event.userData.Injected = 'x';
    });
    await h.request('5001', { request: 'RequestUpdateUserData', connectionId, userData: { A: '1' } });
    expect(h.sim.snapshot('5001').calls[0]?.userData).toEqual({ A: '1' });
  });
});

describe('recording', () => {
  it('starts, pauses, resumes and stops, reported by EventAttachedDataChanged with recordingState', async () => {
    const { h, connectionId } = await talking();
    const steps = [
      ['RequestStartCallRecording', 'Recording'],
      ['RequestPauseCallRecording', 'Paused'],
      ['RequestResumeCallRecording', 'Recording'],
      ['RequestStopCallRecording', 'Stopped'],
      ['RequestStartCallRecording', 'Recording'],
      ['RequestPauseCallRecording', 'Paused'],
      ['RequestStopCallRecording', 'Stopped'],
    ] as const;
    for (const [request, recordingState] of steps) {
      await h.request('5001', { request, connectionId });
      expect(h.take('5001')).toMatchObject([{ eventName: 'EventAttachedDataChanged', connectionId, recordingState }]);
      expect(h.sim.snapshot('5001').calls[0]?.recordingState).toBe(recordingState);
    }
  });

  it('refuses transitions from the wrong state (93)', async () => {
    const { h, connectionId } = await talking();
    await h.refused('5001', { request: 'RequestStopCallRecording', connectionId }, 'INVALID_CALL_STATE');
    await h.refused('5001', { request: 'RequestPauseCallRecording', connectionId }, 'INVALID_CALL_STATE');
    await h.refused('5001', { request: 'RequestResumeCallRecording', connectionId }, 'INVALID_CALL_STATE');
    await h.request('5001', { request: 'RequestStartCallRecording', connectionId });
    await h.refused('5001', { request: 'RequestStartCallRecording', connectionId }, 'INVALID_CALL_STATE');
    await h.refused('5001', { request: 'RequestResumeCallRecording', connectionId }, 'INVALID_CALL_STATE');
  });
});

describe('snapshot', () => {
  it('describes each call leg on the DN', async () => {
    const { h, connectionId } = await talking();
    const [leg] = h.sim.snapshot('5001').calls;
    expect(leg).toEqual({
      connectionId,
      callUuid: expect.stringMatching(/^[0-9A-Z]{32}$/),
      callType: 'Inbound',
      state: 'Established',
      ANI: CUSTOMER,
      DNIS: '8000',
      otherDN: CUSTOMER,
      thisQueue: '8000',
      parties: [CUSTOMER, '5001'],
      userData: {},
      muted: false,
      recordingState: 'Stopped',
      startedAt: h.clock.now(),
    });
  });
});
