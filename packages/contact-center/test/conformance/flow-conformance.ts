import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CtiError, isCallEvent } from '@ctikit/protocol';
import type { ErrorCode, TServerEventName } from '@ctikit/protocol';
import type { ContactCenterPort, PortEvent, PortEventOf, RequestOutcome } from '@ctikit/contact-center';
import { EventLog } from './event-log.ts';
import type { RequestBody } from './scenario.ts';

/**
 * The agent's flows, written once and run against every contact center ctikit reaches: the embedded
 * simulator, the Workspace API backend on ctikit's Workspace face, and the Workspace API backend on
 * Genesys' own agent-api-simulator (packages/bridge/vendor-test/genesys). Unlike the port conformance
 * suite, it needs nothing from the contact center but a customer who can call an agent's DN (and
 * answer the agent's call): the far end of a call is a colleague, another agent of the same contact
 * center, and each contact center keeps its own agents, numbers and reason codes. Assertions are on
 * what the agent's toolbar would see: the events each DN receives and the DN's snapshot.
 */
export interface FlowAgent {
  agentId: string;
  dn: string;
}

export interface FlowTarget {
  port: ContactCenterPort;
  /** The agent under test, and a colleague who plays the far end. */
  agent: FlowAgent;
  colleague: FlowAgent;
  /** A Not Ready reason code the contact center offers. */
  reasonCode: string;
  /** A customer's number: the caller of inbound calls, the destination of outbound ones. */
  customer: string;
  /** The customer calls the DN directly; resolves once the contact center has the call. */
  callIn(dn: string, from: string): Promise<void>;
  /** The customer answers the agent's call to them (a contact center that answers on its own does nothing). */
  customerAnswers(connectionId: string): Promise<void>;
  close(): Promise<void>;
}

export interface FlowContactCenter {
  name: string;
  /** A conference is joined, or refused with this catalog code (Genesys' simulator answers 501). */
  conference: 'supported' | ErrorCode;
  start(): Promise<FlowTarget>;
}

class Flow {
  readonly log: EventLog;
  private references = 0;

  constructor(readonly target: FlowTarget) {
    this.log = new EventLog(target.port, [target.agent.dn, target.colleague.dn]);
  }

  get a(): string {
    return this.target.agent.dn;
  }

  get b(): string {
    return this.target.colleague.dn;
  }

  request(dn: string, body: RequestBody): Promise<RequestOutcome> {
    return this.target.port.request({ ...body, thisDN: dn, referenceId: `flow-${++this.references}` } as never);
  }

  async refused(dn: string, body: RequestBody, code: ErrorCode): Promise<CtiError> {
    const error = await this.request(dn, body).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, `${body.request} from ${dn}`).toBeInstanceOf(CtiError);
    expect((error as CtiError).code).toBe(code);
    return error as CtiError;
  }

  /** The toolbar's initialize: register, log in when logged out; EventRegistered, EventAgentLogin and the agent's state. */
  async signIn(dn: string): Promise<PortEvent[]> {
    await this.request(dn, { request: 'RequestRegisterAddress' });
    const agentId = dn === this.a ? this.target.agent.agentId : this.target.colleague.agentId;
    if (this.target.port.snapshot(dn).agent.state === 'LoggedOut') await this.request(dn, { request: 'RequestAgentLogin', agentId });
    const events = await this.log.expectNext(dn, ['EventRegistered', 'EventAgentLogin']);
    const state = await this.log.skipTo(dn, (event) => event.eventName === 'EventAgentReady' || event.eventName === 'EventAgentNotReady');
    return [...events, state];
  }

  async ready(dn: string): Promise<void> {
    await this.signIn(dn);
    if (this.target.port.snapshot(dn).agent.state === 'Ready') return;
    await this.request(dn, { request: 'RequestAgentReady' });
    await this.log.next(dn, 'EventAgentReady');
  }

  /** A customer call ringing at the agent: its EventRinging. */
  async ringing(): Promise<PortEventOf<'EventRinging'>> {
    await this.target.callIn(this.a, this.target.customer);
    return this.log.skipTo(this.a, (event): event is PortEventOf<'EventRinging'> => event.eventName === 'EventRinging');
  }

  /** A customer call the agent answered: its ConnID. */
  async talking(): Promise<string> {
    const { connectionId } = await this.ringing();
    await this.request(this.a, { request: 'RequestAnswerCall', connectionId });
    await this.log.skipTo(this.a, (event) => event.eventName === 'EventEstablished' && event.connectionId === connectionId);
    return connectionId;
  }

  next<N extends TServerEventName>(dn: string, eventName: N, connectionId?: string): Promise<PortEventOf<N>> {
    return this.log.skipTo(
      dn,
      (event): event is PortEventOf<N> =>
        event.eventName === eventName && (connectionId === undefined || (isCallEvent(event) && event.connectionId === connectionId)),
    );
  }

  /** Wait, event by event on the DN, until the check holds (the test's timeout bounds it). */
  async until(dn: string, check: () => boolean): Promise<void> {
    while (!check()) await this.log.skipTo(dn, () => true);
  }

  legs(dn: string): string[] {
    return this.target.port.snapshot(dn).calls.map((call) => `${call.connectionId}:${call.state}`);
  }
}

export function describeFlows(contactCenter: FlowContactCenter): void {
  describe(`agent flows: ${contactCenter.name}`, () => {
    let flow: Flow | undefined;
    beforeEach(async () => {
      flow = new Flow(await contactCenter.start());
    });
    afterEach(async () => {
      flow?.log.close();
      await flow?.target.close();
      flow = undefined;
    });
    const current = (): Flow => {
      if (!flow) throw new Error('no flow: the test runs outside beforeEach');
      return flow;
    };

    it('initialize: EventRegistered, EventAgentLogin and the agent state; requests before it are NOT_INITIALIZED', async () => {
      const f = current();
      await f.refused(f.a, { request: 'RequestAgentReady' }, 'NOT_INITIALIZED');
      const [registered, login] = await f.signIn(f.a);
      expect(registered).toMatchObject({ thisDN: f.a });
      expect(login).toMatchObject({ thisDN: f.a, agentId: f.target.agent.agentId });
      expect(f.target.port.snapshot(f.a).agent).toMatchObject({ agentId: f.target.agent.agentId, dn: f.a, registered: true });
    });

    it('goes Ready, Not Ready with a reason code, and Ready again', async () => {
      const f = current();
      await f.ready(f.a);
      expect(f.target.port.snapshot(f.a).agent.state).toBe('Ready');
      await f.request(f.a, { request: 'RequestAgentNotReady', reasonCode: f.target.reasonCode });
      expect(await f.log.next(f.a, 'EventAgentNotReady')).toMatchObject({ reasons: { ReasonCode: f.target.reasonCode } });
      expect(f.target.port.snapshot(f.a).agent).toMatchObject({ state: 'NotReady', reasonCode: f.target.reasonCode });
      await f.request(f.a, { request: 'RequestAgentReady' });
      await f.log.next(f.a, 'EventAgentReady');
      expect(f.target.port.snapshot(f.a).agent.state).toBe('Ready');
    });

    it('an inbound call rings with the caller (ANI), is answered, and hung up by the agent', async () => {
      const f = current();
      await f.ready(f.a);
      const ringing = await f.ringing();
      const connectionId = ringing.connectionId as string;
      expect(ringing).toMatchObject({ thisDN: f.a, callType: 'Inbound', ANI: f.target.customer, otherDN: f.target.customer });
      expect(f.legs(f.a)).toEqual([`${connectionId}:Ringing`]);
      await f.request(f.a, { request: 'RequestAnswerCall', connectionId });
      expect(await f.next(f.a, 'EventEstablished', connectionId)).toMatchObject({ ANI: f.target.customer });
      expect(f.legs(f.a)).toEqual([`${connectionId}:Established`]);
      await f.request(f.a, { request: 'RequestReleaseCall', connectionId });
      expect(await f.next(f.a, 'EventReleased', connectionId)).toMatchObject({ callState: 'OK' });
      expect(f.legs(f.a)).toEqual([]);
    });

    it('holds and retrieves the call', async () => {
      const f = current();
      await f.ready(f.a);
      const connectionId = await f.talking();
      await f.request(f.a, { request: 'RequestHoldCall', connectionId });
      await f.next(f.a, 'EventHeld', connectionId);
      expect(f.legs(f.a)).toEqual([`${connectionId}:Held`]);
      await f.request(f.a, { request: 'RequestRetrieveCall', connectionId });
      await f.next(f.a, 'EventRetrieved', connectionId);
      expect(f.legs(f.a)).toEqual([`${connectionId}:Established`]);
    });

    it('sends DTMF digits (EventDTMFSent) and refuses what is not a digit (INVALID_ATTRIBUTE)', async () => {
      const f = current();
      await f.ready(f.a);
      const connectionId = await f.talking();
      await f.request(f.a, { request: 'RequestSendDTMF', connectionId, digits: '12#' });
      expect(await f.next(f.a, 'EventDTMFSent', connectionId)).toMatchObject({ digits: '12#' });
      await f.refused(f.a, { request: 'RequestSendDTMF', connectionId, digits: '12x' }, 'INVALID_ATTRIBUTE');
    });

    it('attaches, updates and deletes user data: EventAttachedDataChanged with the call data each time', async () => {
      const f = current();
      await f.ready(f.a);
      const connectionId = await f.talking();
      await f.request(f.a, { request: 'RequestAttachUserData', connectionId, userData: { CaseId: 'C-1001' } });
      expect((await f.next(f.a, 'EventAttachedDataChanged', connectionId)).userData).toMatchObject({ CaseId: 'C-1001' });
      await f.request(f.a, { request: 'RequestUpdateUserData', connectionId, userData: { CaseId: 'C-1002' } });
      expect((await f.next(f.a, 'EventAttachedDataChanged', connectionId)).userData).toMatchObject({ CaseId: 'C-1002' });
      await f.request(f.a, { request: 'RequestDeletePair', connectionId, key: 'CaseId' });
      expect((await f.next(f.a, 'EventAttachedDataChanged', connectionId)).userData).not.toHaveProperty('CaseId');
      expect(f.target.port.snapshot(f.a).calls[0]?.userData).not.toHaveProperty('CaseId');
    });

    it('makes a call to a colleague, who answers and hangs up: the far end ends the call', async () => {
      const f = current();
      await f.ready(f.a);
      await f.ready(f.b);
      const { connectionId } = await f.request(f.a, { request: 'RequestMakeCall', destination: f.b });
      expect(connectionId).toBeDefined();
      expect(await f.next(f.a, 'EventDialing', connectionId)).toMatchObject({ otherDN: f.b });
      const ringing = await f.next(f.b, 'EventRinging');
      expect(ringing).toMatchObject({ ANI: f.a });
      await f.request(f.b, { request: 'RequestAnswerCall', connectionId: ringing.connectionId as string });
      await f.next(f.a, 'EventEstablished', connectionId);
      await f.request(f.b, { request: 'RequestReleaseCall', connectionId: ringing.connectionId as string });
      await f.next(f.a, 'EventReleased', connectionId);
      expect(f.legs(f.a)).toEqual([]);
      expect(f.legs(f.b)).toEqual([]);
    });

    it('makes a call to a customer, who answers; the agent hangs up', async () => {
      const f = current();
      await f.ready(f.a);
      const { connectionId } = await f.request(f.a, { request: 'RequestMakeCall', destination: f.target.customer });
      expect(await f.next(f.a, 'EventDialing', connectionId)).toMatchObject({ otherDN: f.target.customer });
      await f.target.customerAnswers(connectionId as string);
      await f.next(f.a, 'EventEstablished', connectionId);
      await f.request(f.a, { request: 'RequestReleaseCall', connectionId: connectionId as string });
      await f.next(f.a, 'EventReleased', connectionId);
      expect(f.legs(f.a)).toEqual([]);
    });

    it('transfers in two steps: consults the colleague, who answers, then completes (Transferred)', async () => {
      const f = current();
      await f.ready(f.a);
      await f.ready(f.b);
      const main = await f.talking();
      const { connectionId: consult } = await f.request(f.a, { request: 'RequestInitiateTransfer', connectionId: main, destination: f.b });
      expect(consult).toBeDefined();
      expect(consult).not.toBe(main);
      await f.next(f.a, 'EventHeld', main);
      const ringing = await f.next(f.b, 'EventRinging');
      await f.request(f.b, { request: 'RequestAnswerCall', connectionId: ringing.connectionId as string });
      await f.next(f.a, 'EventEstablished', consult);
      expect(f.legs(f.a).sort()).toEqual([`${consult}:Established`, `${main}:Held`].sort());
      await f.request(f.a, { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult as string });
      expect(await f.next(f.a, 'EventReleased', main)).toMatchObject({ callState: 'Transferred' });
      expect(f.legs(f.a)).toEqual([]);
      await f.until(f.b, () => f.legs(f.b).join() === `${main}:Established`);
    });

    it('transfers in one step: the agent is released (Transferred), the call rings at the colleague', async () => {
      const f = current();
      await f.ready(f.a);
      await f.ready(f.b);
      const connectionId = await f.talking();
      await f.request(f.a, { request: 'RequestSingleStepTransfer', connectionId, destination: f.b });
      expect(await f.next(f.a, 'EventReleased', connectionId)).toMatchObject({ callState: 'Transferred' });
      expect(f.legs(f.a)).toEqual([]);
      expect(await f.next(f.b, 'EventRinging', connectionId)).toMatchObject({ ANI: f.target.customer });
      await f.request(f.b, { request: 'RequestAnswerCall', connectionId });
      await f.next(f.b, 'EventEstablished', connectionId);
    });

    it('conference: joins the colleague, or is refused with the documented clear error', async () => {
      const f = current();
      await f.ready(f.a);
      await f.ready(f.b);
      const main = await f.talking();
      const initiate: RequestBody = { request: 'RequestInitiateConference', connectionId: main, destination: f.b };
      if (contactCenter.conference !== 'supported') {
        const error = await f.refused(f.a, initiate, contactCenter.conference);
        expect(error.message).toMatch(/conference/i);
        expect(f.legs(f.a)).toEqual([`${main}:Established`]);
        return;
      }
      const { connectionId: consult } = await f.request(f.a, initiate);
      const ringing = await f.next(f.b, 'EventRinging');
      await f.request(f.b, { request: 'RequestAnswerCall', connectionId: ringing.connectionId as string });
      await f.next(f.a, 'EventEstablished', consult);
      await f.request(f.a, { request: 'RequestCompleteConference', connectionId: main, consultConnectionId: consult as string });
      await f.until(f.a, () => f.legs(f.a).join() === `${main}:Established` && (f.target.port.snapshot(f.a).calls[0]?.parties ?? []).includes(f.b));
    });

    it('a toolbar reload mid-call: initialize again keeps the call, which the agent can still hold and hang up', async () => {
      const f = current();
      await f.ready(f.a);
      const connectionId = await f.talking();
      await f.request(f.a, { request: 'RequestRegisterAddress' });
      await f.next(f.a, 'EventRegistered');
      expect(f.legs(f.a)).toEqual([`${connectionId}:Established`]);
      await f.request(f.a, { request: 'RequestHoldCall', connectionId });
      await f.next(f.a, 'EventHeld', connectionId);
      await f.request(f.a, { request: 'RequestReleaseCall', connectionId });
      await f.next(f.a, 'EventReleased', connectionId);
      expect(f.legs(f.a)).toEqual([]);
    });

    it('logs out (EventAgentLogout) and unregisters (EventUnregistered)', async () => {
      const f = current();
      await f.ready(f.a);
      await f.request(f.a, { request: 'RequestAgentLogout' });
      await f.log.next(f.a, 'EventAgentLogout');
      expect(f.target.port.snapshot(f.a).agent).toMatchObject({ state: 'LoggedOut' });
      await f.request(f.a, { request: 'RequestUnregisterAddress' });
      await f.next(f.a, 'EventUnregistered');
      expect(f.target.port.snapshot(f.a).agent.registered).toBe(false);
      await f.refused(f.a, { request: 'RequestAgentReady' }, 'NOT_INITIALIZED');
    });
  });
}
