import { CtiError, isCallEvent, type CallWireEvent } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import type { ErrorCode } from '@ctikit/protocol';
import { expect } from 'vitest';
import { DEFAULT_SIMULATOR_CONFIG, createSimulator, parseSimulatorConfig } from '../src/index.ts';
import type { ContactCenterSimulator, PortEvent, SimulatorConfigInput, TServerRequest } from '../src/index.ts';

/** Distributes `Omit` over a union, so each request keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<TServerRequest, 'thisDN' | 'referenceId'>;

/**
 * A simulator on a ManualClock with every event recorded, per DN, in delivery order. `take(dn)` returns
 * the DN's events since the last take, so each step of a test asserts exactly what that step caused.
 */
export class Harness {
  readonly clock = new ManualClock();
  readonly sim: ContactCenterSimulator;
  private readonly seen = new Map<string, PortEvent[]>();
  private references = 0;

  constructor(config: SimulatorConfigInput | undefined = undefined) {
    this.sim = createSimulator(config ? parseSimulatorConfig(config) : DEFAULT_SIMULATOR_CONFIG, this.clock);
    this.sim.subscribeAll((event) => {
      const list = this.seen.get(event.thisDN) ?? [];
      list.push(event);
      this.seen.set(event.thisDN, list);
    });
  }

  /** Send a request from `dn`; resolves with its outcome. The referenceId is `ref-<n>`. */
  async request(dn: string, body: RequestBody): Promise<{ connectionId?: string; referenceId: string }> {
    const referenceId = `ref-${++this.references}`;
    const outcome = await this.sim.request({ ...body, thisDN: dn, referenceId } as TServerRequest);
    return { ...outcome, referenceId };
  }

  /** Expect the request to be refused with `code`. */
  async refused(dn: string, body: RequestBody, code: ErrorCode): Promise<CtiError> {
    const error = await this.request(dn, body).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CtiError);
    expect((error as CtiError).code).toBe(code);
    return error as CtiError;
  }

  /** The DN's events since the last take. */
  take(dn: string): PortEvent[] {
    const list = this.seen.get(dn) ?? [];
    this.seen.set(dn, []);
    return list;
  }

  /** The DN's events since the last take, each of them about a call leg. */
  takeCalls(dn: string): Array<PortEvent<CallWireEvent>> {
    const events = this.take(dn);
    const calls = events.filter(isCallEvent);
    expect(calls, `call events on DN ${dn}`).toEqual(events);
    return calls;
  }

  names(dn: string): string[] {
    return this.take(dn).map((event) => event.eventName);
  }

  /** Register, log in and make Ready; the events are taken. */
  async ready(dn: string, agentId = agentOf(dn)): Promise<void> {
    await this.request(dn, { request: 'RequestRegisterAddress' });
    await this.request(dn, { request: 'RequestAgentLogin', agentId });
    await this.request(dn, { request: 'RequestAgentReady' });
    this.take(dn);
  }

  /** Register and log in, NotReady; the events are taken. */
  async loggedIn(dn: string, agentId = agentOf(dn)): Promise<void> {
    await this.request(dn, { request: 'RequestRegisterAddress' });
    await this.request(dn, { request: 'RequestAgentLogin', agentId });
    this.take(dn);
  }

  /** A call from `from` to `to`, its ConnID. */
  call(to = '8000', from = '+14155550100', userData?: Record<string, string | number>): string {
    return this.sim.placeCall({ from, to, ...(userData ? { userData } : {}) }).connectionId;
  }

  /** An inbound call answered by `dn` (which must be the one it rings); the events are taken. */
  async answered(dn: string, to = '8000', from = '+14155550100'): Promise<string> {
    const connectionId = this.call(to, from);
    await this.request(dn, { request: 'RequestAnswerCall', connectionId });
    this.take(dn);
    this.take(from);
    return connectionId;
  }

  /** Expect a control call to throw a CtiError with `code`. */
  controlRefused(action: () => void, code: ErrorCode): void {
    let error: unknown;
    try {
      action();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CtiError);
    expect((error as CtiError).code).toBe(code);
  }
}

/** The default configuration's agent for a DN: 5001 → agent1. */
export function agentOf(dn: string): string {
  const agent = DEFAULT_SIMULATOR_CONFIG.agents.find((entry) => entry.dn === dn);
  if (!agent) throw new Error(`no agent on ${dn}`);
  return agent.agentId;
}

export const CUSTOMER = '+14155550100';
