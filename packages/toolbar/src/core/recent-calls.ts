import type { CrmContacts } from './crm-contacts.ts';
import { Emitter, type Listener } from './emitter.ts';
import { isOwnConsultation, type Direction, type EndCause, type Interaction } from './interaction.ts';
import { silentLogger, type Logger } from './logger.ts';
import type { WorkspaceModel } from './workspace-model.ts';

/**
 * The agent's recent calls: one entry per call the workspace saw end, newest first, with its
 * outcome — what the agent's "Recent" list shows and redials from. The rule of what a call's outcome
 * is lives here; where the list is kept between sessions is the platform's (`RecentCallsStore`: the
 * browser's storage, per agent), so the core never touches storage itself.
 *
 * A call enters the list when it ends (`wrapUp`), not when its wrap-up is done: a declined or
 * missed call is listed as it goes. The agent's own consultation legs are not calls of their own and
 * are never listed. The list is bounded (`RECENT_CALLS_LIMIT`): the oldest entries make room.
 */

/** How a call ended, as the agent reads it in the list. */
export type CallOutcome = 'answered' | 'missed' | 'declined' | 'abandoned' | 'transferred' | 'notConnected';

export const CALL_OUTCOMES: readonly CallOutcome[] = ['answered', 'missed', 'declined', 'abandoned', 'transferred', 'notConnected'];

export interface RecentCall {
  readonly eventId: string;
  readonly direction: Exclude<Direction, 'consult'>;
  /** The customer's number (or the internal party's DN); what a redial dials. */
  readonly phoneNumber: string;
  /** The CRM's name for the customer, when Fusion found one. */
  readonly name?: string;
  readonly outcome: CallOutcome;
  /** When it was offered or dialed, epoch ms. */
  readonly startedAt: number;
  /** How long the agent and the customer talked, ms (0 when they never did). */
  readonly talkMs: number;
}

/** Where the list is kept between sessions (the browser's localStorage, one key per agent). */
export interface RecentCallsStore {
  load(): readonly RecentCall[];
  save(calls: readonly RecentCall[]): void;
}

export const RECENT_CALLS_LIMIT = 50;

/** A call's outcome from how it ended; a call that ended normally was answered (it could not end so otherwise). */
export function callOutcome(cause: EndCause, talked: boolean): CallOutcome {
  switch (cause.kind) {
    case 'completed':
      return talked ? 'answered' : 'notConnected';
    case 'transferred':
      return 'transferred';
    case 'rejected':
      return 'declined';
    case 'abandoned':
      return 'abandoned';
    case 'missed':
    case 'timeout':
      return 'missed';
    case 'canceled':
    case 'failed':
      return 'notConnected';
  }
}

/** The list entry for an interaction that has just ended; undefined for what is not listed (the agent's own consultations). */
export function recentCallOf(interaction: Interaction, name: string | undefined): RecentCall | undefined {
  if (isOwnConsultation(interaction) || interaction.endCause === undefined) return undefined;
  // The vendors' times may carry fractions of a millisecond (seen on the Genesys path in Chromium); the list keeps whole ones.
  const talkMs =
    interaction.connectedAt === undefined ? 0 : Math.max(0, Math.round((interaction.endedAt ?? interaction.connectedAt) - interaction.connectedAt));
  const trimmed = name?.trim();
  return {
    eventId: interaction.eventId,
    // A colleague's consultation that reached this agent is an internal call to them.
    direction: interaction.direction === 'consult' ? 'internal' : interaction.direction,
    phoneNumber: interaction.phoneNumber,
    ...(trimmed ? { name: trimmed } : {}),
    outcome: callOutcome(interaction.endCause, interaction.connectedAt !== undefined),
    startedAt: Math.round(interaction.offeredAt),
    talkMs,
  };
}

export class RecentCalls {
  private entries: readonly RecentCall[];
  private readonly emitter: Emitter<{ changed: { readonly calls: readonly RecentCall[] } }>;
  private readonly stop: () => void;

  constructor(
    model: WorkspaceModel,
    contacts: CrmContacts,
    private readonly store: RecentCallsStore,
    logger: Logger = silentLogger,
  ) {
    this.emitter = new Emitter(logger);
    this.entries = store.load().slice(0, RECENT_CALLS_LIMIT);
    this.stop = model.on('interactionChanged', ({ interaction, previous }) => {
      if (interaction.state !== 'wrapUp' || previous?.state === 'wrapUp') return;
      const entry = recentCallOf(interaction, contacts.get(interaction.eventId)?.name);
      if (entry) this.add(entry);
    });
  }

  /** Newest first. */
  get calls(): readonly RecentCall[] {
    return this.entries;
  }

  onChange(listener: Listener<{ readonly calls: readonly RecentCall[] }>): () => void {
    return this.emitter.on('changed', listener);
  }

  /** Forget every entry (the agent cleared the list). */
  clear(): void {
    this.replace([]);
  }

  dispose(): void {
    this.stop();
  }

  private add(entry: RecentCall): void {
    this.replace([entry, ...this.entries.filter((call) => call.eventId !== entry.eventId)].slice(0, RECENT_CALLS_LIMIT));
  }

  private replace(calls: readonly RecentCall[]): void {
    this.entries = calls;
    this.store.save(calls);
    this.emitter.emit('changed', { calls });
  }
}
