import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientSocket, http, placeCall, postJson, readyAgent, sim, startBridge } from './harness.ts';
import type { TestBridge } from './harness.ts';

/** The simulator control API, /sim/*, as the demo's customer phone and the CLI use it. */

let t: TestBridge;
beforeEach(async () => {
  t = await startBridge();
});
afterEach(async () => {
  await t.close();
});

describe('simulator control API', () => {
  it('places a call (201 with its ConnID and CallUUID) and lists calls and agents', async () => {
    await readyAgent(t, 'agent1');
    const placed = await sim(t, '/calls', { from: '4155550123', to: '8000', userData: { Account: 'A-1' } });
    expect(placed).toMatchObject({ status: 201, body: { connectionId: expect.stringMatching(/^[0-9a-f]{16}$/), callUuid: expect.any(String) } });
    const calls = await http(`${t.url}/sim/calls`);
    expect(calls.body['calls']).toEqual([
      expect.objectContaining({
        connectionId: placed.body['connectionId'],
        ANI: '4155550123',
        userData: { Account: 'A-1' },
        parties: [expect.objectContaining({ dn: '4155550123', kind: 'external' }), expect.objectContaining({ dn: '5001', state: 'Ringing' })],
      }),
    ]);
    const agents = await http(`${t.url}/sim/agents`);
    expect(agents.body['agents']).toContainEqual(
      expect.objectContaining({ agentId: 'agent1', dn: '5001', state: 'Ready', calls: [placed.body['connectionId']] }),
    );
  });

  it("answers and hangs up on the agent's softphone", async () => {
    const socket = await readyAgent(t, 'agent1');
    const connectionId = await placeCall(t, '4155550123', '8000');
    expect(await sim(t, '/phones/5001/answer', {})).toMatchObject({ status: 200, body: { ok: true } });
    await socket.next('EventEstablished');
    expect(await sim(t, '/phones/5001/hangup')).toMatchObject({ status: 200 });
    expect(await socket.next('EventReleased')).toMatchObject({ connectionId });
  });

  it('streams every simulator event, customer side included, on /sim/events', async () => {
    const stream = await ClientSocket.open(`${t.wsUrl}/sim/events`);
    await readyAgent(t, 'agent1');
    const connectionId = await placeCall(t, '4155550123', '8000');
    expect(await stream.next('EventDialing')).toMatchObject({ thisDN: '4155550123', connectionId, timestamp: expect.any(Number) });
    expect(await stream.next('EventRinging')).toMatchObject({ thisDN: '5001', connectionId });
  });

  it('answers bad input with the catalog codes', async () => {
    expect(await sim(t, '/calls', { from: '4155550123' })).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_COMMAND', message: expect.stringContaining('to') } },
    });
    expect(await sim(t, '/calls', { from: '4155550123', to: '7777' })).toMatchObject({ status: 404, body: { error: { code: 'DN_NOT_CONFIGURED' } } });
    expect(await sim(t, '/calls/00710000deadbeef/hangup')).toMatchObject({ status: 404, body: { error: { code: 'INVALID_CONNECTION_ID' } } });
    const connectionId = await placeCall(t, '4155550123', '8000');
    expect(await sim(t, `/calls/${connectionId}/refuse`, { reason: 'bored' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_COMMAND' } } });
    expect(await sim(t, `/calls/${connectionId}/answer`)).toMatchObject({ status: 409, body: { error: { code: 'INVALID_CALL_STATE' } } });
    expect(await sim(t, '/phones/5001/hangup')).toMatchObject({ status: 409, body: { error: { code: 'INVALID_CALL_STATE' } } });
    expect(await postJson(`${t.url}/sim/calls`, 'not json')).toMatchObject({ status: 400 });
    expect(await http(`${t.url}/sim/nothing`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});
