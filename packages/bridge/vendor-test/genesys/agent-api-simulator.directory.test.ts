import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { http, postJson } from '../../test/harness.ts';
import { CUSTOMER, JOHN, THOMAS, startKitTarget } from './kit-target.ts';
import type { KitTarget } from './kit-target.ts';

/**
 * `GET /genesys/targets` through a bridge whose Workspace API backend is Genesys' own
 * agent-api-simulator (the kit in $CTIKIT_KITS): the directory is what the simulator's targets
 * search answers (its `data/agents.yaml` and `data/route-points.yaml`), mapped onto the protocol.
 */

let kit: KitTarget;
let bridge: Bridge;

beforeAll(async () => {
  kit = await startKitTarget();
  bridge = createBridge({ port: 0, logLevel: 'silent', staticDirs: [], backend: kit.port, simulatorControl: false });
  await bridge.listen();
});

afterAll(async () => {
  await bridge.close();
  await kit.close();
});

async function command(agentId: string, body: object): Promise<void> {
  const answer = await postJson(`${bridge.url}/genesys/events`, body, { 'x-agent-id': agentId });
  expect(answer, `${agentId} ${JSON.stringify(body)}`).toMatchObject({ status: 200, body: { ok: true } });
}

describe("the directory on Genesys' agent-api-simulator", () => {
  it('lists the signed-in agents with their voice state (on a call: Busy), then the route points', async () => {
    await command(JOHN.agentId, { type: 'initialize' });
    await command(THOMAS.agentId, { type: 'initialize', ready: false });
    await command(THOMAS.agentId, { type: 'NotReady', reasonCode: 'Break' });
    await kit.callIn(JOHN.agentId, CUSTOMER);
    await expect.poll(() => kit.port.snapshot(JOHN.dn).calls.map((call) => call.state)).toEqual(['Ringing']);
    // The simulator marks the agent busy (activity HandlingInboundCall) once the call is answered.
    await command(JOHN.agentId, { type: 'Accept', connectionId: kit.port.snapshot(JOHN.dn).calls[0]?.connectionId });

    const answer = await http(`${bridge.url}/genesys/targets`, { headers: { 'x-agent-id': THOMAS.agentId } });
    expect(answer.status).toBe(200);
    // The simulator's other agents are not signed in (no voice channel, so no DN) and not the bridge's: left out.
    expect(answer.body).toEqual({
      ok: true,
      targets: [
        { name: 'John Smith', type: 'agent', dn: JOHN.dn, agentId: JOHN.agentId, state: 'Busy' },
        { name: 'Thomas Watson', type: 'agent', dn: THOMAS.dn, agentId: THOMAS.agentId, state: 'NotReady' },
        { name: '+33298020000', type: 'queue', dn: '+33298020000' },
        { name: 'TO SIP Group', type: 'queue', dn: '+332980255555' },
      ],
    });
  });
});
