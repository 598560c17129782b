/**
 * The agent's call legs as the bridge's events told them: eventId ↔ ConnID, the leg's T-Server state
 * and the other leg of a consultation. The mapping reads it to tell how a leg ended (a released
 * ringing leg was rejected; a released dialing leg was cancelled) and to link consultations; the
 * vendor reads it to address commands, which name the ConnID, by the interaction's eventId.
 */
import type { LegState } from '@ctikit/protocol';

export interface CallLeg {
  readonly eventId: string;
  readonly connectionId: string;
  readonly state: LegState;
  /** The other call of a consultation (TransferConnID). */
  readonly linkedConnectionId?: string;
}

export class CallLegs {
  private readonly byEventId = new Map<string, CallLeg>();
  private readonly eventIdByConnection = new Map<string, string>();

  get(eventId: string): CallLeg | undefined {
    return this.byEventId.get(eventId);
  }

  eventIdOf(connectionId: string): string | undefined {
    return this.eventIdByConnection.get(connectionId);
  }

  connectionIdOf(eventId: string): string | undefined {
    return this.byEventId.get(eventId)?.connectionId;
  }

  all(): CallLeg[] {
    return [...this.byEventId.values()];
  }

  /**
   * Add a leg, or replace what is known of it (a ConnID that changed is re-keyed). A ConnID belongs
   * to one leg at a time: a leg still holding it is stale and goes.
   */
  set(leg: CallLeg): void {
    const previous = this.byEventId.get(leg.eventId);
    if (previous && previous.connectionId !== leg.connectionId) this.eventIdByConnection.delete(previous.connectionId);
    const owner = this.eventIdByConnection.get(leg.connectionId);
    if (owner !== undefined && owner !== leg.eventId) this.byEventId.delete(owner);
    this.byEventId.set(leg.eventId, leg);
    this.eventIdByConnection.set(leg.connectionId, leg.eventId);
  }

  update(eventId: string, change: Partial<Omit<CallLeg, 'eventId'>>): void {
    const leg = this.byEventId.get(eventId);
    if (leg) this.set({ ...leg, ...change });
  }

  remove(eventId: string): CallLeg | undefined {
    const leg = this.byEventId.get(eventId);
    if (!leg) return undefined;
    this.byEventId.delete(eventId);
    if (this.eventIdByConnection.get(leg.connectionId) === eventId) this.eventIdByConnection.delete(leg.connectionId);
    return leg;
  }

  clear(): void {
    this.byEventId.clear();
    this.eventIdByConnection.clear();
  }
}
