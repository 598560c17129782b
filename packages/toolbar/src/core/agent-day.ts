import type { Clock } from '@ctikit/kernel';
import type { AgentState } from './agent-state.ts';
import { isOwnConsultation, type Interaction } from './interaction.ts';
import type { WorkspaceModel } from './workspace-model.ts';

/**
 * The agent's own day since they signed in: calls handled, the average handle time, and the time
 * spent in each state — Available, Not ready (by reason), on calls, wrap-up — worked out from the
 * workspace model's agent and interaction changes on an injected clock (tests use ManualClock).
 *
 * What the agent is doing at any moment is one `DayActivity`: on a call whenever a call is in
 * progress (dialing, connected or held), whatever the agent state says (Genesys keeps an agent on a
 * call Ready); else in wrap-up while the contact center has them in after-call work or a call's
 * wrap-up is open; else their agent state. Logged-out time is nobody's.
 *
 * A call is handled once it ends after the agent talked on it (the agent's own consultation legs are
 * part of the call they served). Its handle time runs from the answer to the end of its wrap-up
 * (the close), or to its end when it is closed with nothing to wrap up.
 */
export type DayActivity =
  | { readonly kind: 'ready' }
  | { readonly kind: 'notReady'; readonly reasonCode?: string; readonly reasonLabel?: string }
  | { readonly kind: 'onCall' }
  | { readonly kind: 'wrapUp' };

export interface NotReadyTime {
  readonly reasonCode?: string;
  readonly reasonLabel?: string;
  readonly ms: number;
}

export interface DaySummary {
  /** When the agent first signed in under this toolbar, epoch ms; undefined before. */
  readonly since?: number;
  readonly callsHandled: number;
  /** Mean handle time of the handled calls, ms; undefined before the first. */
  readonly averageHandleMs?: number;
  readonly readyMs: number;
  readonly onCallMs: number;
  readonly wrapUpMs: number;
  /** Time not ready, one entry per reason (no reason first), in the order they were first used. */
  readonly notReady: readonly NotReadyTime[];
}

/** What the agent is doing, from the agent's state and the calls; undefined while logged out. */
export function dayActivity(agent: AgentState, interactions: readonly Interaction[]): DayActivity | undefined {
  if (agent.kind === 'loggedOut') return undefined;
  const calls = interactions.filter((interaction) => !isOwnConsultation(interaction) || interaction.state !== 'wrapUp');
  if (calls.some((call) => call.state === 'dialing' || call.state === 'connected' || call.state === 'held')) return { kind: 'onCall' };
  if (agent.kind === 'afterCallWork' || calls.some((call) => call.state === 'wrapUp')) return { kind: 'wrapUp' };
  if (agent.kind === 'ready') return { kind: 'ready' };
  return {
    kind: 'notReady',
    ...(agent.reasonCode !== undefined ? { reasonCode: agent.reasonCode } : {}),
    ...(agent.reasonLabel !== undefined ? { reasonLabel: agent.reasonLabel } : {}),
  };
}

export class AgentDay {
  private since: number | undefined;
  private current: DayActivity | undefined;
  private currentSince = 0;
  private readyMs = 0;
  private onCallMs = 0;
  private wrapUpMs = 0;
  private readonly notReadyMs = new Map<string, NotReadyTime>();
  private handled = 0;
  private handleMs = 0;
  /** The calls that ended handled and are still in the model: eventId → when they were answered. */
  private readonly inWrapUp = new Map<string, number>();
  private readonly stops: readonly (() => void)[];

  constructor(
    private readonly model: WorkspaceModel,
    private readonly clock: Clock,
  ) {
    const follow = () => this.follow();
    this.stops = [
      model.on('agentChanged', follow),
      model.on('interactionChanged', ({ interaction, previous }) => {
        if (interaction.state === 'wrapUp' && previous?.state !== 'wrapUp') this.ended(interaction);
        follow();
      }),
      model.on('interactionClosed', ({ interaction }) => {
        this.closed(interaction);
        follow();
      }),
      model.on('resynced', follow),
    ];
    this.follow();
  }

  /** The day so far, the activity under way counted up to now. */
  summary(): DaySummary {
    const now = this.clock.now();
    const running = this.current === undefined ? 0 : Math.max(0, now - this.currentSince);
    const extra = (kind: DayActivity['kind']) => (this.current?.kind === kind ? running : 0);
    const notReady = [...this.notReadyMs.entries()].map(([key, time]) => ({
      ...time,
      ms: time.ms + (this.current?.kind === 'notReady' && key === notReadyKey(this.current) ? running : 0),
    }));
    const openHandle = [...this.inWrapUp.values()].reduce((sum, answeredAt) => sum + Math.max(0, now - answeredAt), 0);
    return {
      ...(this.since !== undefined ? { since: this.since } : {}),
      callsHandled: this.handled,
      ...(this.handled > 0 ? { averageHandleMs: Math.round((this.handleMs + openHandle) / this.handled) } : {}),
      readyMs: this.readyMs + extra('ready'),
      onCallMs: this.onCallMs + extra('onCall'),
      wrapUpMs: this.wrapUpMs + extra('wrapUp'),
      notReady,
    };
  }

  dispose(): void {
    for (const stop of this.stops) stop();
  }

  private ended(interaction: Interaction): void {
    if (isOwnConsultation(interaction) || interaction.connectedAt === undefined) return;
    this.handled += 1;
    this.inWrapUp.set(interaction.eventId, interaction.connectedAt);
  }

  private closed(interaction: Interaction): void {
    const answeredAt = this.inWrapUp.get(interaction.eventId);
    if (answeredAt === undefined) return;
    this.inWrapUp.delete(interaction.eventId);
    this.handleMs += Math.max(0, this.clock.now() - answeredAt);
  }

  private follow(): void {
    const next = dayActivity(this.model.agent, this.model.interactions);
    if (sameActivity(next, this.current)) return;
    const now = this.clock.now();
    if (this.current !== undefined) this.account(this.current, Math.max(0, now - this.currentSince));
    if (next !== undefined) {
      this.since ??= now;
      if (next.kind === 'notReady' && !this.notReadyMs.has(notReadyKey(next))) this.notReadyMs.set(notReadyKey(next), { ...withoutKind(next), ms: 0 });
    }
    this.current = next;
    this.currentSince = now;
  }

  private account(activity: DayActivity, ms: number): void {
    switch (activity.kind) {
      case 'ready':
        this.readyMs += ms;
        return;
      case 'onCall':
        this.onCallMs += ms;
        return;
      case 'wrapUp':
        this.wrapUpMs += ms;
        return;
      case 'notReady': {
        const key = notReadyKey(activity);
        const time = this.notReadyMs.get(key) ?? { ...withoutKind(activity), ms: 0 };
        this.notReadyMs.set(key, { ...time, ms: time.ms + ms });
      }
    }
  }
}

function notReadyKey(activity: Extract<DayActivity, { kind: 'notReady' }>): string {
  return activity.reasonCode ?? '';
}

function withoutKind(activity: Extract<DayActivity, { kind: 'notReady' }>): Omit<NotReadyTime, 'ms'> {
  const { kind: _kind, ...reason } = activity;
  return reason;
}

function sameActivity(a: DayActivity | undefined, b: DayActivity | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'notReady' && b.kind === 'notReady') return a.reasonCode === b.reasonCode;
  return a.kind === b.kind;
}
