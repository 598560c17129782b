import { randomUUID } from 'node:crypto';

/**
 * ConnID → eventId for one agent's session. The eventId is the interaction's one id for its whole
 * life (Fusion's UEF eventId): it is created when a ConnID is first seen, or taken from the
 * `MakeCall` that asked for it (matched by referenceId), follows the call when EventPartyChanged
 * replaces its ConnID, and is forgotten once the leg is released. The maps are made on first use:
 * an idle session (no call, no pending MakeCall) holds none.
 */
export class InteractionIds {
  private byConnection: Map<string, string> | undefined;
  /** referenceId of a pending MakeCall → the eventId the client chose for the call it creates. */
  private requested: Map<string, string> | undefined;

  /** `known`: the ConnID → eventId pairs of a session restored from the session store. */
  constructor(known: Iterable<readonly [string, string]> = []) {
    for (const [connectionId, eventId] of known) this.connections().set(connectionId, eventId);
  }

  /** The ConnID → eventId pairs, for the session store. */
  entries(): Array<[string, string]> {
    return [...(this.byConnection ?? [])];
  }

  eventIdOf(connectionId: string): string | undefined {
    return this.byConnection?.get(connectionId);
  }

  isInUse(eventId: string): boolean {
    for (const id of this.byConnection?.values() ?? []) if (id === eventId) return true;
    for (const id of this.requested?.values() ?? []) if (id === eventId) return true;
    return false;
  }

  /** The eventId of a ConnID; a first-seen ConnID gets the one its request asked for, or a new one. */
  ensure(connectionId: string, referenceId?: string): string {
    const known = this.byConnection?.get(connectionId);
    if (known !== undefined) return known;
    const requested = referenceId === undefined ? undefined : this.requested?.get(referenceId);
    if (referenceId !== undefined) this.settle(referenceId);
    const eventId = requested ?? randomUUID();
    this.connections().set(connectionId, eventId);
    return eventId;
  }

  /** A MakeCall names the eventId of the call it is about to create. */
  request(referenceId: string, eventId: string): void {
    this.requested ??= new Map();
    this.requested.set(referenceId, eventId);
  }

  /** The request settled: a call it created has its id by now, or there is no call. */
  settle(referenceId: string): void {
    this.requested?.delete(referenceId);
    if (this.requested?.size === 0) this.requested = undefined;
  }

  /** EventPartyChanged: the call now has a new ConnID and keeps its eventId. */
  rekey(previousConnectionId: string, connectionId: string): void {
    const eventId = this.byConnection?.get(previousConnectionId);
    if (eventId === undefined || this.byConnection?.has(connectionId)) return;
    this.drop(previousConnectionId);
    this.connections().set(connectionId, eventId);
  }

  drop(connectionId: string): void {
    this.byConnection?.delete(connectionId);
    if (this.byConnection?.size === 0) this.byConnection = undefined;
  }

  get size(): number {
    return this.byConnection?.size ?? 0;
  }

  private connections(): Map<string, string> {
    this.byConnection ??= new Map();
    return this.byConnection;
  }
}
