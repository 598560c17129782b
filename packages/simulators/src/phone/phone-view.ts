import type { SimCallView, SimPartyView } from '@ctikit/contact-center/control';

/**
 * What the customer phone panel shows, derived from the simulator's call list (`GET /sim/calls`)
 * alone, so the panel moves only when the simulator reports a change.
 */

/** The queues a customer can call. */
export const QUEUES = [
  { dn: '8000', name: 'Support' },
  { dn: '8001', name: 'Sales' },
] as const;

function digits(number: string): string {
  return number.replace(/[^0-9]/g, '');
}

function sameNumber(a: string, b: string): boolean {
  return digits(a) !== '' && digits(a) === digits(b);
}

function nameOf(dn: string): string {
  const queue = QUEUES.find((q) => q.dn === dn);
  return queue ? `${queue.name} (${queue.dn})` : dn;
}

export interface CustomerCall {
  connectionId: string;
  /** The customer's number on this call. */
  number: string;
  /** Who the customer is talking to, or trying to reach. */
  peer: string;
  status: string;
  /** An outbound call from an agent, ringing at the customer: Answer / Busy / No answer. */
  ringing: boolean;
}

function customerStatus(call: SimCallView, customer: SimPartyView): string {
  const agentRinging = call.parties.find((p) => p.kind === 'agent' && p.state === 'Ringing');
  const queued = call.parties.find((p) => p.kind === 'queue');
  switch (customer.state) {
    case 'Ringing':
      return 'Incoming call';
    case 'Established':
      return 'Talking';
    case 'Held':
      return 'On hold';
    case 'Queued':
    case 'Dialing':
      if (agentRinging) return `Ringing at agent ${agentRinging.dn}`;
      if (queued) return `Waiting in ${nameOf(queued.dn)}`;
      return 'Calling…';
  }
}

function peerOf(call: SimCallView, customer: SimPartyView): string {
  const agent = call.parties.find((p) => p.kind === 'agent');
  if (customer.state === 'Ringing') return agent ? `agent ${agent.dn}` : nameOf(call.ANI);
  if (agent && (customer.state === 'Established' || customer.state === 'Held')) return `agent ${agent.dn}`;
  return nameOf(call.DNIS);
}

/** Every call with a customer on it: the ones placed from this panel and the agents' outbound calls. */
export function customerCalls(calls: readonly SimCallView[]): CustomerCall[] {
  return calls.flatMap((call) =>
    call.parties
      .filter((party) => party.kind === 'external')
      .map((customer) => ({
        connectionId: call.connectionId,
        number: customer.dn,
        peer: peerOf(call, customer),
        status: customerStatus(call, customer),
        ringing: customer.state === 'Ringing',
      })),
  );
}

/** The calls on "your number" first, then the other customers'. */
export function sortForNumber(calls: CustomerCall[], yourNumber: string): CustomerCall[] {
  return [...calls].sort((a, b) => Number(sameNumber(b.number, yourNumber)) - Number(sameNumber(a.number, yourNumber)));
}

export interface SoftphoneCall {
  connectionId: string;
  state: SimPartyView['state'];
  /** The other end: the customer's number or the DN. */
  other: string;
}

/** The agent softphone's calls on a DN. */
export function softphoneCalls(calls: readonly SimCallView[], dn: string): SoftphoneCall[] {
  return calls.flatMap((call) => {
    const leg = call.parties.find((p) => p.kind === 'agent' && p.dn === dn);
    if (!leg) return [];
    const other = call.parties.find((p) => p !== leg && p.kind !== 'queue');
    return [{ connectionId: call.connectionId, state: leg.state, other: other?.dn ?? call.ANI }];
  });
}
