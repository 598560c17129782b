import type { LegState } from '@ctikit/protocol';
import type { Call, Party, PartyKind } from './model.ts';
import type { World } from './world.ts';

export function newParty(dn: string, kind: PartyKind, state: LegState, queue?: string): Party {
  return { dn, kind, state, muted: false, answered: state === 'Established', ...(queue ? { queue } : {}) };
}

export function partyOn(call: Call, dn: string): Party | undefined {
  return call.parties.find((party) => party.dn === dn);
}

export function externalParty(call: Call): Party | undefined {
  return call.parties.find((party) => party.kind === 'external');
}

/** Put a party on a call (and the call on the agent's DN). */
export function addParty(world: World, call: Call, party: Party): void {
  call.parties.push(party);
  world.agents.get(party.dn)?.calls.add(call);
}

/** Take a party off a call: its timer stops and the call leaves the agent's DN. */
export function removeParty(world: World, call: Call, party: Party): void {
  const index = call.parties.indexOf(party);
  if (index >= 0) call.parties.splice(index, 1);
  party.timer?.cancel();
  delete party.timer;
  world.agents.get(party.dn)?.calls.delete(call);
}
