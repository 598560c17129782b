import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, DEFAULT_TEST_CONFIG, command, http, placeCall, readyAgent, ringing, sim, startBridge, talking } from './harness.ts';
import type { TestBridge } from './harness.ts';

/** One agent's calls over the wire: availability, inbound, outbound and in-call controls. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

describe('availability', () => {
  it('lists the not-ready reason codes the contact center accepts', async () => {
    t = await startBridge();
    expect(await http(`${t.url}/genesys/reasonCodes`, { headers: { 'x-agent-id': 'agent1' } })).toMatchObject({
      status: 200,
      body: {
        ok: true,
        reasonCodes: [
          { code: 'Break', label: 'Break' },
          { code: 'Lunch', label: 'Lunch' },
        ],
      },
    });
  });

  it('lists the directory: every agent with their state (on a call: Busy), then the queues', async () => {
    t = await startBridge();
    const alex = await readyAgent(t, 'agent1');
    await readyAgent(t, 'agent2');
    await talking(t, alex, 'agent1');
    const targets = (answer: { body: unknown }) => (answer.body as { targets: unknown[] }).targets;
    const answer = await http(`${t.url}/genesys/targets`, { headers: { 'x-agent-id': 'agent3' } });
    expect(answer.status).toBe(200);
    expect(targets(answer)).toEqual([
      { name: 'Alex Morgan', type: 'agent', dn: '5001', agentId: 'agent1', state: 'Busy' },
      { name: 'Kenji Sato', type: 'agent', dn: '5002', agentId: 'agent2', state: 'Ready' },
      { name: 'Maria Lopez', type: 'agent', dn: '5003', agentId: 'agent3', state: 'LoggedOut' },
      { name: 'Sam Lee', type: 'agent', dn: '5004', agentId: 'agent4', state: 'LoggedOut' },
      { name: 'Support', type: 'queue', dn: '8000' },
      { name: 'Sales', type: 'queue', dn: '8001' },
    ]);
  });

  it("reports the caller's queues with the calls waiting in them and the longest wait (Stat Server's Current_In_Queue, CurrMaxCallWaitingTime)", async () => {
    t = await startBridge();
    expect(await http(`${t.url}/genesys/queueStatus`, { headers: { 'x-agent-id': 'agent3' } })).toMatchObject({
      status: 200,
      body: { ok: true, queues: [{ dn: '8001', name: 'Sales', waiting: 0, longestWaitSec: 0 }] },
    });
    await placeCall(t, '4155550123', '8000');
    t.clock.advance(12_000);
    await placeCall(t, '4155550124', '8000');
    const status = await http(`${t.url}/genesys/queueStatus`, { headers: { 'x-agent-id': 'agent1' } });
    expect(status.body).toEqual({
      ok: true,
      queues: [
        { dn: '8000', name: 'Support', waiting: 2, longestWaitSec: 12 },
        { dn: '8001', name: 'Sales', waiting: 0, longestWaitSec: 0 },
      ],
    });
  });

  it('initialize registers, logs in and makes the agent Ready, echoing the X-Reference-Id', async () => {
    t = await startBridge();
    const socket = await ClientSocket.agent(t, { agentId: 'agent1' });
    const result = await command(t, 'agent1', { type: 'initialize' }, { 'x-reference-id': 'ref-init' });
    expect(result).toMatchObject({ status: 200, body: { ok: true, type: 'initialize', referenceId: 'ref-init' } });
    const frames = await socket.take(4);
    expect(frames.map((f) => [f.eventName, f.seq, f['referenceId']])).toEqual([
      ['EventRegistered', 1, 'ref-init'],
      ['EventAgentLogin', 2, 'ref-init'],
      ['EventAgentNotReady', 3, 'ref-init'],
      ['EventAgentReady', 4, 'ref-init'],
    ]);
    for (const frame of frames) expect(frame['timestamp']).toEqual(expect.any(Number));
  });

  it('goes NotReady with a reason, Ready again, and logs out', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    expect((await command(t, 'agent1', { type: 'NotReady', reasonCode: 'Break' })).status).toBe(200);
    expect(await socket.next('EventAgentNotReady')).toMatchObject({ workMode: 'AuxWork', reasons: { ReasonCode: 'Break' } });
    expect((await command(t, 'agent1', { type: 'Ready' })).status).toBe(200);
    expect(await socket.next('EventAgentReady')).toMatchObject({ workMode: 'ManualIn' });
    expect((await command(t, 'agent1', { type: 'Logout' })).status).toBe(200);
    expect(await socket.next('EventAgentLogout')).toMatchObject({ thisDN: '5001', agentId: 'agent1' });
  });

  it('initialize with ready:false leaves the agent NotReady', async () => {
    t = await startBridge();
    const socket = await ClientSocket.agent(t, { agentId: 'agent1' });
    await command(t, 'agent1', { type: 'initialize', ready: false });
    expect((await socket.take(3)).map((f) => f.eventName)).toEqual(['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady']);
    await command(t, 'agent1', { type: 'NotReady', reasonCode: 'Lunch' });
    expect(await socket.take(1)).toMatchObject([{ eventName: 'EventAgentNotReady', reasons: { ReasonCode: 'Lunch' } }]);
  });

  it('refuses an unknown reason code with INVALID_ATTRIBUTE, on the HTTP answer and as an EventError', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const result = await command(t, 'agent1', { type: 'NotReady', reasonCode: 'Nap' }, { 'x-reference-id': 'ref-nap' });
    expect(result).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_ATTRIBUTE', tserverErrorCode: 53, referenceId: 'ref-nap' } } });
    expect(await socket.next('EventError')).toMatchObject({
      errorCode: 'INVALID_ATTRIBUTE',
      tserverErrorCode: 53,
      referenceId: 'ref-nap',
      errorMessage: expect.stringContaining('Nap'),
    });
  });
});

describe('inbound calls', () => {
  it('rings with ANI, DNIS, queue and an eventId; Accept answers with the CommandResult and EventEstablished', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const ring = await ringing(t, socket);
    expect(ring).toMatchObject({ ANI: '4155550123', DNIS: '8000', thisQueue: '8000', callType: 'Inbound', eventId: expect.any(String) });
    const result = await command(t, 'agent1', { type: 'Accept', connectionId: ring.connectionId });
    expect(result.body).toEqual({ ok: true, type: 'Accept', referenceId: expect.any(String), eventId: ring.eventId, connectionId: ring.connectionId });
    expect(await socket.next('EventEstablished')).toMatchObject({ eventId: ring.eventId, referenceId: result.body['referenceId'] });
  });

  it('is answered from the softphone without any command', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const ring = await ringing(t, socket);
    expect(await sim(t, '/phones/5001/answer', { connectionId: ring.connectionId })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await socket.next('EventEstablished')).toMatchObject({ connectionId: ring.connectionId, eventId: ring.eventId });
  });

  it('Reject releases the ringing leg and the call is offered to another agent', async () => {
    t = await startBridge();
    const first = await readyAgent(t, 'agent1');
    t.clock.advance(1000);
    const second = await readyAgent(t, 'agent2');
    const ring = await ringing(t, first);
    expect((await command(t, 'agent1', { type: 'Reject', connectionId: ring.connectionId })).status).toBe(200);
    expect(await first.next('EventReleased')).toMatchObject({ connectionId: ring.connectionId, callState: 'Rejected', eventId: ring.eventId });
    expect(await second.next('EventRinging')).toMatchObject({ connectionId: ring.connectionId, ANI: '4155550123' });
  });

  it('Reject of an established call is INVALID_CALL_STATE (Hangup is for that)', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const established = await talking(t, socket, 'agent1');
    const result = await command(t, 'agent1', { type: 'Reject', connectionId: established.connectionId });
    expect(result).toMatchObject({ status: 409, body: { error: { code: 'INVALID_CALL_STATE', tserverErrorCode: 93 } } });
    expect(await socket.next('EventError')).toMatchObject({
      errorCode: 'INVALID_CALL_STATE',
      connectionId: established.connectionId,
      eventId: established.eventId,
    });
  });

  it('the agent hangs up: EventReleased with the same eventId', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const established = await talking(t, socket, 'agent1');
    const result = await command(t, 'agent1', { type: 'Hangup', connectionId: established.connectionId });
    expect(result.body).toMatchObject({ ok: true, eventId: established.eventId, connectionId: established.connectionId });
    expect(await socket.next('EventReleased')).toMatchObject({ callState: 'OK', eventId: established.eventId });
  });

  it('the customer hangs up while it rings: EventAbandoned', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const ring = await ringing(t, socket);
    expect((await sim(t, `/calls/${ring.connectionId}/hangup`)).status).toBe(200);
    expect(await socket.next('EventAbandoned')).toMatchObject({ connectionId: ring.connectionId, eventId: ring.eventId });
  });

  it('the customer hangs up while talking: EventReleased', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const established = await talking(t, socket, 'agent1');
    await sim(t, `/calls/${established.connectionId}/hangup`);
    expect(await socket.next('EventReleased')).toMatchObject({ connectionId: established.connectionId, eventId: established.eventId });
  });

  it('after-call work: the agent is NotReady/AfterCallWork after the call and Ready when wrap-up times out', async () => {
    t = await startBridge({ simulatorConfig: { ...DEFAULT_TEST_CONFIG, afterCallWork: { enabled: true, timeoutSec: 30 } } });
    const socket = await readyAgent(t, 'agent1');
    const established = await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'Hangup', connectionId: established.connectionId });
    await socket.next('EventReleased');
    expect(await socket.next('EventAgentNotReady')).toMatchObject({ workMode: 'AfterCallWork' });
    t.clock.advance(30_000);
    expect(await socket.next('EventAgentReady')).toMatchObject({ workMode: 'ManualIn' });
  });
});

describe('outbound calls', () => {
  it('MakeCall with a Fusion eventId: the call keeps that id from EventDialing to EventEstablished', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const result = await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199', eventId: 'fusion-click-1' });
    expect(result.body).toMatchObject({ ok: true, type: 'MakeCall', eventId: 'fusion-click-1', connectionId: expect.any(String) });
    const connectionId = result.body['connectionId'] as string;
    expect(await socket.next('EventDialing')).toMatchObject({ connectionId, eventId: 'fusion-click-1', callType: 'Outbound', otherDN: '4155550199' });
    expect((await sim(t, `/calls/${connectionId}/answer`)).status).toBe(200);
    expect(await socket.next('EventEstablished')).toMatchObject({ connectionId, eventId: 'fusion-click-1' });
  });

  it('MakeCall without an eventId gets a new one', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const result = await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199' });
    const dialing = await socket.next('EventDialing');
    expect(dialing.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body['eventId']).toBe(dialing.eventId);
  });

  it('busy: EventDestinationBusy then EventReleased (Busy)', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { body } = await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199', eventId: 'out-busy' });
    await sim(t, `/calls/${body['connectionId'] as string}/refuse`, { reason: 'busy' });
    expect(await socket.next('EventDestinationBusy')).toMatchObject({ eventId: 'out-busy', callState: 'Busy' });
    expect(await socket.next('EventReleased')).toMatchObject({ eventId: 'out-busy', callState: 'Busy' });
  });

  it('unanswered: released with NoAnswer when the customer lets it ring out', async () => {
    t = await startBridge({ simulatorConfig: { ...DEFAULT_TEST_CONFIG, outboundNoAnswerSec: 20 } });
    const socket = await readyAgent(t, 'agent1');
    await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199', eventId: 'out-ring' });
    await socket.next('EventDialing');
    t.clock.advance(20_000);
    expect(await socket.next('EventReleased')).toMatchObject({ eventId: 'out-ring', callState: 'NoAnswer' });
  });

  it('refused as noAnswer through the control API', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { body } = await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199' });
    await sim(t, `/calls/${body['connectionId'] as string}/refuse`, { reason: 'noAnswer' });
    expect(await socket.next('EventReleased')).toMatchObject({ callState: 'NoAnswer' });
  });

  it('an invalid number is INVALID_CALLED_DN (T-Library 71), with no call created', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const result = await command(t, 'agent1', { type: 'MakeCall', phoneNumber: 'not-a-number', eventId: 'bad-dial' });
    expect(result).toMatchObject({ status: 422, body: { error: { code: 'INVALID_CALLED_DN', tserverErrorCode: 71 } } });
    expect(await socket.next('EventError')).toMatchObject({ errorCode: 'INVALID_CALLED_DN' });
    expect(socket.names()).not.toContain('EventDialing');
    // The refused call's eventId is free again.
    expect((await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '4155550199', eventId: 'bad-dial' })).body).toMatchObject({ eventId: 'bad-dial' });
  });
});

describe('in-call controls', () => {
  it('hold and retrieve keep the eventId', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { connectionId, eventId } = await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'Hold', connectionId });
    expect(await socket.next('EventHeld')).toMatchObject({ connectionId, eventId });
    await command(t, 'agent1', { type: 'Retrieve', connectionId });
    expect(await socket.next('EventRetrieved')).toMatchObject({ connectionId, eventId });
  });

  it('mute and unmute; muting twice is ALREADY_IN_STATE', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { connectionId, eventId } = await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'Mute', connectionId });
    expect(await socket.next('EventMuteOn')).toMatchObject({ eventId });
    expect(await command(t, 'agent1', { type: 'Mute', connectionId })).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_IN_STATE' } } });
    await command(t, 'agent1', { type: 'Unmute', connectionId });
    expect(await socket.next('EventMuteOff')).toMatchObject({ eventId });
  });

  it('sends DTMF digits', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'SendDTMF', connectionId, digits: '12#' });
    expect(await socket.next('EventDTMFSent')).toMatchObject({ digits: '12#', connectionId });
  });

  it('attaches, updates and deletes user data (one key, then all)', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    const changed = () => socket.next('EventAttachedDataChanged');
    await command(t, 'agent1', { type: 'AttachUserData', connectionId, userData: { CaseId: '42', Tier: 'gold' } });
    expect((await changed())['userData']).toEqual({ CaseId: '42', Tier: 'gold' });
    await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: { Tier: 'platinum', Score: 9 } });
    expect((await changed())['userData']).toEqual({ CaseId: '42', Tier: 'platinum', Score: 9 });
    await command(t, 'agent1', { type: 'DeleteUserData', connectionId, key: 'Score' });
    expect((await changed())['userData']).toEqual({ CaseId: '42', Tier: 'platinum' });
    await command(t, 'agent1', { type: 'DeleteUserData', connectionId });
    expect((await changed())['userData']).toEqual({});
  });

  it('starts, pauses, resumes and stops recording; pausing a stopped recording is INVALID_CALL_STATE', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    const steps = [
      ['StartRecording', 'Recording'],
      ['PauseRecording', 'Paused'],
      ['ResumeRecording', 'Recording'],
      ['StopRecording', 'Stopped'],
    ] as const;
    for (const [type, state] of steps) {
      expect((await command(t, 'agent1', { type, connectionId })).status).toBe(200);
      expect(await socket.next('EventAttachedDataChanged')).toMatchObject({ recordingState: state });
    }
    expect(await command(t, 'agent1', { type: 'PauseRecording', connectionId })).toMatchObject({
      status: 409,
      body: { error: { code: 'INVALID_CALL_STATE' } },
    });
  });

  it('a call placed straight to the agent DN rings without a queue', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    const connectionId = await placeCall(t, '4155550123', '5001');
    const ring = await socket.next('EventRinging');
    expect(ring).toMatchObject({ connectionId, DNIS: '5001' });
    expect(ring['thisQueue']).toBeUndefined();
  });
});
