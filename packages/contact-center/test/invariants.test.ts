import { CtiError, TSERVER_EVENT_NAMES } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, parseSimulatorConfig } from '../src/index.ts';
import type { ContactCenterSimulator, PortEvent, TServerRequest, TServerRequestName } from '../src/index.ts';

/**
 * Random sequences of requests, customer actions, phone actions and clock ticks never break the
 * switch: only CtiErrors (never INTERNAL_ERROR) come out, every party of a live call is consistent
 * with the DNs' views, no DN has two ringing ACD calls or two active legs, no call waits in a queue
 * while an agent who may take it is idle, and a referenceId only ever reaches the DN that sent the
 * request.
 */
const config = parseSimulatorConfig({
  agents: [
    { agentId: 'a1', name: 'A1', dn: '5001', queues: ['8000', '8001'] },
    { agentId: 'a2', name: 'A2', dn: '5002', queues: ['8000'] },
    { agentId: 'a3', name: 'A3', dn: '5003', queues: ['8001'] },
  ],
  queues: [
    { dn: '8000', name: 'Q0' },
    { dn: '8001', name: 'Q1' },
  ],
  reasonCodes: [{ code: 'Break', label: 'Break' }],
  ringTimeoutSec: 12,
  outboundNoAnswerSec: 7,
  afterCallWork: { enabled: true, timeoutSec: 3 },
});

const DNS = ['5001', '5002', '5003'];
/** Events of the protocol the simulator has no cause to send (no link to lose, errors are rejections). */
/** EventUserEvent comes from outbound campaigns only, which the random driver has none of (test/outbound). */
const NEVER_EMITTED: readonly string[] = ['EventNetworkReached', 'EventError', 'EventLinkDisconnected', 'EventLinkConnected', 'EventUserEvent'];
const DESTINATIONS = ['5001', '5002', '5003', '8000', '8001', '+15550001', '+15550002', 'bogus', '99'];
const CALLERS = ['+14155550100', '+14155550101', '+14155550102', '+14155550103', '+14155550104', '5001', 'x'];
const CALLED = ['8000', '8001', '8000', '8001', '5001', '5002', '5003', '7777'];
const AGENT_IDS = ['a1', 'a2', 'a3'];

const AGENT_REQUESTS: TServerRequestName[] = [
  'RequestRegisterAddress',
  'RequestUnregisterAddress',
  'RequestAgentLogin',
  'RequestAgentLogout',
  'RequestAgentReady',
  'RequestAgentNotReady',
];
const CALL_REQUESTS: TServerRequestName[] = [
  'RequestMakeCall',
  'RequestAnswerCall',
  'RequestReleaseCall',
  'RequestHoldCall',
  'RequestRetrieveCall',
  'RequestSetMuteOn',
  'RequestSetMuteOff',
  'RequestSingleStepTransfer',
  'RequestSendDTMF',
  'RequestAttachUserData',
  'RequestUpdateUserData',
  'RequestDeletePair',
  'RequestDeleteUserData',
  'RequestStartCallRecording',
  'RequestStopCallRecording',
  'RequestPauseCallRecording',
  'RequestResumeCallRecording',
];
const CONSULT_REQUESTS: TServerRequestName[] = [
  'RequestInitiateTransfer',
  'RequestCompleteTransfer',
  'RequestInitiateConference',
  'RequestCompleteConference',
  'RequestReconnectCall',
  'RequestDeleteFromConference',
];

type Step =
  | { kind: 'request'; name: TServerRequestName; dn: number; conn: number; conn2: number; dest: number; agent: number }
  | { kind: 'place'; from: number; to: number }
  | { kind: 'customer'; action: 'hangup' | 'answer' | 'busy' | 'noAnswer'; conn: number }
  | { kind: 'phone'; action: 'answer' | 'hangup'; dn: number; conn: number; explicit: boolean }
  | { kind: 'tick'; ms: number };

const index = fc.nat({ max: 50 });
const request = (names: TServerRequestName[]) =>
  fc.record({ kind: fc.constant('request' as const), name: fc.constantFrom(...names), dn: index, conn: index, conn2: index, dest: index, agent: index });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: request(AGENT_REQUESTS) },
  { weight: 8, arbitrary: request(CALL_REQUESTS) },
  { weight: 4, arbitrary: request(CONSULT_REQUESTS) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('place' as const), from: index, to: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('customer' as const),
      action: fc.constantFrom('hangup' as const, 'answer' as const, 'busy' as const, 'noAnswer' as const),
      conn: index,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('phone' as const),
      action: fc.constantFrom('answer' as const, 'hangup' as const),
      dn: index,
      conn: index,
      explicit: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 8_000 }) }) },
);

/** Mostly a valid choice, sometimes (index above 45) a wrong one. */
function mostly<T>(valid: readonly T[], wrong: T, at: number): T {
  return at > 45 ? wrong : pick(valid, at);
}

function pick<T>(list: readonly T[], at: number): T {
  return list[at % list.length] as T;
}

class Driver {
  readonly clock = new ManualClock();
  readonly sim: ContactCenterSimulator = createSimulator(config, this.clock);
  readonly connIds: string[] = ['0071000000000000'];
  private sending: { dn: string; referenceId: string } | undefined;
  private sent = 0;
  readonly faults: string[] = [];
  /** `ConnID/DN` of ACD calls the DN rejected: the call is never offered to it again. */
  private readonly rejected = new Set<string>();

  constructor() {
    this.sim.subscribeAll((event) => this.check(event));
  }

  /** Every DN registered and logged in, the first two Ready: the random steps start from a working floor. */
  async staff(): Promise<void> {
    for (const [i, dn] of DNS.entries()) {
      const agentId = AGENT_IDS[i] as string;
      await this.send({ request: 'RequestRegisterAddress', thisDN: dn, referenceId: `setup-${dn}` });
      await this.send({ request: 'RequestAgentLogin', thisDN: dn, referenceId: `setup-${dn}`, agentId });
      if (i < 2) await this.send({ request: 'RequestAgentReady', thisDN: dn, referenceId: `setup-${dn}` });
    }
  }

  async run(s: Step): Promise<void> {
    try {
      await this.apply(s);
    } catch (error) {
      if (!(error instanceof CtiError)) throw error;
      if (error.code === 'INTERNAL_ERROR') throw error;
    }
    for (const call of this.sim.listCalls()) if (!this.connIds.includes(call.connectionId)) this.connIds.push(call.connectionId);
  }

  private async apply(s: Step): Promise<void> {
    const conn = (at: number) => pick(this.connIds, at);
    switch (s.kind) {
      case 'tick':
        this.clock.advance(s.ms);
        return;
      case 'place':
        this.sim.placeCall({ from: pick(CALLERS, s.from), to: pick(CALLED, s.to) });
        return;
      case 'customer': {
        const live = this.sim.listCalls();
        const ringingOut = live.filter((call) => call.parties.some((party) => party.kind === 'external' && party.state === 'Ringing'));
        /** Mostly a call where the customer can do this, sometimes any call ever seen. */
        const candidates = s.action === 'hangup' ? live : ringingOut;
        const id = candidates.length > 0 && s.conn < 30 ? pick(candidates, s.conn).connectionId : conn(s.conn);
        if (s.action === 'hangup') this.sim.customerHangup(id);
        else if (s.action === 'answer') this.sim.customerAnswer(id);
        else this.sim.customerRefuse(id, s.action);
        return;
      }
      case 'phone': {
        const ringing = DNS.filter((candidate) => this.sim.snapshot(candidate).calls.some((leg) => leg.state === 'Ringing'));
        const dn = s.action === 'answer' && ringing.length > 0 && s.dn < 30 ? pick(ringing, s.dn) : pick(DNS, s.dn);
        const id = s.explicit ? conn(s.conn) : undefined;
        if (s.action === 'answer') this.sim.phoneAnswer(dn, id);
        else this.sim.phoneHangup(dn, id);
        return;
      }
      case 'request': {
        const onCalls = DNS.filter((candidate) => this.sim.snapshot(candidate).calls.length > 0);
        /** Mostly a DN with calls, so that call requests have something to act on. */
        const dn = onCalls.length > 0 && s.dn < 30 ? pick(onCalls, s.dn) : mostly(DNS, '4444', s.dn);
        const own = DNS.includes(dn) ? this.sim.snapshot(dn).calls : [];
        /** Consultation requests act on the held call first; the others on any of the DN's calls. */
        const legs = CONSULT_REQUESTS.includes(s.name) ? own.filter((l) => l.state === 'Held').concat(own.filter((l) => l.state !== 'Held')) : own;
        /** Mostly the DN's own calls, sometimes any call ever seen (ended ones and other DNs' too). */
        const leg = legs.length > 0 && s.conn < 40 ? (CONSULT_REQUESTS.includes(s.name) && s.conn < 30 ? legs[0] : pick(legs, s.conn)) : undefined;
        /** Mostly a DN with no call, so that transfers and consultations reach someone. */
        const free = DNS.filter((candidate) => candidate !== dn && this.sim.snapshot(candidate).calls.length === 0);
        const destination = free.length > 0 && s.dest < 20 ? pick(free, s.dest) : pick(DESTINATIONS, s.dest);
        const linked = leg?.transferConnectionId !== undefined && s.conn2 < 40 ? leg.transferConnectionId : undefined;
        await this.send({
          request: s.name,
          thisDN: dn,
          referenceId: `r${++this.sent}`,
          connectionId: leg?.connectionId ?? conn(s.conn),
          consultConnectionId: linked ?? conn(s.conn2),
          destination,
          dn: pick([...DNS, '+14155550100', '+15550001'], s.dest),
          agentId: mostly([AGENT_IDS[DNS.indexOf(dn)] ?? 'a1'], 'a2', s.agent),
          reasonCode: s.agent % 3 === 0 ? 'Break' : undefined,
          digits: s.agent % 2 === 0 ? '12#' : 'Z',
          key: 'k',
          userData: { k: String(s.agent) },
        } as TServerRequest);
      }
    }
  }

  /** Send a request; the request name picks which of the fields the simulator reads. */
  private async send(request: TServerRequest): Promise<void> {
    this.sending = { dn: request.thisDN, referenceId: request.referenceId };
    try {
      await this.sim.request(request);
    } finally {
      this.sending = undefined;
    }
  }

  private check(event: PortEvent): void {
    if (event.eventName === 'EventReleased' && event.callState === 'Rejected' && event.thisQueue !== undefined) {
      this.rejected.add(`${event.connectionId}/${event.thisDN}`);
    }
    if (event.referenceId !== undefined) {
      if (!this.sending || this.sending.dn !== event.thisDN || this.sending.referenceId !== event.referenceId) {
        this.faults.push(`${event.eventName} to ${event.thisDN} carries referenceId ${event.referenceId}`);
      }
    }
  }

  /** Every invariant, as a list of violations. */
  violations(): string[] {
    const problems = [...this.faults];
    const calls = new Map(this.sim.listCalls().map((call) => [call.connectionId, call]));
    for (const agent of this.sim.listAgents()) {
      const legs = this.sim.snapshot(agent.dn).calls;
      if (legs.length !== agent.calls.length) problems.push(`${agent.dn}: ${legs.length} legs, ${agent.calls.length} calls`);
      for (const id of agent.calls) {
        const party = calls.get(id)?.parties.find((p) => p.dn === agent.dn);
        if (!party) problems.push(`${agent.dn} lists ${id} but is not a party of it`);
      }
      const ringingAcd = legs.filter((leg) => leg.state === 'Ringing' && leg.thisQueue !== undefined);
      if (ringingAcd.length > 1) problems.push(`${agent.dn} rings with ${ringingAcd.length} ACD calls`);
      const active = legs.filter((leg) => leg.state === 'Established' || leg.state === 'Dialing');
      if (active.length > 1) problems.push(`${agent.dn} has ${active.length} active legs`);
      for (const leg of legs) {
        if (!leg.parties.includes(agent.dn)) problems.push(`${agent.dn}: leg ${leg.connectionId} without its own DN`);
        if (leg.transferConnectionId !== undefined && !calls.has(leg.transferConnectionId)) {
          problems.push(`${agent.dn}: leg ${leg.connectionId} links to ended call ${leg.transferConnectionId}`);
        }
      }
    }
    const idle = this.sim.listAgents().filter((agent) => agent.state === 'Ready' && agent.calls.length === 0);
    for (const call of calls.values()) {
      const queue = call.parties.find((party) => party.kind === 'queue')?.dn;
      const waitingFor = idle.find((agent) => queue && agent.queues.includes(queue) && !this.rejected.has(`${call.connectionId}/${agent.dn}`));
      if (waitingFor) problems.push(`call ${call.connectionId} waits in ${queue} while ${waitingFor.dn} is idle`);
      if (call.parties.length === 0) problems.push(`call ${call.connectionId} has no party`);
      const dns = call.parties.map((party) => party.dn);
      if (new Set(dns).size !== dns.length) problems.push(`call ${call.connectionId} has a DN twice: ${dns.join(',')}`);
      for (const party of call.parties) {
        if (party.kind !== 'agent') continue;
        const agent = this.sim.listAgents().find((a) => a.dn === party.dn);
        if (!agent?.calls.includes(call.connectionId)) problems.push(`${party.dn} on ${call.connectionId} but not listing it`);
      }
      const queued = call.parties.filter((party) => party.kind === 'queue');
      if (queued.length > 0 && call.parties.some((party) => party.kind === 'agent' && party.state === 'Ringing')) {
        problems.push(`call ${call.connectionId} is queued and ringing`);
      }
    }
    return problems;
  }
}

describe('invariants under random operation', () => {
  it('hold for any sequence of requests, customer and phone actions and clock ticks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 150 }), async (steps) => {
        const driver = new Driver();
        await driver.staff();
        for (const s of steps) {
          await driver.run(s);
          expect(driver.violations()).toEqual([]);
        }
        await driver.sim.close();
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the interesting states (the generator is not trivially refused)', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 100, maxLength: 200 }), async (steps) => {
        const driver = new Driver();
        driver.sim.subscribeAll((event) => reached.add(event.eventName));
        await driver.staff();
        for (const s of steps) await driver.run(s);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect([...reached].sort()).toEqual([...TSERVER_EVENT_NAMES].filter((name) => !NEVER_EMITTED.includes(name)).sort());
  });
});
