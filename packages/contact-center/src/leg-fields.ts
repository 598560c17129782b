import type { Call, Party } from './model.ts';
import type { CallLegSnapshot } from './port.ts';

/** The party a leg talks to: the customer when there is one, else the first other party. */
function otherDN(parties: readonly Party[], dn: string): string | undefined {
  const others = parties.filter((party) => party.dn !== dn);
  return (others.find((party) => party.kind === 'external') ?? others[0])?.dn;
}

/** On the consulting DN's legs: the other call of the consultation. */
function transferConnectionIdFor(call: Call, dn: string): string | undefined {
  if (call.consultOf?.initiator === dn) return call.consultOf.connectionId;
  if (call.consultation?.initiator === dn) return call.consultation.connectionId;
  return undefined;
}

/** The call attributes every call event and leg snapshot carries, as seen from one party. */
export function legFields(call: Call, party: Party, parties: readonly Party[] = call.parties): LegFields {
  const other = otherDN(parties, party.dn);
  const transferConnectionId = transferConnectionIdFor(call, party.dn);
  return {
    connectionId: call.connectionId,
    callUuid: call.callUuid,
    callType: call.callType,
    ANI: call.ANI,
    DNIS: call.DNIS,
    ...(other !== undefined ? { otherDN: other } : {}),
    ...(party.queue ? { thisQueue: party.queue } : {}),
    ...(transferConnectionId ? { transferConnectionId } : {}),
    parties: parties.map((p) => p.dn),
    userData: { ...call.userData },
    recordingState: call.recordingState,
  };
}

export type LegFields = Omit<CallLegSnapshot, 'state' | 'muted' | 'startedAt'>;

export function legSnapshot(call: Call, party: Party): CallLegSnapshot {
  return { ...legFields(call, party), state: party.state, muted: party.muted, startedAt: call.startedAt };
}
