import type { FrameLocator, Locator, Page } from '@playwright/test';

/**
 * The media toolbar (packages/toolbar/src/ui) in English, framed by Fusion or open on its own page:
 * the header (connection, agent state and its controls) and one card per call, found by the names
 * the components give them.
 */
export class ToolbarView {
  readonly connection: Locator;
  readonly agentState: Locator;
  /** The agent's state as the header says it ("Available", "Not ready: Lunch", "Logged out"). */
  readonly agentStateText: Locator;
  readonly incomingCall: Locator;
  readonly currentCall: Locator;
  readonly outgoingCall: Locator;
  readonly wrapUp: Locator;
  readonly errors: Locator;

  constructor(readonly root: FrameLocator | Page) {
    this.connection = root.getByRole('status', { name: 'Connection', exact: true });
    this.agentState = root.getByRole('region', { name: 'Agent state' });
    this.agentStateText = this.agentState.getByRole('paragraph');
    this.incomingCall = root.getByRole('region', { name: 'Incoming call' });
    this.currentCall = root.getByRole('region', { name: 'Current call' });
    this.outgoingCall = root.getByRole('region', { name: 'Outgoing call' });
    this.wrapUp = root.getByRole('region', { name: 'Wrap-up' });
    this.errors = root.getByRole('region', { name: 'Errors' });
  }

  async goAvailable(): Promise<void> {
    await this.agentState.getByRole('button', { name: 'Go available' }).click();
  }

  /** Go not ready (or Change reason when already not ready) and pick the reason. */
  async goNotReady(reason: string): Promise<void> {
    await this.agentState.getByRole('button', { name: /^(Go not ready|Change reason)$/ }).click();
    await this.agentState.getByRole('menu').getByRole('menuitem', { name: reason }).click();
  }

  async logOut(): Promise<void> {
    await this.agentState.getByRole('button', { name: 'Log out' }).click();
  }

  /** A call-control button of the current call (Hold, Resume, Mute, Record, Hang up…). */
  control(name: string): Locator {
    return this.currentCall.getByRole('button', { name, exact: true });
  }
}
