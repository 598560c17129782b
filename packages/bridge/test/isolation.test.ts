import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '@ctikit/protocol';
import { ClientSocket, command, notReadyAgent, readyAgent, refusedUpgrade, ringing, startBridge } from './harness.ts';
import type { Frame, TestBridge } from './harness.ts';

/** One agent can never act on, or see, another agent's call. */

let t: TestBridge;
let alex: ClientSocket;
let kenji: ClientSocket;
let call: Frame;

beforeEach(async () => {
  t = await startBridge();
  alex = await readyAgent(t, 'agent1');
  kenji = await notReadyAgent(t, 'agent2');
  call = await ringing(t, alex);
});

afterEach(async () => {
  await t.close();
});

describe('isolation between agents', () => {
  it("agent2 cannot accept, hang up, hold, transfer or annotate agent1's call: INVALID_CONNECTION_ID", async () => {
    const connectionId = call.connectionId as string;
    const attempts = [
      { type: 'Accept', connectionId },
      { type: 'Reject', connectionId },
      { type: 'Hangup', connectionId },
      { type: 'Hold', connectionId },
      { type: 'SingleStepTransfer', connectionId, destination: '5002' },
      { type: 'CompleteTransfer', connectionId, consultConnectionId: connectionId },
      { type: 'AttachUserData', connectionId, userData: { stolen: 'yes' } },
      { type: 'SendDTMF', connectionId, digits: '1' },
      { type: 'StartRecording', connectionId },
    ];
    for (const attempt of attempts) {
      const result = await command(t, 'agent2', attempt);
      expect(result, attempt.type).toMatchObject({ status: 404, body: { ok: false, error: { code: 'INVALID_CONNECTION_ID', tserverErrorCode: 56 } } });
    }
    // The call still rings at agent1, untouched, and agent1 can take it.
    await command(t, 'agent1', { type: 'Accept', connectionId });
    expect(await alex.next('EventEstablished')).toMatchObject({ eventId: call.eventId, userData: {} });
  });

  it("agent2's socket never receives agent1's frames, and its errors do not reveal agent1's eventId", async () => {
    await command(t, 'agent2', { type: 'Hangup', connectionId: call.connectionId });
    await command(t, 'agent1', { type: 'Accept', connectionId: call.connectionId });
    await command(t, 'agent1', { type: 'Hold', connectionId: call.connectionId });
    await alex.next('EventHeld');
    // A barrier: agent2's own next event arrives after anything agent1's steps could have caused.
    await command(t, 'agent2', { type: 'NotReady', reasonCode: 'Lunch' });
    await kenji.next((f) => f.eventName === 'EventAgentNotReady' && (f['reasons'] as { ReasonCode?: string } | undefined)?.ReasonCode === 'Lunch');

    const sequenced = kenji.sequenced();
    expect(sequenced.every((f) => f['thisDN'] === '5002')).toBe(true);
    expect(sequenced.filter((f) => f.eventName !== 'EventError' && f.connectionId === call.connectionId)).toEqual([]);
    const error = sequenced.find((f) => f.eventName === 'EventError');
    expect(error).toMatchObject({ errorCode: 'INVALID_CONNECTION_ID', thisDN: '5002' });
    expect(error?.eventId).toBeUndefined();
    expect(alex.sequenced().every((f) => f['thisDN'] === '5001')).toBe(true);
  });

  it("agent2's snapshot lists none of agent1's calls", async () => {
    const second = await ClientSocket.agent(t, { agentId: 'agent2' });
    const snapshot = (await second.next('Snapshot')) as unknown as Snapshot;
    expect(snapshot.agent.agentId).toBe('agent2');
    expect(snapshot.calls).toEqual([]);
  });

  it('dev mode: naming an agent that is not configured is DN_NOT_CONFIGURED, on REST and on the socket', async () => {
    expect(await command(t, 'agent9', { type: 'initialize' })).toMatchObject({ status: 404, body: { error: { code: 'DN_NOT_CONFIGURED' } } });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs?agentId=agent9`)).toMatchObject({ status: 404, body: { error: { code: 'DN_NOT_CONFIGURED' } } });
    expect(await command(t, 'agent2', { type: 'initialize' }, { 'x-agent-dn': '5001' })).toMatchObject({
      status: 404,
      body: { error: { code: 'DN_NOT_CONFIGURED' } },
    });
  });

  it('dev mode: a socket may name its agent by DN', async () => {
    const socket = await ClientSocket.agent(t, { dn: '5003' });
    expect(socket.opened).toMatchObject({ agentId: 'agent3', dn: '5003' });
  });
});
