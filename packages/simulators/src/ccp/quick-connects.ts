import { arn, phoneEndpoint, type QuickConnect, type StreamsEndpoint } from './streams-data.ts';

/**
 * The instance's quick connects (what `agent.getEndpoints()` lists), of the three kinds the real CCP
 * lists: the other agents and the queues of the contact-center simulator, and external phone numbers.
 * Agent and queue quick connects name their switch destination in their ARN
 * (`…/transfer-destination/agent-5002`, `…/queue-8000`), so the CCP can dial a quick connect the
 * library hands back; a phone-number quick connect, like any phone-number endpoint, dials its number.
 *
 * Agent and queue quick connects go through a transfer flow: the third party's connection is
 * `connected` as soon as the call reaches that flow, before the colleague is even offered it (Streams
 * issue #447); a phone number is connected when the far end answers.
 */

export type DirectoryEntry =
  | { readonly kind: 'agent' | 'queue'; readonly dn: string; readonly name: string }
  | { readonly kind: 'phone_number'; readonly phoneNumber: string; readonly name: string };

const DESTINATION = /\/transfer-destination\/(agent|queue)-([0-9]+)$/;

function endpointOf(entry: DirectoryEntry): StreamsEndpoint {
  if (entry.kind === 'phone_number') {
    return {
      ...phoneEndpoint(entry.phoneNumber),
      endpointARN: arn('transfer-destination', `phone-${entry.phoneNumber.replace(/[^0-9]/g, '')}`),
      name: entry.name,
    };
  }
  return {
    endpointARN: arn('transfer-destination', `${entry.kind}-${entry.dn}`),
    type: entry.kind,
    name: entry.name,
    phoneNumber: null,
    agentLogin: entry.kind === 'agent' ? entry.name : null,
    queue: entry.kind === 'queue' ? arn('queue', entry.dn) : null,
  };
}

/** The switch destination a quick connect dials. */
function destinationOfEntry(entry: DirectoryEntry): string {
  return entry.kind === 'phone_number' ? entry.phoneNumber : entry.dn;
}

export class QuickConnectDirectory {
  constructor(private readonly entries: readonly DirectoryEntry[]) {}

  list(): QuickConnect[] {
    return this.entries.map((entry) => {
      const endpoint = endpointOf(entry);
      return { ...endpoint, endpointId: endpoint.endpointARN ?? '' };
    });
  }

  /** The endpoint of a dialed DN or number, as the third-party connection shows it. */
  endpointFor(destination: string): StreamsEndpoint {
    const entry = this.entries.find((candidate) => destinationOfEntry(candidate) === destination);
    return entry ? endpointOf(entry) : phoneEndpoint(destination);
  }

  /** Whether a call to `destination` goes through a transfer flow (an agent or queue quick connect, #447). */
  throughTransferFlow(destination: string): boolean {
    return this.entries.some((entry) => entry.kind !== 'phone_number' && entry.dn === destination);
  }

  /** The switch destination of an endpoint the library sent, or undefined when it names none. */
  destinationOf(endpoint: { type?: string | undefined; phoneNumber?: string | null | undefined; endpointARN?: string | null | undefined }): string | undefined {
    if (endpoint.type === 'phone_number') {
      const number = (endpoint.phoneNumber ?? '').replace(/^sip:/, '').replace(/@.*$/, '');
      return number === '' ? undefined : number;
    }
    const match = DESTINATION.exec(endpoint.endpointARN ?? '');
    return match?.[2];
  }
}
