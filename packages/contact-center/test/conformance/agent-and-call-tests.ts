import { describe, expect, it } from 'vitest';
import { CUSTOMER } from './scenario.ts';
import type { ConformanceBackend, Scenario } from './scenario.ts';

/** Agent state, inbound and outbound calls, hold and retrieve, and isolation between DNs. */
export function agentAndCallTests(current: () => Scenario, backend: ConformanceBackend): void {
  describe('agent state', () => {
    it('refuses call and agent requests before the DN is registered (NOT_INITIALIZED)', async () => {
      const s = current();
      await s.refused('5001', { request: 'RequestAgentReady' }, 'NOT_INITIALIZED');
      expect(s.port.snapshot('5001').agent).toMatchObject({ registered: false, state: 'LoggedOut' });
    });

    it('registers and logs in: EventRegistered, EventAgentLogin, EventAgentNotReady (AuxWork)', async () => {
      const s = current();
      const [registered, login, notReady] = await s.signIn('5001');
      expect(registered).toMatchObject({ thisDN: '5001' });
      expect(login).toMatchObject({ thisDN: '5001', agentId: 'agent1' });
      expect(notReady).toMatchObject({ agentId: 'agent1', workMode: 'AuxWork' });
      expect(s.port.snapshot('5001').agent).toMatchObject({ agentId: 'agent1', dn: '5001', registered: true, state: 'NotReady' });
    });

    it('goes Ready, NotReady with a reason code, and Ready again', async () => {
      const s = current();
      await s.signIn('5001');
      await s.request('5001', { request: 'RequestAgentReady' });
      expect(await s.log.next('5001', 'EventAgentReady')).toMatchObject({ agentId: 'agent1' });
      expect(s.port.snapshot('5001').agent.state).toBe('Ready');

      await s.request('5001', { request: 'RequestAgentNotReady', reasonCode: 'Lunch' });
      expect(await s.log.next('5001', 'EventAgentNotReady')).toMatchObject({ workMode: 'AuxWork', reasons: { ReasonCode: 'Lunch' } });
      expect(s.port.snapshot('5001').agent).toMatchObject({ state: 'NotReady', workMode: 'AuxWork', reasonCode: 'Lunch' });

      await s.request('5001', { request: 'RequestAgentReady', workMode: 'AutoIn' });
      expect(await s.log.next('5001', 'EventAgentReady')).toMatchObject({ workMode: 'AutoIn' });
    });

    it('refuses an unknown reason code (INVALID_ATTRIBUTE) and a second Ready (ALREADY_IN_STATE)', async () => {
      const s = current();
      await s.ready('5001');
      await s.refused('5001', { request: 'RequestAgentNotReady', reasonCode: 'Nap' }, 'INVALID_ATTRIBUTE');
      await s.refused('5001', { request: 'RequestAgentReady' }, 'ALREADY_IN_STATE');
      expect(s.port.snapshot('5001').agent.state).toBe('Ready');
    });

    it('logs out (EventAgentLogout) and logs in again', async () => {
      const s = current();
      await s.ready('5001');
      await s.request('5001', { request: 'RequestAgentLogout' });
      expect(await s.log.next('5001', 'EventAgentLogout')).toMatchObject({ agentId: 'agent1' });
      expect(s.port.snapshot('5001').agent).toMatchObject({ registered: true, state: 'LoggedOut' });

      await s.request('5001', { request: 'RequestAgentLogin', agentId: 'agent1' });
      await s.log.expectNext('5001', ['EventAgentLogin', 'EventAgentNotReady']);
      expect(s.port.snapshot('5001').agent.state).toBe('NotReady');
    });
  });

  describe('inbound calls', () => {
    it('rings (ANI, DNIS, Inbound), is answered and released by the agent', async () => {
      const s = current();
      await s.ready('5001');
      const ringing = await s.ringing('5001');
      const connectionId = ringing.connectionId as string;
      expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
      expect(ringing).toMatchObject({ thisDN: '5001', callType: 'Inbound', ANI: CUSTOMER, DNIS: '8000', otherDN: CUSTOMER });
      expect(s.legs('5001')).toEqual([`${connectionId}:Ringing`]);

      await s.request('5001', { request: 'RequestAnswerCall', connectionId });
      expect(await s.log.next('5001', 'EventEstablished')).toMatchObject({ connectionId, callUuid: ringing.callUuid });
      expect(s.legs('5001')).toEqual([`${connectionId}:Established`]);

      await s.request('5001', { request: 'RequestReleaseCall', connectionId });
      expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId, callState: 'OK' });
      expect(s.legs('5001')).toEqual([]);
    });

    it('is released by the customer: EventReleased', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');
      s.control.customerHangup(connectionId);
      expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId });
      expect(s.legs('5001')).toEqual([]);
    });

    it('is rejected (EventReleased, Rejected) and goes back to the queue, to ring at the next agent', async () => {
      const s = current();
      await s.ready('5001');
      await s.ready('5002');
      const { connectionId } = await s.ringing('5001');
      await s.request('5001', { request: 'RequestReleaseCall', connectionId: connectionId as string });
      expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId, callState: 'Rejected' });
      expect(await s.log.next('5002', 'EventRinging')).toMatchObject({ connectionId });
    });

    it('is abandoned while ringing: EventAbandoned', async () => {
      const s = current();
      await s.ready('5001');
      const { connectionId } = await s.ringing('5001');
      s.control.customerHangup(connectionId as string);
      expect(await s.log.next('5001', 'EventAbandoned')).toMatchObject({ connectionId });
      expect(s.legs('5001')).toEqual([]);
    });

    it('refuses to answer a call that is not ringing (INVALID_CALL_STATE)', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');
      await s.refused('5001', { request: 'RequestAnswerCall', connectionId }, 'INVALID_CALL_STATE');
      expect(s.legs('5001')).toEqual([`${connectionId}:Established`]);
    });
  });

  describe('outbound calls', () => {
    it('dials (the request reports the ConnID), is answered by the customer and hung up', async () => {
      const s = current();
      await s.signIn('5001');
      const { connectionId } = await s.request('5001', { request: 'RequestMakeCall', destination: CUSTOMER });
      expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
      expect(await s.log.next('5001', 'EventDialing')).toMatchObject({ connectionId, callType: 'Outbound', otherDN: CUSTOMER, DNIS: CUSTOMER });
      expect(s.legs('5001')).toEqual([`${connectionId}:Dialing`]);

      s.control.customerAnswer(connectionId as string);
      expect(await s.log.next('5001', 'EventEstablished')).toMatchObject({ connectionId });
      await s.request('5001', { request: 'RequestReleaseCall', connectionId: connectionId as string });
      expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId });
    });

    for (const reason of ['busy', 'noAnswer'] as const) {
      it(`ends when the customer's line is ${reason === 'busy' ? 'busy' : 'not answered'}`, async () => {
        const s = current();
        await s.signIn('5001');
        const { connectionId } = await s.request('5001', { request: 'RequestMakeCall', destination: CUSTOMER });
        await s.log.next('5001', 'EventDialing');
        s.control.customerRefuse(connectionId as string, reason);
        if (backend.reportsReleaseCauses) {
          const names = reason === 'busy' ? (['EventDestinationBusy', 'EventReleased'] as const) : (['EventReleased'] as const);
          const events = await s.log.expectNext('5001', names);
          expect(events.at(-1)).toMatchObject({ connectionId, callState: reason === 'busy' ? 'Busy' : 'NoAnswer' });
        } else {
          expect(await s.log.next('5001', 'EventReleased')).toMatchObject({ connectionId });
        }
        expect(s.legs('5001')).toEqual([]);
      });
    }

    it('refuses a destination that is not a number (INVALID_CALLED_DN) and makes no call', async () => {
      const s = current();
      await s.signIn('5001');
      await s.refused('5001', { request: 'RequestMakeCall', destination: 'not-a-number' }, 'INVALID_CALLED_DN');
      expect(s.legs('5001')).toEqual([]);
      expect(s.log.unread('5001')).toEqual([]);
    });
  });

  describe('hold and retrieve', () => {
    it('holds (EventHeld) and retrieves (EventRetrieved); a second retrieve is refused', async () => {
      const s = current();
      await s.ready('5001');
      const connectionId = await s.talking('5001');
      await s.request('5001', { request: 'RequestHoldCall', connectionId });
      expect(await s.log.next('5001', 'EventHeld')).toMatchObject({ connectionId });
      expect(s.legs('5001')).toEqual([`${connectionId}:Held`]);
      await s.request('5001', { request: 'RequestRetrieveCall', connectionId });
      expect(await s.log.next('5001', 'EventRetrieved')).toMatchObject({ connectionId });
      expect(s.legs('5001')).toEqual([`${connectionId}:Established`]);
      await s.refused('5001', { request: 'RequestRetrieveCall', connectionId }, 'INVALID_CALL_STATE');
    });
  });

  describe('isolation between DNs', () => {
    it("refuses another DN's ConnID (INVALID_CONNECTION_ID) and never shows it another DN's call", async () => {
      const s = current();
      await s.ready('5001');
      await s.signIn('5002');
      const connectionId = await s.talking('5001');
      for (const body of [
        { request: 'RequestReleaseCall', connectionId },
        { request: 'RequestHoldCall', connectionId },
        { request: 'RequestAttachUserData', connectionId, userData: { stolen: 'yes' } },
        { request: 'RequestSingleStepTransfer', connectionId, destination: '5002' },
      ] as const) {
        await s.refused('5002', body, 'INVALID_CONNECTION_ID');
      }
      expect(s.legs('5002')).toEqual([]);
      expect(s.legs('5001')).toEqual([`${connectionId}:Established`]);
      expect(s.log.unread('5002')).toEqual([]);
    });
  });
}
