import { expect } from 'vitest';
import { CtiError } from '@ctikit/protocol';
import type { ErrorCode } from '@ctikit/protocol';
import type { ContactCenterPort, PortEvent, PortEventOf, RequestOutcome, SimulatorConfigInput, SimulatorControl, TServerRequest } from '@ctikit/contact-center';
import { EventLog } from './event-log.ts';

/**
 * What the conformance suite runs against: a contact-center port, and the control side of the
 * simulator behind it (the customer's phone), however far away the port is.
 */
export interface ConformanceTarget {
  port: ContactCenterPort;
  control: SimulatorControl;
  close(): Promise<void>;
}

export interface ConformanceBackend {
  name: string;
  /** Whether the backend reports how an outbound call failed (EventDestinationBusy, callState Busy / NoAnswer). */
  reportsReleaseCauses: boolean;
  /** Whether the directory gives a logged-out agent's state (the Workspace API lists no channel for an agent not logged in). */
  reportsLoggedOutAgents: boolean;
  start(config: SimulatorConfigInput): Promise<ConformanceTarget>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<TServerRequest, 'thisDN' | 'referenceId'>;

/** Four agents on two queues; rings never time out; two not-ready reasons. */
export const CONFORMANCE_CONFIG: SimulatorConfigInput = {
  agents: [
    { agentId: 'agent1', name: 'Alex Morgan', dn: '5001', queues: ['8000'] },
    { agentId: 'agent2', name: 'Kenji Sato', dn: '5002', queues: ['8000'] },
    { agentId: 'agent3', name: 'Maria Lopez', dn: '5003', queues: ['8001'] },
    { agentId: 'agent4', name: 'Sam Lee', dn: '5004', queues: [] },
  ],
  queues: [
    { dn: '8000', name: 'Support' },
    { dn: '8001', name: 'Sales' },
  ],
  reasonCodes: [
    { code: 'Break', label: 'Break' },
    { code: 'Lunch', label: 'Lunch' },
  ],
  ringTimeoutSec: 0,
};

export const DNS = ['5001', '5002', '5003', '5004'] as const;
export const CUSTOMER = '4155550123';

/** One test's world: the target, an event log of every agent DN, and the steps tests are made of. */
export class Scenario {
  readonly log: EventLog;
  private references = 0;

  constructor(readonly target: ConformanceTarget) {
    this.log = new EventLog(target.port, DNS);
  }

  get port(): ContactCenterPort {
    return this.target.port;
  }

  get control(): SimulatorControl {
    return this.target.control;
  }

  agentOf(dn: string): string {
    const agent = this.port.agents().find((entry) => entry.dn === dn);
    if (!agent) throw new Error(`no agent on DN ${dn}`);
    return agent.agentId;
  }

  request(dn: string, body: RequestBody): Promise<RequestOutcome> {
    return this.port.request({ ...body, thisDN: dn, referenceId: `conformance-${++this.references}` } as TServerRequest);
  }

  async refused(dn: string, body: RequestBody, code: ErrorCode): Promise<void> {
    const error = await this.request(dn, body).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, `${body.request} from ${dn}`).toBeInstanceOf(CtiError);
    expect((error as CtiError).code).toBe(code);
  }

  /** Register and log in (when registering did not): EventRegistered, EventAgentLogin, EventAgentNotReady. */
  async signIn(dn: string): Promise<PortEvent[]> {
    await this.request(dn, { request: 'RequestRegisterAddress' });
    if (this.port.snapshot(dn).agent.state === 'LoggedOut') await this.request(dn, { request: 'RequestAgentLogin', agentId: this.agentOf(dn) });
    return this.log.expectNext(dn, ['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady']);
  }

  async ready(dn: string): Promise<void> {
    await this.signIn(dn);
    await this.request(dn, { request: 'RequestAgentReady' });
    await this.log.next(dn, 'EventAgentReady');
  }

  /** A customer call to `to` that rings at `dn`; its EventRinging. */
  async ringing(dn: string, to = '8000', from = CUSTOMER): Promise<PortEventOf<'EventRinging'>> {
    const { connectionId } = this.control.placeCall({ from, to });
    const ringing = await this.log.next(dn, 'EventRinging');
    expect(ringing.connectionId).toBe(connectionId);
    return ringing;
  }

  /** A customer call answered at `dn`; its ConnID. */
  async talking(dn: string, to = '8000', from = CUSTOMER): Promise<string> {
    const { connectionId } = await this.ringing(dn, to, from);
    await this.request(dn, { request: 'RequestAnswerCall', connectionId: connectionId as string });
    await this.log.next(dn, 'EventEstablished');
    return connectionId as string;
  }

  /** The DN's legs now, as `connectionId:state`. */
  legs(dn: string): string[] {
    return this.port.snapshot(dn).calls.map((call) => `${call.connectionId}:${call.state}`);
  }
}
