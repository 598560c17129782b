import type { Agent, Interaction, ServiceFailure, State, WweService } from '@ctikit/service-client';

/**
 * What the sample extension knows, kept up to date the way an Agent Desktop extension would:
 * `system.getAllowedServices` first (is the API reachable, what may this page do), then the agent,
 * its states and the calls, then notifications — the agent's state and each call are updated from
 * the events' own data. Every request's outcome goes to the log, as every event does.
 */

export interface LogEntry {
  readonly id: number;
  readonly kind: 'event' | 'done' | 'failed';
  readonly text: string;
}

export interface SampleView {
  readonly connection: 'connecting' | 'connected' | 'failed';
  readonly connectionDetail?: string;
  readonly allowed: readonly string[];
  readonly agent?: Agent;
  readonly state?: State;
  readonly states: readonly State[];
  readonly interactions: readonly Interaction[];
  readonly log: readonly LogEntry[];
}

const LOG_LENGTH = 60;

type EventMessage = { event: string; data: { eventType: string } & Record<string, unknown> };

export function failureText(failure: unknown): string {
  if (typeof failure === 'string') return failure;
  if (failure instanceof Error) return failure.message;
  return (failure as ServiceFailure | undefined)?.errorMessage ?? String(failure);
}

export class SampleStore {
  private view: SampleView = { connection: 'connecting', allowed: [], states: [], interactions: [], log: [] };
  private readonly listeners = new Set<(view: SampleView) => void>();
  private logCounter = 0;

  constructor(readonly service: WweService) {}

  get current(): SampleView {
    return this.view;
  }

  subscribe(listener: (view: SampleView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reach the toolbar, then load everything and listen. */
  async connect(): Promise<void> {
    this.set({ connection: 'connecting' });
    try {
      const { data: allowed } = await this.service.system.getAllowedServices();
      this.set({ connection: 'connected', allowed });
    } catch (error) {
      this.set({ connection: 'failed', connectionDetail: failureText(error) });
      return;
    }
    this.service.subscribe(['agent', 'interaction', 'media', 'system'], (message: EventMessage) => this.onEvent(message));
    await Promise.all([this.loadAgent(), this.loadInteractions()]);
  }

  /** Run a request, logging how it went; resolves with its data, or undefined when it failed. */
  async run<T>(label: string, request: () => Promise<{ data: T }>): Promise<T | undefined> {
    try {
      const { data } = await request();
      this.log('done', `${label}: done`);
      return data;
    } catch (error) {
      this.log('failed', `${label}: ${failureText(error)}`);
      return undefined;
    }
  }

  private async loadAgent(): Promise<void> {
    const [agent, states, state] = await Promise.all([
      this.run('agent.get', () => this.service.agent.get()),
      this.run('agent.getStateList', () => this.service.agent.getStateList()),
      this.run('agent.getState', () => this.service.agent.getState()),
    ]);
    this.set({
      ...(agent !== undefined ? { agent } : {}),
      ...(state !== undefined ? { state } : {}),
      states: states ?? [],
    });
  }

  private async loadInteractions(): Promise<void> {
    const interactions = await this.run('interaction.getInteractions', () => this.service.interaction.getInteractions());
    if (interactions) this.set({ interactions });
  }

  private onEvent(message: EventMessage): void {
    const { data } = message;
    const interaction = data['interaction'] as Interaction | undefined;
    const about = interaction ? ` ${interaction.interactionId} (${interaction.state})` : '';
    const detail =
      data['mediaState'] !== undefined
        ? ` ${String(data['mediaState'])}`
        : data['buttonId'] !== undefined
          ? ` ${String(data['toastId'])} ${String(data['buttonId'])}`
          : '';
    this.log('event', `${message.event} ${data.eventType}${about}${detail}`);
    if (message.event === 'agent' && data.eventType === 'STATE_CHANGED') {
      void this.run('agent.getState', () => this.service.agent.getState()).then((state) => state && this.set({ state }));
    }
    if (message.event === 'interaction' && interaction) {
      const others = this.view.interactions.filter((known) => known.interactionId !== interaction.interactionId);
      this.set({ interactions: data.eventType === 'REMOVED' ? others : [...others, interaction].sort((a, b) => a.startDate - b.startDate) });
    }
  }

  private log(kind: LogEntry['kind'], text: string): void {
    this.set({ log: [{ id: ++this.logCounter, kind, text }, ...this.view.log].slice(0, LOG_LENGTH) });
  }

  private set(change: Partial<SampleView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of [...this.listeners]) listener(this.view);
  }
}
