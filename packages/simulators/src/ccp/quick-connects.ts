import { arn, phoneEndpoint, type QuickConnect, type StreamsEndpoint } from './streams-data.ts';

/**
 * The instance's quick connects (what `agent.getEndpoints()` lists): the other agents and the queues of
 * the contact-center simulator. Each names its switch destination in its ARN
 * (`…/transfer-destination/agent-5002`, `…/queue-8000`), so the CCP can dial a quick connect the
 * library hands back, and a phone-number endpoint dials its number.
 */

export interface DirectoryEntry {
  readonly kind: 'agent' | 'queue';
  readonly dn: string;
  readonly name: string;
}

const DESTINATION = /\/transfer-destination\/(agent|queue)-([0-9]+)$/;

function endpointOf(entry: DirectoryEntry): StreamsEndpoint {
  return {
    endpointARN: arn('transfer-destination', `${entry.kind}-${entry.dn}`),
    type: entry.kind,
    name: entry.name,
    phoneNumber: null,
    agentLogin: entry.kind === 'agent' ? entry.name : null,
    queue: entry.kind === 'queue' ? arn('queue', entry.dn) : null,
  };
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
    const entry = this.entries.find((candidate) => candidate.dn === destination);
    return entry ? endpointOf(entry) : phoneEndpoint(destination);
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
