import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { z } from 'zod';
import {
  AGENT_ID_HEADER,
  REST_PATH,
  agentSnapshotSchema,
  callTypes,
  outboundRecordSchema,
  recordingStates,
  userDataSchema,
  type OutboundRecord,
} from '@ctikit/protocol';

/**
 * The world outside the agent desktop, for arranging a scenario quickly: the simulator control API
 * (`/sim/*`, docs/simulator-control.md) and, for putting agents back in a known state, the bridge's
 * command endpoint on their behalf (dev mode: `X-Agent-Id`). What a scenario is about is driven
 * through the pages; this is for setting the stage and clearing it.
 */

const partySchema = z.object({
  dn: z.string(),
  kind: z.enum(['agent', 'queue', 'external']),
  state: z.enum(['Ringing', 'Dialing', 'Established', 'Held', 'Queued']),
});
const callSchema = z.object({
  connectionId: z.string(),
  callUuid: z.string(),
  callType: z.enum(callTypes),
  ANI: z.string(),
  DNIS: z.string(),
  parties: z.array(partySchema),
  userData: userDataSchema,
  recordingState: z.enum(recordingStates),
  startedAt: z.number(),
});
const agentSchema = z.object({ ...agentSnapshotSchema.shape, name: z.string(), queues: z.array(z.string()), calls: z.array(z.string()) });

export type SimCall = z.infer<typeof callSchema>;
export type SimAgent = z.infer<typeof agentSchema>;

const placedSchema = z.object({ connectionId: z.string(), callUuid: z.string() });
const callsSchema = z.object({ calls: z.array(callSchema) });
const agentsSchema = z.object({ agents: z.array(agentSchema) });
const recordsSchema = z.object({ records: z.array(outboundRecordSchema) });

async function parsed<T>(response: APIResponse, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${text}`);
  return schema.parse(JSON.parse(text));
}

export class SimControl {
  constructor(
    private readonly request: APIRequestContext,
    private readonly bridgeUrl: string,
  ) {}

  /** A customer calls a queue or an agent's DN, with what the IVR attached; resolves with the call's ConnID. */
  async placeCall(from: string, to: string, userData?: Record<string, string>): Promise<string> {
    const response = await this.request.post(`${this.bridgeUrl}/sim/calls`, { data: { from, to, ...(userData ? { userData } : {}) } });
    return (await parsed(response, placedSchema, `call from ${from} to ${to}`)).connectionId;
  }

  async calls(): Promise<SimCall[]> {
    return (await parsed(await this.request.get(`${this.bridgeUrl}/sim/calls`), callsSchema, 'list calls')).calls;
  }

  async agents(): Promise<SimAgent[]> {
    return (await parsed(await this.request.get(`${this.bridgeUrl}/sim/agents`), agentsSchema, 'list agents')).agents;
  }

  /** Every record of the simulator's outbound campaigns, as the campaigns keep it. */
  async outboundRecords(): Promise<OutboundRecord[]> {
    return (await parsed(await this.request.get(`${this.bridgeUrl}/sim/outbound/records`), recordsSchema, 'list outbound records')).records;
  }

  async agent(agentId: string): Promise<SimAgent> {
    const agent = (await this.agents()).find((a) => a.agentId === agentId);
    if (!agent) throw new Error(`agent ${agentId} is not configured`);
    return agent;
  }

  /** The simulator's call the given DN is on (there is exactly one in these scenarios). */
  async callOf(dn: string): Promise<SimCall> {
    const calls = (await this.calls()).filter((call) => call.parties.some((party) => party.dn === dn));
    if (calls.length !== 1) throw new Error(`expected one call on ${dn}, found ${calls.length}`);
    return calls[0] as SimCall;
  }

  /** The agent's softphone on `dn` answers the call ringing there. */
  async answerPhone(dn: string): Promise<void> {
    const response = await this.request.post(`${this.bridgeUrl}/sim/phones/${dn}/answer`);
    if (!response.ok()) throw new Error(`answer on ${dn}: ${response.status()} ${await response.text()}`);
  }

  /** A command sent as that agent's toolbar would send it (dev mode names the agent by header). */
  private async agentCommand(agentId: string, command: Record<string, unknown>): Promise<void> {
    const response = await this.request.post(`${this.bridgeUrl}${REST_PATH}`, { data: command, headers: { [AGENT_ID_HEADER]: agentId } });
    if (!response.ok()) throw new Error(`${String(command.type)} for ${agentId}: ${response.status()} ${await response.text()}`);
  }

  /** A supervisor makes the agent Ready (as the bridge's command on their behalf): ends their after-call work. */
  async makeReady(agentId: string): Promise<void> {
    await this.agentCommand(agentId, { type: 'Ready' });
  }

  /**
   * An empty contact center: every call released (the customer hangs up, or an agent's phone for a
   * call between agents) and every agent logged out. The suite runs on one worker, so this clears
   * only what earlier tests, or an earlier run, left behind.
   */
  async reset(): Promise<void> {
    await expect(async () => {
      for (const call of await this.calls()) await this.release(call);
      expect(await this.calls()).toEqual([]);
    }).toPass({ timeout: 10_000 });
    for (const agent of await this.agents()) {
      if (agent.state !== 'LoggedOut') await this.agentCommand(agent.agentId, { type: 'Logout' });
    }
    await expect.poll(async () => (await this.agents()).filter((a) => a.state !== 'LoggedOut').map((a) => a.agentId)).toEqual([]);
  }

  private async release(call: SimCall): Promise<void> {
    const customer = call.parties.find((party) => party.kind === 'external');
    const agent = call.parties.find((party) => party.kind === 'agent');
    const path = customer ? `/sim/calls/${call.connectionId}/hangup` : agent ? `/sim/phones/${agent.dn}/hangup` : undefined;
    if (!path) return;
    // A call may have ended on its own since it was listed: that refusal is fine.
    await this.request.post(`${this.bridgeUrl}${path}`, customer ? {} : { data: { connectionId: call.connectionId } });
  }
}
