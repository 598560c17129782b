import { LOGGED_OUT, transitionAgent, type AgentState } from './agent-state.ts';
import { IDLE_CONNECTION, linkLost, sameConnectionStatus, type ConnectionStatus, type LinkOutage } from './connection-status.ts';
import { Emitter, type Listener } from './emitter.ts';
import { consultationOf, type EndCause, type Interaction, type InteractionDetails } from './interaction.ts';
import { isLive, transitionInteraction, type InteractionStep, type LiveInteractionState } from './interaction-state.ts';
import { silentLogger, type Logger } from './logger.ts';
import type { CommandName } from './commands.ts';
import { failure, OK, type CommandOutcome, type Failure, type ReasonCode, type TransferDestination } from './outcome.ts';
import type { AgentIdentity, LiveInteractionSnapshot, ResyncCause, VendorEvent, VendorEventOf, VendorEventType } from './vendor-events.ts';
import { RECORD_RELEASED, type Campaign, type CampaignChange, type CampaignRecord, type RecordChange } from './outbound.ts';

/**
 * The workspace model: the agent, the link to the vendor and the interactions by eventId, as the
 * vendor last reported them. Vendor events come in through `apply` (the vendor's sink) and go
 * through the state machines; views (the UI, the Fusion adapter, the extensions host) read the
 * model and listen to its typed change events. Nothing else writes it, except a view closing an
 * ended interaction (`close`), which is the toolbar's own wrap-up and no vendor's business.
 *
 * Changes are applied one at a time: a listener that reacts to a change by applying another (a view
 * that closes a rejected offer as soon as it ends) is queued behind the change it reacts to, so every
 * listener sees the changes in the same order.
 */
export interface WorkspaceEventMap {
  agentChanged: { readonly agent: AgentState; readonly previous: AgentState };
  /** The vendor named the agent (name, DN). */
  identityChanged: { readonly identity: AgentIdentity };
  connectionChanged: { readonly connection: ConnectionStatus; readonly previous: ConnectionStatus };
  /** An interaction appeared (`previous` undefined) or changed: state, flags, data. */
  interactionChanged: { readonly interaction: Interaction; readonly previous: Interaction | undefined };
  /** A view closed an ended interaction: it is gone from the model. */
  interactionClosed: { readonly interaction: Interaction };
  /** A full snapshot from the vendor was applied (after the changes it caused were emitted). */
  resynced: { readonly agent: AgentState; readonly interactions: readonly Interaction[]; readonly cause?: ResyncCause };
  /** A command failed: refused by the workspace, by the vendor, or later by the contact center. */
  commandFailed: { readonly failure: Failure; readonly command?: CommandName; readonly eventId?: string };
  /** The vendor listed the not-ready reasons. */
  reasonCodesChanged: { readonly reasonCodes: readonly ReasonCode[] };
  /** The vendor listed its transfer destinations. */
  transferDestinationsChanged: { readonly destinations: readonly TransferDestination[] };
  /** One of the agent's outbound campaigns changed (`campaigns`, `pushPreview` are up to date). */
  campaignChanged: { readonly campaign: Campaign; readonly change: CampaignChange };
  /** A campaign record changed (`offeredRecord` is up to date). */
  recordChanged: { readonly record: CampaignRecord; readonly change: RecordChange };
  /** The record offered to the agent came or went (offered, called, given back, processed…). */
  offeredRecordChanged: { readonly record: CampaignRecord | undefined };
}

export interface WorkspaceModelOptions {
  logger?: Logger;
}

/** How many closed eventIds are remembered, so a late event can never bring one back. */
const CLOSED_MEMORY = 500;

/** Why a live interaction that a snapshot no longer lists has ended: it went while we were away. */
const VANISHED_CAUSE: Record<LiveInteractionState, EndCause> = {
  offered: { kind: 'missed' },
  dialing: { kind: 'missed' },
  connected: { kind: 'completed' },
  held: { kind: 'completed' },
};

type Handlers = { [K in VendorEventType]: (event: VendorEventOf<K>) => void };

export class WorkspaceModel {
  private agentState: AgentState = LOGGED_OUT;
  private agentIdentity: AgentIdentity = {};
  private connectionStatus: ConnectionStatus = IDLE_CONNECTION;
  private reasons: readonly ReasonCode[] = [];
  private speakerMute = false;
  private destinations: readonly TransferDestination[] = [];
  private campaignList: readonly Campaign[] = [];
  private pushingPreview = false;
  private offered: CampaignRecord | undefined;
  private lastOutage: LinkOutage | undefined;
  private readonly byEventId = new Map<string, Interaction>();
  private readonly closedEventIds = new Set<string>();
  private readonly emitter: Emitter<WorkspaceEventMap>;
  private readonly log: Logger;
  private readonly queue: Array<() => void> = [];
  private draining = false;

  constructor(options: WorkspaceModelOptions = {}) {
    this.log = options.logger ?? silentLogger;
    this.emitter = new Emitter(this.log);
  }

  get agent(): AgentState {
    return this.agentState;
  }

  /** Who is signed in, as far as the vendor has said (empty until it does). */
  get identity(): AgentIdentity {
    return this.agentIdentity;
  }

  get connection(): ConnectionStatus {
    return this.connectionStatus;
  }

  /** The last time the link was lost (and, once back, restored); undefined if it never was. */
  get outage(): LinkOutage | undefined {
    return this.lastOutage;
  }

  /** The transfer destinations the vendor lists (quick connects; empty for vendors without them). */
  get transferDestinations(): readonly TransferDestination[] {
    return this.destinations;
  }

  /** The outbound campaigns the agent's group takes part in, as the vendor announced them (started, not stopped). */
  get campaigns(): readonly Campaign[] {
    return this.campaignList;
  }

  /** Whether the agent's push preview campaigns push it records. */
  get pushPreview(): boolean {
    return this.pushingPreview;
  }

  /**
   * The record offered to the agent to preview: from its offer until the agent calls it (a call
   * carrying it appears), gives it back, reschedules or processes it.
   */
  get offeredRecord(): CampaignRecord | undefined {
    return this.offered;
  }

  /** The not-ready reasons the agent may choose from (empty until the vendor lists them). */
  get reasonCodes(): readonly ReasonCode[] {
    return this.reasons;
  }

  /** The agent's speaker is muted (muteSpeaker / unmuteSpeaker: no vendor reports the agent's phone speaker). */
  get speakerMuted(): boolean {
    return this.speakerMute;
  }

  setSpeakerMuted(muted: boolean): void {
    this.speakerMute = muted;
  }

  /** The interactions not yet closed, in the order they appeared. */
  get interactions(): readonly Interaction[] {
    return [...this.byEventId.values()];
  }

  interaction(eventId: string): Interaction | undefined {
    return this.byEventId.get(eventId);
  }

  on<K extends keyof WorkspaceEventMap>(type: K, listener: Listener<WorkspaceEventMap[K]>): () => void {
    return this.emitter.on(type, listener);
  }

  /** The vendor's sink: apply one vendor event. Never throws. */
  readonly apply = (event: VendorEvent): void => {
    this.serially(() => (this.handlers[event.type] as (e: VendorEvent) => void)(event));
  };

  /** Close an ended interaction (its wrap-up is done, or the view dismissed it). */
  close(eventId: string): CommandOutcome {
    const current = this.byEventId.get(eventId);
    if (!current) return failure('UNKNOWN_INTERACTION');
    if (current.state !== 'wrapUp') {
      return failure('INVALID_CALL_STATE', `Interaction ${eventId} is ${current.state}: only an ended interaction can be closed.`);
    }
    this.serially(() => this.step(eventId, { to: 'closed' }));
    return OK;
  }

  /** Tell the views a command failed (the workspace's refusals and the vendor's answers). */
  reportFailure(failureValue: Failure, command?: CommandName, eventId?: string): void {
    this.serially(() =>
      this.emitter.emit('commandFailed', {
        failure: failureValue,
        ...(command !== undefined ? { command } : {}),
        ...(eventId !== undefined ? { eventId } : {}),
      }),
    );
  }

  private serially(task: () => void): void {
    this.queue.push(task);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        try {
          next();
        } catch (error) {
          this.log.error({ err: error }, 'workspace model failed to apply a change');
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private readonly handlers: Handlers = {
    agentStateChanged: (event) => this.setAgent(event.state, 'event'),
    agentIdentified: (event) => {
      const next = { ...this.agentIdentity, ...event.identity };
      if (next.name === this.agentIdentity.name && next.dn === this.agentIdentity.dn) return;
      this.agentIdentity = next;
      this.emitter.emit('identityChanged', { identity: next });
    },
    interactionOffered: (event) => this.create(event.eventId, 'offered', event.details, event.at),
    interactionDialing: (event) => this.create(event.eventId, 'dialing', event.details, event.at),
    interactionConnected: (event) => this.step(event.eventId, { to: 'connected', at: event.at }),
    interactionHeld: (event) => this.step(event.eventId, { to: 'held', at: event.at }),
    interactionRetrieved: (event) => {
      const current = this.byEventId.get(event.eventId);
      if (current && current.state !== 'held' && current.state !== 'connected') {
        this.log.warn({ eventId: event.eventId, state: current.state }, 'ignored a retrieve of a call that was not held');
        return;
      }
      this.step(event.eventId, { to: 'connected', at: event.at });
    },
    interactionMuteChanged: (event) => {
      const current = this.known(event.eventId);
      if (!current || current.muted === event.muted) return;
      if (current.state !== 'connected' && current.state !== 'held') {
        this.log.warn({ eventId: event.eventId, state: current.state }, 'ignored a mute change on a call not in progress');
        return;
      }
      this.replace({ ...current, muted: event.muted }, current);
    },
    interactionDataChanged: (event) => {
      const current = this.known(event.eventId);
      if (!current) return;
      const patched: Interaction = {
        ...current,
        ...(event.userData !== undefined ? { userData: event.userData } : {}),
        ...(event.parties !== undefined ? { parties: event.parties } : {}),
        ...(event.partyStates !== undefined ? { partyStates: event.partyStates } : {}),
        ...(event.recordingState !== undefined ? { recordingState: event.recordingState } : {}),
        ...(event.direction !== undefined ? { direction: event.direction } : {}),
        ...(event.phoneNumber !== undefined ? { phoneNumber: event.phoneNumber } : {}),
      };
      const next = event.linkedEventId === undefined ? patched : withLink(patched, event.linkedEventId ?? undefined);
      if (!sameInteraction(current, next)) this.replace(next, current);
    },
    interactionEnded: (event) => this.step(event.eventId, { to: 'wrapUp', at: event.at, cause: event.cause }),
    connectionChanged: (event) => {
      const previous = this.connectionStatus;
      if (sameConnectionStatus(previous, event.status)) return;
      this.connectionStatus = event.status;
      this.trackOutage(previous, event.status, event.at);
      this.emitter.emit('connectionChanged', { connection: event.status, previous });
    },
    resynced: (event) => this.resync(event),
    reasonCodesListed: (event) => {
      this.reasons = event.reasonCodes;
      this.emitter.emit('reasonCodesChanged', { reasonCodes: event.reasonCodes });
    },
    transferDestinationsListed: (event) => {
      this.destinations = event.destinations;
      this.emitter.emit('transferDestinationsChanged', { destinations: event.destinations });
    },
    campaignChanged: (event) => {
      const { campaign, change } = event;
      const others = this.campaignList.filter((known) => known.name !== campaign.name);
      if (change === 'started') this.campaignList = [...others, campaign];
      if (change === 'stopped') this.campaignList = others;
      if (change === 'pushPreviewStarted' || change === 'pushPreviewStopped') this.pushingPreview = change === 'pushPreviewStarted';
      this.emitter.emit('campaignChanged', { campaign, change });
    },
    recordChanged: (event) => {
      const { record, change } = event;
      const held = this.offered?.recordHandle === record.recordHandle;
      if (change === 'offered' || (held && !RECORD_RELEASED.has(change))) this.offerRecord(record);
      else if (held) this.offerRecord(undefined);
      this.emitter.emit('recordChanged', { record, change });
    },
    commandFailed: (event) =>
      this.emitter.emit('commandFailed', {
        failure: event.failure,
        ...(event.eventId !== undefined ? { eventId: event.eventId } : {}),
      }),
  };

  private trackOutage(previous: ConnectionStatus, next: ConnectionStatus, at: number): void {
    if (linkLost(next) && !linkLost(previous)) {
      const liveCalls = this.interactions.filter((interaction) => isLive(interaction.state)).map((interaction) => interaction.eventId);
      this.lastOutage = { lostAt: at, liveCalls, agentLoggedIn: this.agentState.kind !== 'loggedOut' };
    } else if (next.state === 'connected' && this.lastOutage && this.lastOutage.restoredAt === undefined) {
      this.lastOutage = { ...this.lastOutage, restoredAt: at };
    }
  }

  private setAgent(next: AgentState, authority: 'event' | 'snapshot'): void {
    const previous = this.agentState;
    const move = transitionAgent(previous, next, authority);
    if (move.result === 'rejected') {
      this.log.warn({ from: previous.kind, to: next.kind }, move.reason);
      return;
    }
    if (move.result === 'unchanged') return;
    this.agentState = move.state;
    this.emitter.emit('agentChanged', { agent: move.state, previous });
  }

  private create(eventId: string, state: 'offered' | 'dialing', details: InteractionDetails, at: number): void {
    if (this.closedEventIds.has(eventId) || this.byEventId.has(eventId)) {
      this.log.debug({ eventId, state }, 'ignored a second start of a known interaction');
      return;
    }
    this.replace({ ...details, ...consultationOf(details), eventId, state, offeredAt: at, held: false, muted: false }, undefined);
    if (details.campaignRecord !== undefined && details.campaignRecord.recordHandle === this.offered?.recordHandle) this.offerRecord(undefined);
  }

  private offerRecord(record: CampaignRecord | undefined): void {
    this.offered = record;
    this.emitter.emit('offeredRecordChanged', { record });
  }

  /** The interaction an event is about, or undefined (logged) when the model does not hold it. */
  private known(eventId: string): Interaction | undefined {
    const current = this.byEventId.get(eventId);
    if (!current) this.log.debug({ eventId }, 'ignored an event about an unknown interaction');
    return current;
  }

  private step(eventId: string, step: InteractionStep, authority: 'event' | 'snapshot' = 'event'): void {
    const current = this.known(eventId);
    if (!current) return;
    const move = transitionInteraction(current, step, authority);
    if (move.result === 'rejected') {
      this.log.warn({ eventId, from: current.state, to: step.to }, move.reason);
      return;
    }
    if (move.result === 'changed') this.replace(move.interaction, current);
  }

  private replace(next: Interaction, previous: Interaction | undefined): void {
    if (next.state === 'closed') {
      this.byEventId.delete(next.eventId);
      this.remember(next.eventId);
      this.emitter.emit('interactionClosed', { interaction: next });
      return;
    }
    this.byEventId.set(next.eventId, next);
    this.emitter.emit('interactionChanged', { interaction: next, previous });
  }

  private remember(eventId: string): void {
    this.closedEventIds.add(eventId);
    if (this.closedEventIds.size > CLOSED_MEMORY) {
      const oldest = this.closedEventIds.values().next();
      if (!oldest.done) this.closedEventIds.delete(oldest.value);
    }
  }

  private resync(event: VendorEventOf<'resynced'>): void {
    if (event.cause === 'sessionLost' && this.lastOutage) this.lastOutage = { ...this.lastOutage, sessionLost: true };
    this.setAgent(event.agent, 'snapshot');
    const listed = new Set<string>();
    for (const snapshot of event.interactions) {
      listed.add(snapshot.eventId);
      this.resyncOne(snapshot);
    }
    for (const current of this.interactions) {
      if (!listed.has(current.eventId) && isLive(current.state)) {
        this.step(current.eventId, { to: 'wrapUp', at: event.at, cause: VANISHED_CAUSE[current.state] });
      }
    }
    this.emitter.emit('resynced', { agent: this.agentState, interactions: this.interactions, ...(event.cause ? { cause: event.cause } : {}) });
  }

  private resyncOne(snapshot: LiveInteractionSnapshot): void {
    const { eventId } = snapshot;
    const current = this.byEventId.get(eventId);
    if (this.closedEventIds.has(eventId) || (current && !isLive(current.state))) {
      this.log.warn({ eventId }, 'a snapshot lists a call the toolbar has already ended; keeping it ended');
      return;
    }
    const inCall = snapshot.state === 'connected' || snapshot.state === 'held';
    if (!current) {
      this.replace(
        {
          ...snapshot.details,
          ...consultationOf(snapshot.details),
          eventId,
          state: snapshot.state,
          offeredAt: snapshot.offeredAt,
          ...(inCall ? { connectedAt: snapshot.connectedAt ?? snapshot.offeredAt } : {}),
          held: snapshot.state === 'held',
          muted: inCall && snapshot.muted,
        },
        undefined,
      );
      return;
    }
    const at = snapshot.connectedAt ?? snapshot.offeredAt;
    const move = transitionInteraction(current, { to: snapshot.state, at }, 'snapshot');
    const moved = move.result === 'changed' ? move.interaction : current;
    const next = withLink({ ...moved, ...snapshot.details, muted: inCall && snapshot.muted }, snapshot.details.linkedEventId);
    if (!sameInteraction(current, next)) this.replace(next, current);
  }
}

function withLink(interaction: Interaction, linkedEventId: string | undefined): Interaction {
  const { linkedEventId: _previous, ...rest } = interaction;
  return linkedEventId === undefined ? rest : { ...rest, linkedEventId };
}

/** Field by field; attached data, parties and the end cause by value. */
function sameInteraction(a: Interaction, b: Interaction): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Interaction>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || !sameValue(x, y)) return false;
  }
  return true;
}

function sameValue(x: object, y: object): boolean {
  const xs = Object.entries(x);
  if (xs.length !== Object.keys(y).length) return false;
  return xs.every(([key, value]) => (y as Record<string, unknown>)[key] === value);
}
