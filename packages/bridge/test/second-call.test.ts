import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, http, readyAgent, ringing, startBridge, talking } from './harness.ts';
import type { TestBridge } from './harness.ts';

/**
 * A DN holds a second call beside the first, as on a T-Server: while the agent's call is on hold,
 * a call to the DN rings there; the agent answers it, and goes back and forth between the two.
 * Over real HTTP and WebSocket to the bridge on its embedded simulator.
 */
let t: TestBridge;

beforeEach(async () => {
  t = await startBridge();
});

afterEach(async () => {
  await t.close();
});

describe('a second call beside a held one', () => {
  it('rings on the DN while the first call is held, and the agent answers it and alternates between them', async () => {
    const socket = await readyAgent(t, 'agent1');
    const first = await talking(t, socket, 'agent1', '4155550123');
    const firstId = first['connectionId'] as string;

    // While the agent talks, the DN is busy for a direct call.
    const busy = await http(`${t.url}/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '4155550199', to: '5001' }),
    });
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ error: { code: 'TERMINATING_PARTY_BUSY' } });

    expect((await command(t, 'agent1', { type: 'Hold', connectionId: firstId })).status).toBe(200);
    await socket.next('EventHeld');
    const second = await ringing(t, socket, '4155550199', '5001');
    const secondId = second['connectionId'] as string;
    expect(secondId).not.toBe(firstId);
    expect(second).toMatchObject({ ANI: '4155550199', thisDN: '5001' });

    expect((await command(t, 'agent1', { type: 'Accept', connectionId: secondId })).status).toBe(200);
    expect(await socket.next('EventEstablished')).toMatchObject({ connectionId: secondId });
    const legs = t.bridge.backend.snapshot('5001').calls.map(({ connectionId, state }) => ({ connectionId, state }));
    expect(legs).toEqual(
      expect.arrayContaining([
        { connectionId: firstId, state: 'Held' },
        { connectionId: secondId, state: 'Established' },
      ]),
    );

    // Retrieving the first while the second is up is refused; hold the second, retrieve the first.
    const refused = await command(t, 'agent1', { type: 'Retrieve', connectionId: firstId });
    expect(refused.body).toMatchObject({ error: { code: 'INVALID_CALL_STATE' } });
    expect((await command(t, 'agent1', { type: 'Hold', connectionId: secondId })).status).toBe(200);
    expect(await socket.next('EventHeld')).toMatchObject({ connectionId: secondId });
    expect((await command(t, 'agent1', { type: 'Retrieve', connectionId: firstId })).status).toBe(200);
    expect(await socket.next('EventRetrieved')).toMatchObject({ connectionId: firstId });
    await socket.close();
  });
});
