import type { AgentSnapshot, Command, Snapshot, TServerWireEvent } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import { agentStateCatalog, commandsFor, findState, isRoutingHold, stateOfSwitchAgent } from './agent-states.ts';
import { ContactBook, isLive, type ContactRecord } from './contact-book.ts';
import { buildAgentData, type AgentProfile } from './snapshot-builder.ts';
import type { AgentStateDefinition, SelectableAgentState, StreamsAgentData } from './streams-data.ts';

/**
 * The Amazon Connect service as one agent's CCP sees it, standing on the contact-center simulator:
 * the agent's chosen state, the contacts, and the state the snapshot reports, derived from both.
 *
 * What the snapshot's agent state is:
 *
 * | the agent's contacts                         | state (type)                          |
 * |----------------------------------------------|---------------------------------------|
 * | one connected (or held)                      | Busy (system)                         |
 * | one ringing                                  | PendingBusy (system)                  |
 * | one being dialed                             | CallingCustomer (system)              |
 * | one in after-call work (`ended`)             | AfterCallWork (not_routable)          |
 * | one missed or rejected (`error`)             | MissedCallAgent (error)               |
 * | an outbound call refused (`error`)           | LineEngagedCustomer / FailedConnectCustomer (error) |
 * | none                                         | the chosen state: Available, a custom state, Offline |
 *
 * As in Connect, a contact that ended stays until it is cleared (`clearContact`), and while one stays
 * the agent takes no new calls: the CCP puts the switch's agent NotReady (after-call work) and, once the
 * last one is cleared, back into the state the agent chose. Outbound calls that could not connect and
 * calls the customer abandoned while ringing are cleared by the CCP itself shortly after.
 */

export interface SwitchOutcome {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

export interface AgentServiceOptions {
  readonly profile: AgentProfile;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Send one command to the bridge as this agent. */
  readonly send: (command: Command) => Promise<SwitchOutcome>;
  /** The agent data changed: post a new `agent::update`. */
  readonly onUpdate: () => void;
  /** The switch muted or unmuted the agent's call. */
  readonly onMuteToggle: (muted: boolean) => void;
}

/** How long the CCP shows an outbound call that could not connect, or an abandoned ring, before clearing it. */
export const AUTO_CLEAR_MS = 1500;

const SYSTEM = (name: string): AgentStateDefinition => ({ agentStateARN: null, type: 'system', name });
const ERROR = (name: string): AgentStateDefinition => ({ agentStateARN: null, type: 'error', name });
const BUSY = SYSTEM('Busy');
const PENDING_BUSY = SYSTEM('PendingBusy');
const CALLING_CUSTOMER = SYSTEM('CallingCustomer');
const AFTER_CALL_WORK: AgentStateDefinition = { agentStateARN: null, type: 'not_routable', name: 'AfterCallWork' };

const ERROR_STATES: Partial<Record<NonNullable<ContactRecord['outcome']>, AgentStateDefinition>> = {
  missed: ERROR('MissedCallAgent'),
  rejected: ERROR('MissedCallAgent'),
  busy: ERROR('LineEngagedCustomer'),
  noAnswer: ERROR('FailedConnectCustomer'),
};

const AUTO_CLEARED = new Set<ContactRecord['outcome']>(['abandoned', 'busy', 'noAnswer']);

export class AgentService {
  readonly catalog: readonly SelectableAgentState[];
  readonly contacts: ContactBook;
  private switchAgent: AgentSnapshot;
  private chosen: AgentStateDefinition;
  private visible: { state: AgentStateDefinition; since: number };
  private chosenAt: number;
  /** A hold or restore the CCP has asked the switch for and not yet seen applied. */
  private routingRequest: 'hold' | 'restore' | undefined;
  private readonly autoClears = new Map<string, TimerHandle>();

  constructor(private readonly options: AgentServiceOptions) {
    const { profile, clock } = options;
    this.catalog = agentStateCatalog(profile.customStates);
    this.contacts = new ContactBook(profile.dn, options.newId, (destination) => profile.directory.throughTransferFlow(destination));
    this.switchAgent = { agentId: profile.agentId, dn: profile.dn, registered: false, state: 'LoggedOut' };
    this.chosen = this.byType('offline');
    this.chosenAt = clock.now();
    this.visible = { state: this.chosen, since: this.chosenAt };
  }

  get chosenState(): AgentStateDefinition {
    return this.chosen;
  }

  get visibleState(): AgentStateDefinition {
    return this.visible.state;
  }

  get switchState(): AgentSnapshot {
    return this.switchAgent;
  }

  /** What `agent::update` carries now. */
  data(): StreamsAgentData {
    return buildAgentData({
      profile: this.options.profile,
      catalog: this.catalog,
      visible: this.visible,
      chosen: { state: this.chosen, since: this.chosenAt },
      contacts: this.contacts.all,
      now: this.options.clock.now(),
    });
  }

  /** The bridge opened a fresh session: the switch has nothing for this agent. */
  reset(): void {
    this.switchAgent = { ...this.switchAgent, registered: false, state: 'LoggedOut', workMode: undefined, reasonCode: undefined };
    this.contacts.resync([], this.options.clock.now());
    this.settle();
  }

  applySnapshot(snapshot: Snapshot): void {
    this.switchAgent = snapshot.agent;
    this.contacts.resync(snapshot.calls, this.options.clock.now());
    this.settle();
  }

  applyEvent(event: TServerWireEvent): void {
    const at = this.options.clock.now();
    const agentChanged = this.applyAgentEvent(event);
    const contactChanged = this.contacts.apply(event, at);
    if (event.eventName === 'EventMuteOn' || event.eventName === 'EventMuteOff') this.options.onMuteToggle(event.eventName === 'EventMuteOn');
    if (agentChanged || contactChanged) this.settle();
  }

  /**
   * `putAgentState`: the commands that move the switch's agent there. While a contact lingers the
   * choice is recorded only; it is applied when the last contact is cleared.
   */
  choose(requested: { agentStateARN?: string | null; name?: string }): Command[] | undefined {
    const target = findState(this.catalog, requested);
    if (!target) return undefined;
    if (this.contacts.all.some((contact) => !isLive(contact))) {
      this.setChosen(target);
      this.settle();
      return [];
    }
    return commandsFor(target, this.switchAgent);
  }

  /** `clearContact`: false when the contact is still live (or unknown). */
  clear(contactId: string): boolean {
    const contact = this.contacts.get(contactId);
    if (!contact || isLive(contact)) return false;
    this.autoClears.get(contactId)?.cancel();
    this.autoClears.delete(contactId);
    this.contacts.remove(contactId);
    this.settle();
    return true;
  }

  dispose(): void {
    for (const timer of this.autoClears.values()) timer.cancel();
    this.autoClears.clear();
  }

  private applyAgentEvent(event: TServerWireEvent): boolean {
    const agent = this.switchAgent;
    switch (event.eventName) {
      case 'EventRegistered':
      case 'EventUnregistered':
        this.switchAgent = { ...agent, registered: event.eventName === 'EventRegistered' };
        return true;
      case 'EventAgentLogin':
        this.switchAgent = { ...agent, state: 'NotReady', workMode: 'AuxWork', reasonCode: undefined };
        return true;
      case 'EventAgentLogout':
        this.switchAgent = { ...agent, state: 'LoggedOut', workMode: undefined, reasonCode: undefined };
        return true;
      case 'EventAgentReady':
        this.switchAgent = { ...agent, state: 'Ready', workMode: event.workMode, reasonCode: undefined };
        return true;
      case 'EventAgentNotReady':
        this.switchAgent = { ...agent, state: 'NotReady', workMode: event.workMode, reasonCode: event.reasons?.['ReasonCode'] };
        return true;
      default:
        return false;
    }
  }

  /** After every change: follow the switch's agent, hold or restore routing, derive the visible state, publish. */
  private settle(): void {
    const fromSwitch = stateOfSwitchAgent(this.catalog, this.switchAgent);
    if (fromSwitch) this.setChosen(fromSwitch);
    this.scheduleAutoClears();
    this.steerRouting();
    const next = this.derive();
    if (next.name !== this.visible.state.name || next.type !== this.visible.state.type) {
      this.visible = { state: next, since: this.options.clock.now() };
    }
    this.options.onUpdate();
  }

  private derive(): AgentStateDefinition {
    const newestFirst = [...this.contacts.all].sort((a, b) => b.stateAt - a.stateAt);
    if (newestFirst.some((contact) => contact.state === 'connected')) return BUSY;
    const ringing = newestFirst.find((contact) => contact.state === 'connecting');
    if (ringing) return ringing.direction === 'inbound' ? PENDING_BUSY : CALLING_CUSTOMER;
    for (const contact of newestFirst) {
      if (contact.state === 'ended') return AFTER_CALL_WORK;
      const error = contact.outcome === undefined ? undefined : ERROR_STATES[contact.outcome];
      if (contact.state === 'error' && error) return error;
    }
    return this.chosen;
  }

  private steerRouting(): void {
    const contacts = this.contacts.all;
    const lingering = contacts.some((contact) => !isLive(contact));
    const live = contacts.some(isLive);
    const agent = this.switchAgent;
    if (lingering && !live && agent.state === 'Ready' && this.routingRequest !== 'hold') {
      this.routingRequest = 'hold';
      void this.sendAll([{ type: 'NotReady', workMode: 'AfterCallWork' }]);
    } else if (!lingering && !live && isRoutingHold(agent) && this.routingRequest !== 'restore') {
      this.routingRequest = 'restore';
      void this.sendAll(commandsFor(this.chosen, agent));
    } else if ((this.routingRequest === 'hold' && agent.state !== 'Ready') || (this.routingRequest === 'restore' && !isRoutingHold(agent))) {
      this.routingRequest = undefined;
    }
  }

  private scheduleAutoClears(): void {
    for (const contact of this.contacts.all) {
      if (isLive(contact) || !AUTO_CLEARED.has(contact.outcome) || this.autoClears.has(contact.contactId)) continue;
      const { contactId } = contact;
      this.autoClears.set(
        contactId,
        this.options.clock.setTimer(AUTO_CLEAR_MS, () => {
          this.autoClears.delete(contactId);
          this.clear(contactId);
        }),
      );
    }
  }

  private setChosen(state: AgentStateDefinition): void {
    if (state.name === this.chosen.name) return;
    this.chosen = state;
    this.chosenAt = this.options.clock.now();
  }

  private byType(type: AgentStateDefinition['type']): AgentStateDefinition {
    const state = this.catalog.find((candidate) => candidate.type === type);
    if (!state) throw new Error(`the agent state catalog has no ${type} state`);
    return state;
  }

  private async sendAll(commands: readonly Command[]): Promise<void> {
    for (const command of commands) {
      const outcome = await this.options.send(command);
      if (!outcome.ok) return;
    }
  }
}
