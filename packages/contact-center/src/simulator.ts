import { CtiError } from '@ctikit/protocol';
import { systemClock } from '@ctikit/kernel';
import type { Clock } from '@ctikit/kernel';
import type { Target } from '@ctikit/protocol';
import { createAgent } from './agent-state.ts';
import { DEFAULT_SIMULATOR_CONFIG } from './config.ts';
import type { SimulatorConfig } from './config.ts';
import type { PlaceCallInput, RefuseReason, SimAgentView, SimCallView, SimulatorControl } from './control.ts';
import * as customer from './customer-side.ts';
import type {
  AgentEntry,
  CallLegSnapshot,
  ContactCenterPort,
  DnSnapshot,
  PortEventListener,
  QueueStatus,
  ReasonCode,
  RequestOutcome,
  TServerRequest,
} from './port.ts';
import { campaignUserData, OutboundCampaigns, recordUserData } from './outbound/campaigns.ts';
import { announceCampaignsOnLogin, startProgressiveDialer } from './outbound/progressive-dialer.ts';
import { handleRequest } from './requests.ts';
import { createQueue, settleRouting } from './routing.ts';
import { directoryTargets, dnLeg, dnSnapshot, listAgents, listCalls, queueStatus } from './views.ts';
import { World } from './world.ts';

/**
 * The embedded contact center: a deterministic model of a Genesys T-Server voice switch with agents,
 * DNs, ACD queues and calls. Pure: no I/O, and time only from the injected clock.
 *
 * Requests settle synchronously; their events are delivered before the returned promise settles.
 */
export interface ContactCenterSimulator extends ContactCenterPort, SimulatorControl {
  queueStatus(dn: string): QueueStatus[];
  /** The outbound campaigns of the simulator file; their notifications reach the agent's DN as EventUserEvent. */
  readonly outbound: OutboundCampaigns;
}

export function createSimulator(config: SimulatorConfig = DEFAULT_SIMULATOR_CONFIG, clock: Clock = systemClock): ContactCenterSimulator {
  return new Simulator(config, clock);
}

class Simulator implements ContactCenterSimulator {
  private readonly world: World;
  readonly outbound: OutboundCampaigns;

  constructor(config: SimulatorConfig, clock: Clock) {
    this.world = new World(config, clock, settleRouting);
    this.outbound = new OutboundCampaigns(config.campaigns, clock);
    config.agents.forEach((entry, order) => this.world.agents.set(entry.dn, createAgent(entry, order, clock.now())));
    for (const queue of config.queues) {
      const agents = [...this.world.agents.values()].filter((agent) => agent.queues.includes(queue.dn));
      this.world.queues.set(queue.dn, createQueue(queue.dn, queue.name, agents));
    }
    this.outbound.subscribe((event) => {
      const { agentId } = event;
      const agent = config.agents.find((entry) => entry.agentId === agentId);
      if (!agent) return;
      const attributes = event.kind === 'record' ? recordUserData(event.record) : campaignUserData(event.campaign);
      const userData = { ...attributes, GSW_USER_EVENT: event.notification };
      this.world.run(() => this.world.dispatcher.emit({ eventName: 'EventUserEvent', thisDN: agent.dn, agentId, userData }));
    });
    if (config.campaigns.length > 0) announceCampaignsOnLogin(this, this.outbound);
    if (config.campaigns.some((campaign) => campaign.mode === 'progressive')) startProgressiveDialer(this, this.outbound);
  }

  agents(): AgentEntry[] {
    return this.world.config.agents.map(({ agentId, dn, name }) => ({ agentId, dn, name }));
  }

  reasonCodes(): ReasonCode[] {
    return this.world.config.reasonCodes.map(({ code, label }) => ({ code, label }));
  }

  targets(): Promise<Target[]> {
    return Promise.resolve(directoryTargets(this.world));
  }

  request(request: TServerRequest): Promise<RequestOutcome> {
    try {
      const origin = { thisDN: request.thisDN, referenceId: request.referenceId };
      return Promise.resolve(this.world.run(() => handleRequest(this.world, request), origin));
    } catch (error) {
      return Promise.reject(asCtiError(error));
    }
  }

  subscribe(dn: string, listener: PortEventListener): () => void {
    return this.world.dispatcher.subscribe(dn, listener);
  }

  subscribeAll(listener: PortEventListener): () => void {
    return this.world.dispatcher.subscribeAll(listener);
  }

  snapshot(dn: string): DnSnapshot {
    return dnSnapshot(this.world, dn);
  }

  queueStatus(dn: string): QueueStatus[] {
    return queueStatus(this.world, dn);
  }

  leg(dn: string, connectionId: string): CallLegSnapshot | undefined {
    return dnLeg(this.world, dn, connectionId);
  }

  close(): Promise<void> {
    this.world.close();
    return Promise.resolve();
  }

  placeCall(input: PlaceCallInput): { connectionId: string; callUuid: string } {
    return this.control(() => customer.placeCall(this.world, input));
  }

  customerHangup(connectionId: string): void {
    this.control(() => customer.customerHangup(this.world, connectionId));
  }

  customerAnswer(connectionId: string): void {
    this.control(() => customer.customerAnswer(this.world, connectionId));
  }

  customerRefuse(connectionId: string, reason: RefuseReason): void {
    this.control(() => customer.customerRefuse(this.world, connectionId, reason));
  }

  phoneAnswer(dn: string, connectionId?: string): void {
    this.control(() => customer.phoneAnswer(this.world, dn, connectionId));
  }

  phoneHangup(dn: string, connectionId?: string): void {
    this.control(() => customer.phoneHangup(this.world, dn, connectionId));
  }

  listAgents(): SimAgentView[] {
    return listAgents(this.world);
  }

  listCalls(): SimCallView[] {
    return listCalls(this.world);
  }

  private control<T>(change: () => T): T {
    try {
      return this.world.run(change);
    } catch (error) {
      throw asCtiError(error);
    }
  }
}

/** Refusals are CtiErrors already; anything else is a fault in the simulator, reported as INTERNAL_ERROR. */
function asCtiError(error: unknown): CtiError {
  if (error instanceof CtiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CtiError('INTERNAL_ERROR', `Simulator fault: ${message}`);
}
