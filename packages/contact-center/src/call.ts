import { writable, type Call, type Party } from './model.ts';
import type { World } from './world.ts';

/** A call's parties, and the link between a consultation and its main call. */

export function partyOn(call: Call, dn: string): Party | undefined {
  return call.parties.find((party) => party.dn === dn);
}

export function externalParty(call: Call): Party | undefined {
  return call.parties.find((party) => party.kind === 'external');
}

/** `initiator` consults from the held `main` call on the new call `consult`. */
export function linkConsultation(main: Call, consult: Call, initiator: string): void {
  writable(consult).consultOf = { connectionId: main.connectionId, initiator };
  writable(main).consultation = { connectionId: consult.connectionId, initiator };
}

/** The call ends: its consultation, or the main call it consulted from, is no longer linked to it. */
export function unlinkConsultation(world: World, call: Call): void {
  if (call.consultation) {
    const consult = world.calls.get(call.consultation.connectionId);
    if (consult) delete writable(consult).consultOf;
    delete writable(call).consultation;
  }
  if (call.consultOf) {
    const main = world.calls.get(call.consultOf.connectionId);
    if (main) delete writable(main).consultation;
    delete writable(call).consultOf;
  }
}
