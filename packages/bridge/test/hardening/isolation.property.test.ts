import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimCallView } from '@ctikit/contact-center';
import { command, http, placeCall, readyAgent, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { commandText } from './wire-arbitraries.ts';

/**
 * Isolation under random traffic (issue 14, item 10): several agents send random command
 * sequences — other agents' ConnIDs, malformed fields, hostile user-data keys — and no command ever
 * changes, or ends, a call the sending agent was not a party to when it sent it.
 */

const AGENTS = [
  { agentId: 'agent1', dn: '5001' },
  { agentId: 'agent2', dn: '5002' },
  { agentId: 'agent3', dn: '5003' },
  { agentId: 'agent4', dn: '5004' },
];
const DNS = ['5001', '5002', '5003', '5004', '8000', '8001', '4155550199', '+14155550123'];

let t: TestBridge | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Step = { kind: 'command'; agent: number; body: string } | { kind: 'call'; to: string };

/** Placeholder ConnIDs in generated bodies, replaced by the ConnID of a live call at run time. */
const CALL_SLOT = /"@(call|own)(\d)"/g;

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      agent: fc.nat({ max: AGENTS.length - 1 }),
      body: commandText({
        connectionId: fc.constantFrom('@call0', '@call1', '@call2', '@call3', '@own0', '@own1', '@own0', '@own1'),
        dn: fc.constantFrom(...DNS),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('call' as const), to: fc.constantFrom('8000', '8001', '5001', '5002', '5003', '5004') }) },
);

/** `@callN`: any live call (often another agent's); `@ownN`: one of the sender's own. */
function withConnIds(body: string, calls: readonly SimCallView[], dn: string): string {
  const own = calls.filter((call) => call.parties.some((party) => party.dn === dn));
  return body.replace(CALL_SLOT, (_slot, kind: string, index: string) => {
    const pool = kind === 'own' && own.length ? own : calls;
    return JSON.stringify(pool.length ? (pool[Number(index) % pool.length] as SimCallView).connectionId : 'no-call');
  });
}

/** A call's state as the simulator holds it, for comparison. */
function stateOf(call: SimCallView): string {
  return JSON.stringify({ parties: call.parties, userData: call.userData, recordingState: call.recordingState, callType: call.callType });
}

/**
 * The one way a command may touch a call its sender is not on: the sender became free, and the
 * queue routed its waiting call to the sender (the queue's place taken by the sender, ringing).
 */
function routedTo(before: SimCallView, dn: string): string {
  const parties = before.parties.filter((party) => party.kind !== 'queue');
  return stateOf({ ...before, parties: [...parties, { dn, kind: 'agent', state: 'Ringing' }] });
}

describe('the two commands the fuzz run flagged', () => {
  it("a Hangup with a malformed consultConnectionId, and an UpdateUserData with constructor/toString keys, on another agent's call: 404, the call unchanged", async () => {
    t = await startBridge();
    const bridge = t;
    await Promise.all(AGENTS.slice(0, 2).map(({ agentId }) => readyAgent(bridge, agentId)));
    const connectionId = await placeCall(bridge, '4155550123', '5001');
    const before = stateOf(bridge.sim.listCalls()[0] as SimCallView);
    const headers = { 'content-type': 'application/json', 'x-agent-id': 'agent2' };
    const bodies = [
      `{"type":"Hangup","connectionId":${JSON.stringify(connectionId)},"consultConnectionId":{"$ne":null}}`,
      `{"type":"UpdateUserData","connectionId":${JSON.stringify(connectionId)},"userData":{"constructor":"x","toString":"y"}}`,
    ];
    for (const body of bodies) {
      const result = await http(`${bridge.url}/genesys/events`, { method: 'POST', headers, body });
      expect(result, body).toMatchObject({ status: 404, body: { error: { code: 'INVALID_CONNECTION_ID' } } });
    }
    expect(stateOf(bridge.sim.listCalls()[0] as SimCallView)).toBe(before);
    const own = await http(`${bridge.url}/genesys/events`, { method: 'POST', headers: { ...headers, 'x-agent-id': 'agent1' }, body: bodies[1] });
    expect(own.status).toBe(200);
    expect(bridge.sim.listCalls()[0]?.userData).toEqual({ constructor: 'x', toString: 'y' });
  });
});

describe('isolation under random command sequences', () => {
  it('no command changes or ends a call its sender is not a party to', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        await t?.close();
        t = await startBridge();
        const bridge = t;
        const sockets = await Promise.all(AGENTS.map(({ agentId }) => readyAgent(bridge, agentId)));
        await placeCall(bridge, '4155550123', '5001');
        await placeCall(bridge, '4155550124', '8000');
        for (const current of steps) {
          if (current.kind === 'call') {
            await http(`${bridge.url}/sim/calls`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ from: '4155550125', to: current.to }),
            });
            continue;
          }
          const sender = AGENTS[current.agent] as (typeof AGENTS)[number];
          const before = bridge.sim.listCalls();
          const body = withConnIds(current.body, before, sender.dn);
          const result = await http(`${bridge.url}/genesys/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-agent-id': sender.agentId },
            body,
          });
          expect(result.status, body).toBeLessThan(500);
          const after = new Map(bridge.sim.listCalls().map((call) => [call.connectionId, call]));
          for (const call of before) {
            if (call.parties.some((party) => party.dn === sender.dn)) continue;
            const now = after.get(call.connectionId);
            const allowed = call.parties.some((party) => party.kind === 'queue') ? [stateOf(call), routedTo(call, sender.dn)] : [stateOf(call)];
            expect(allowed, `${sender.agentId} sent ${body} and changed ${call.connectionId}, not its call`).toContain(now && stateOf(now));
          }
        }
        await Promise.all(sockets.map((socket) => socket.close()));
        expect((await command(bridge, 'agent1', { type: 'NotReady' })).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
