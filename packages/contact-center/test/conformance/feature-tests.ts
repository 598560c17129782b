import { describe, expect, it } from 'vitest';
import { CUSTOMER } from './scenario.ts';
import type { Scenario } from './scenario.ts';

/** Transfers, conferences, DTMF, user data and recording on an established call. */
export function featureTests(current: () => Scenario): void {
  /** Agent 5001 talking to the customer, agent 5002 signed in (NotReady, free for a direct call). */
  async function talkingWithColleague(s: Scenario): Promise<string> {
    await s.ready('5001');
    await s.signIn('5002');
    return s.talking('5001');
  }

  /** 5001 consults 5002 on `main` and 5002 answers; the consultation's ConnID. */
  async function consulted(s: Scenario, main: string, request: 'RequestInitiateTransfer' | 'RequestInitiateConference'): Promise<string> {
    const { connectionId: consult } = await s.request('5001', { request, connectionId: main, destination: '5002' });
    expect(consult).toMatch(/^[0-9a-f]{16}$/);
    const [held, dialing] = await s.log.expectNext('5001', ['EventHeld', 'EventDialing']);
    expect(held).toMatchObject({ connectionId: main });
    expect(dialing).toMatchObject({ connectionId: consult, callType: 'Consult', transferConnectionId: main });
    expect(await s.log.next('5002', 'EventRinging')).toMatchObject({ connectionId: consult, callType: 'Consult' });
    await s.request('5002', { request: 'RequestAnswerCall', connectionId: consult as string });
    await s.log.next('5002', 'EventEstablished');
    expect(await s.log.next('5001', 'EventEstablished')).toMatchObject({ connectionId: consult });
    expect(s.port.snapshot('5001').calls).toEqual([
      expect.objectContaining({ connectionId: main, state: 'Held', transferConnectionId: consult }),
      expect.objectContaining({ connectionId: consult, state: 'Established', transferConnectionId: main }),
    ]);
    // One leg's answer is the snapshot's entry for it, and nothing for a ConnID the DN has no leg of.
    const [mainLeg, consultLeg] = s.port.snapshot('5001').calls;
    expect(s.port.leg('5001', main)).toEqual(mainLeg);
    expect(s.port.leg('5001', consult as string)).toEqual(consultLeg);
    expect(s.port.leg('5003', main)).toBeUndefined();
    expect(s.port.leg('5001', '00000000000000ff')).toBeUndefined();
    return consult as string;
  }

  describe('transfers', () => {
    it('single-step transfer: the agent is released (Transferred), the call rings at the destination', async () => {
      const s = current();
      const connectionId = await talkingWithColleague(s);
      await s.request('5001', { request: 'RequestSingleStepTransfer', connectionId, destination: '5002' });
      expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId, callState: 'Transferred' });
      expect(await s.log.next('5002', 'EventRinging')).toMatchObject({ connectionId, ANI: CUSTOMER });
      await s.request('5002', { request: 'RequestAnswerCall', connectionId });
      await s.log.next('5002', 'EventEstablished');
      expect(s.legs('5001')).toEqual([]);
      expect(s.legs('5002')).toEqual([`${connectionId}:Established`]);
    });

    it('consult transfer: the target keeps the call under the main ConnID (EventPartyChanged with previousConnectionId)', async () => {
      const s = current();
      const main = await talkingWithColleague(s);
      const consult = await consulted(s, main, 'RequestInitiateTransfer');

      await s.request('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult });
      const [consultReleased, mainReleased] = await s.log.expectNext('5001', ['EventReleased', 'EventReleased']);
      expect(consultReleased).toMatchObject({ connectionId: consult, callState: 'Transferred' });
      expect(mainReleased).toMatchObject({ connectionId: main, callState: 'Transferred' });
      const changed = await s.log.next('5002', 'EventPartyChanged');
      expect(changed).toMatchObject({ connectionId: main, previousConnectionId: consult, otherDN: CUSTOMER });
      expect(s.legs('5001')).toEqual([]);
      expect(s.legs('5002')).toEqual([`${main}:Established`]);

      s.control.customerHangup(main);
      expect(await s.log.next('5002', 'EventReleased')).toMatchObject({ connectionId: main });
    });

    it('a cancelled consultation (RequestReconnectCall) releases the consultation and retrieves the call', async () => {
      const s = current();
      const main = await talkingWithColleague(s);
      const consult = await consulted(s, main, 'RequestInitiateTransfer');
      await s.request('5001', { request: 'RequestReconnectCall', connectionId: main, consultConnectionId: consult });
      const [released, retrieved] = await s.log.expectNext('5001', ['EventReleased', 'EventRetrieved']);
      expect(released).toMatchObject({ connectionId: consult });
      expect(retrieved).toMatchObject({ connectionId: main });
      expect(await s.log.next('5002', 'EventReleased')).toMatchObject({ connectionId: consult });
      expect(s.legs('5001')).toEqual([`${main}:Established`]);
      expect(s.legs('5002')).toEqual([]);
    });
  });

  describe('conference', () => {
    it('joins the consulted agent (EventPartyAdded, EventPartyChanged) and deletes them again (EventPartyDeleted)', async () => {
      const s = current();
      const main = await talkingWithColleague(s);
      const consult = await consulted(s, main, 'RequestInitiateConference');

      await s.request('5001', { request: 'RequestCompleteConference', connectionId: main, consultConnectionId: consult });
      const [released, retrieved, added] = await s.log.expectNext('5001', ['EventReleased', 'EventRetrieved', 'EventPartyAdded']);
      expect(released).toMatchObject({ connectionId: consult, callState: 'Conferenced' });
      expect(retrieved).toMatchObject({ connectionId: main });
      expect(added).toMatchObject({ connectionId: main, thirdPartyDN: '5002' });
      expect([...(added?.parties ?? [])].sort()).toEqual([CUSTOMER, '5001', '5002'].sort());
      expect(await s.log.next('5002', 'EventPartyChanged')).toMatchObject({ connectionId: main, previousConnectionId: consult });
      expect(s.legs('5002')).toEqual([`${main}:Established`]);

      await s.request('5001', { request: 'RequestDeleteFromConference', connectionId: main, dn: '5002' });
      expect(await s.log.next('5001', 'EventPartyDeleted')).toMatchObject({ connectionId: main, thirdPartyDN: '5002' });
      expect(await s.log.next('5002', 'EventReleased')).toMatchObject({ connectionId: main });
      expect(s.legs('5001')).toEqual([`${main}:Established`]);
      expect(s.legs('5002')).toEqual([]);
    });
  });

  describe('DTMF', () => {
    it('sends digits (EventDTMFSent) and refuses what is not a DTMF digit (INVALID_ATTRIBUTE)', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');
      await s.request('5001', { request: 'RequestSendDTMF', connectionId, digits: '12#' });
      expect(await s.log.next('5001', 'EventDTMFSent')).toMatchObject({ connectionId, digits: '12#' });
      await s.refused('5001', { request: 'RequestSendDTMF', connectionId, digits: '12x' }, 'INVALID_ATTRIBUTE');
    });
  });

  describe('user data', () => {
    it('attaches, updates, deletes one key and then all: EventAttachedDataChanged each time', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');

      await s.request('5001', { request: 'RequestAttachUserData', connectionId, userData: { caseId: 'C-7', priority: 2 } });
      expect((await s.log.next('5001', 'EventAttachedDataChanged')).userData).toEqual({ caseId: 'C-7', priority: 2 });
      await s.request('5001', { request: 'RequestUpdateUserData', connectionId, userData: { caseId: 'C-8' } });
      expect((await s.log.next('5001', 'EventAttachedDataChanged')).userData).toEqual({ caseId: 'C-8', priority: 2 });
      await s.request('5001', { request: 'RequestDeletePair', connectionId, key: 'priority' });
      expect((await s.log.next('5001', 'EventAttachedDataChanged')).userData).toEqual({ caseId: 'C-8' });
      await s.refused('5001', { request: 'RequestDeletePair', connectionId, key: 'priority' }, 'INVALID_ATTRIBUTE');
      await s.request('5001', { request: 'RequestDeleteUserData', connectionId });
      expect((await s.log.next('5001', 'EventAttachedDataChanged')).userData).toEqual({});
      expect(s.port.snapshot('5001').calls[0]?.userData).toEqual({});
    });
  });

  describe('recording', () => {
    it('starts, pauses, resumes and stops: EventAttachedDataChanged with the recording state', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');
      const steps = [
        ['RequestStartCallRecording', 'Recording'],
        ['RequestPauseCallRecording', 'Paused'],
        ['RequestResumeCallRecording', 'Recording'],
        ['RequestStopCallRecording', 'Stopped'],
      ] as const;
      for (const [request, recordingState] of steps) {
        await s.request('5001', { request, connectionId });
        expect(await s.log.next('5001', 'EventAttachedDataChanged')).toMatchObject({ connectionId, recordingState });
        expect(s.port.snapshot('5001').calls[0]?.recordingState).toBe(recordingState);
      }
      await s.refused('5001', { request: 'RequestStopCallRecording', connectionId }, 'INVALID_CALL_STATE');
    });
  });
}
