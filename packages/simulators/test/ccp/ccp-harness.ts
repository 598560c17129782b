import { tserverEventSchema, type Command, type TServerEventName, type TServerEventOf, type TServerWireEvent } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import { AgentService } from '../../src/ccp/agent-service.ts';
import { runApiMethod, type ApiResult } from '../../src/ccp/api-methods.ts';
import { QuickConnectDirectory } from '../../src/ccp/quick-connects.ts';
import type { AgentProfile } from '../../src/ccp/snapshot-builder.ts';

/**
 * One simulated CCP service on a manual clock, signed in and Available: T-Server events of the agent's
 * DN go in with `event`, `api_request`s with `api`, and the commands it sends the bridge are in `sent`.
 */

export const DN = '5001';
export const CUSTOMER = '+14155550123';

export const profile: AgentProfile = {
  agentId: 'agent1',
  name: 'Alex Morgan',
  dn: DN,
  queues: [{ dn: '8000', name: 'Support' }],
  customStates: ['Break', 'Lunch'],
  directory: new QuickConnectDirectory([
    { kind: 'agent', dn: '5002', name: 'Kenji Sato' },
    { kind: 'queue', dn: '8000', name: 'Support' },
  ]),
};

/** A call that rings at the agent from the Support queue. */
export const inboundCall = { eventId: 'e-1', connectionId: '0071000000000001', callType: 'Inbound', ANI: CUSTOMER, DNIS: '8000', thisQueue: '8000' } as const;
/** A call the agent places to the customer. */
export const outboundCall = { eventId: 'e-2', connectionId: '0071000000000002', callType: 'Outbound', ANI: DN, otherDN: CUSTOMER } as const;

export interface CcpHarness {
  readonly clock: ManualClock;
  readonly service: AgentService;
  readonly sent: Command[];
  event<N extends TServerEventName>(eventName: N, fields?: Partial<TServerEventOf<N>>): TServerWireEvent;
  apply<N extends TServerEventName>(eventName: N, fields?: Partial<TServerEventOf<N>>): void;
  api(method: string, params: Record<string, unknown>): Promise<ApiResult>;
}

export function ccpHarness(options: { available?: boolean } = {}): CcpHarness {
  const clock = new ManualClock();
  const sent: Command[] = [];
  let ids = 0;
  const send = async (command: Command): Promise<{ ok: true }> => {
    sent.push(command);
    return { ok: true };
  };
  const service = new AgentService({ profile, clock, newId: () => `conn-${++ids}`, send, onUpdate: () => undefined, onMuteToggle: () => undefined });
  const event = <N extends TServerEventName>(eventName: N, fields: Partial<TServerEventOf<N>> = {}): TServerWireEvent =>
    tserverEventSchema.parse({ eventName, timestamp: clock.now(), thisDN: DN, ...fields });
  const harness: CcpHarness = {
    clock,
    service,
    sent,
    event,
    apply: (eventName, fields) => service.applyEvent(event(eventName, fields)),
    api: (method, params) => runApiMethod(method, params, { service, directory: profile.directory, send }),
  };
  if (options.available !== false) {
    harness.apply('EventRegistered');
    harness.apply('EventAgentLogin');
    harness.apply('EventAgentReady', { workMode: 'ManualIn' });
  }
  return harness;
}
