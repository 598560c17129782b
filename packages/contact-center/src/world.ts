import { CtiError } from '@ctikit/protocol';
import type { AgentEventName, AgentWireEvent, CallEventName, CallWireEvent } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import { legFields } from './leg-fields.ts';
import type { SimulatorConfig } from './config.ts';
import { EventDispatcher } from './dispatcher.ts';
import { CallIdGenerator } from './ids.ts';
import type { PortEvent } from './port.ts';
import type { Agent, Call, Party, Queue } from './model.ts';

/** The request being handled: its events to the requesting DN carry its referenceId. */
export interface RequestOrigin {
  thisDN: string;
  referenceId: string;
}

/** Attributes of an event of the family besides its name, DN and the call's own fields. */
export type AgentEventFields = Omit<PortEvent<AgentWireEvent>, 'eventName' | 'thisDN'>;
export type CallEventFields = Partial<Omit<PortEvent<CallWireEvent>, 'eventName' | 'thisDN'>>;

/**
 * The simulated switch's state and the plumbing every part shares: the clock, timers, ids and the
 * event dispatcher. Every change runs inside `run`, which settles routing once the change is complete
 * and then delivers the events it caused, in order.
 */
export class World {
  readonly agents = new Map<string, Agent>();
  readonly queues = new Map<string, Queue>();
  readonly calls = new Map<string, Call>();
  readonly reasonCodes: ReadonlySet<string>;
  readonly ids = new CallIdGenerator();
  readonly dispatcher = new EventDispatcher();
  /** Agents who may have become free for an ACD call during the current change. */
  readonly agentsToRoute = new Set<Agent>();
  /** Queues that received a call during the current change. */
  readonly queuesToRoute = new Set<Queue>();
  private readonly timers = new Set<TimerHandle>();
  private queueArrivals = 0;
  private origin: RequestOrigin | undefined;
  private depth = 0;
  private closed = false;

  constructor(
    readonly config: SimulatorConfig,
    readonly clock: Clock,
    private readonly settle: (world: World) => void,
  ) {
    this.reasonCodes = new Set(config.reasonCodes.map((reason) => reason.code));
  }

  run<T>(change: () => T, origin?: RequestOrigin): T {
    if (this.closed) throw new CtiError('BACKEND_UNAVAILABLE', 'The contact-center simulator is closed.');
    const outer = this.origin;
    this.origin = origin;
    this.depth++;
    try {
      const result = change();
      if (this.depth === 1) this.settle(this);
      return result;
    } finally {
      this.depth--;
      this.origin = outer;
      if (this.depth === 0) this.dispatcher.flush();
    }
  }

  /** A timer whose callback runs as a change of its own; `close` cancels it. */
  schedule(delayMs: number, callback: () => void): TimerHandle {
    const handle: TimerHandle = {
      cancel: () => {
        this.timers.delete(handle);
        timer.cancel();
      },
    };
    const timer = this.clock.setTimer(delayMs, () => {
      this.timers.delete(handle);
      this.run(callback);
    });
    this.timers.add(handle);
    return handle;
  }

  nextQueueArrival(): number {
    return ++this.queueArrivals;
  }

  now(): number {
    return this.clock.now();
  }

  emitAgent(agent: Agent, eventName: AgentEventName, fields: AgentEventFields = {}): void {
    this.dispatcher.emit({ eventName, ...this.addressing(agent.dn), ...fields });
  }

  /** A call event to one party; `parties` is the call as that party last knew it, when it has just changed. */
  emitCall(call: Call, party: Party, eventName: CallEventName, fields: CallEventFields = {}, parties: readonly Party[] = call.parties): void {
    this.dispatcher.emit({ eventName, ...this.addressing(party.dn), ...legFields(call, party, parties), ...fields });
  }

  close(): void {
    this.closed = true;
    for (const timer of [...this.timers]) timer.cancel();
    this.dispatcher.clear();
  }

  private addressing(dn: string): { thisDN: string; agentId?: string; referenceId?: string } {
    const agent = this.agents.get(dn);
    return {
      thisDN: dn,
      ...(agent && agent.state !== 'LoggedOut' ? { agentId: agent.agentId } : {}),
      ...(this.origin && this.origin.thisDN === dn ? { referenceId: this.origin.referenceId } : {}),
    };
  }
}
