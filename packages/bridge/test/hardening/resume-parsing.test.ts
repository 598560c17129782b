import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, command, readyAgent, refusedUpgrade, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';

/** `resumeFrom` is a canonical non-negative integer or nothing: a loose value never replays the buffer. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

describe('resumeFrom', () => {
  it('refuses an empty, signed, hex, exponent, fractional, padded or leading-zero value with 400 INVALID_COMMAND', async () => {
    t = await startBridge();
    const alex = await readyAgent(t, 'agent1');
    const { sessionId } = alex.opened;
    for (const value of ['', ' 1', '1 ', '+1', '-0', '0x3', '1e2', '1.0', '01', '00', 'Infinity', '99999999999999999']) {
      const answer = await refusedUpgrade(`${t.wsUrl}/genesysWs?agentId=agent1&sessionId=${sessionId}&resumeFrom=${encodeURIComponent(value)}`);
      expect(answer, JSON.stringify(value)).toMatchObject({
        status: 400,
        body: { ok: false, error: { code: 'INVALID_COMMAND', message: expect.stringContaining('resumeFrom') } },
      });
    }
    await command(t, 'agent1', { type: 'NotReady' });
    await alex.next('EventAgentNotReady');
    expect(alex.ws.readyState).toBe(alex.ws.OPEN);
  });

  it('accepts 0 and a canonical seq, and replays exactly what came after it', async () => {
    t = await startBridge();
    const alex = await readyAgent(t, 'agent1');
    const { sessionId } = alex.opened;
    const sequenced = alex.sequenced();
    const last = sequenced[sequenced.length - 1]?.seq as number;
    const resumed = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: String(last - 1) });
    expect(resumed.sequenced().map((frame) => frame.seq)).toEqual([last]);
    const fromZero = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '0' });
    expect(fromZero.sequenced().map((frame) => frame.seq)).toEqual(sequenced.map((frame) => frame.seq));
    await Promise.all([alex.close(), resumed.close(), fromZero.close()]);
  });
});
