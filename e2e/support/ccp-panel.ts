import type { FrameLocator, Locator, Page } from '@playwright/test';

/**
 * The simulated Amazon Connect CCP (packages/simulators/src/ccp) inside the toolbar on
 * `vendor=amazon`: what Amazon Connect says of the agent and of its contacts, and its session
 * controls. The toolbar keeps the CCP laid out but hidden, so roles are looked up among hidden nodes.
 */
export class CcpPanel {
  readonly frame: FrameLocator;
  readonly agentState: Locator;
  readonly session: Locator;
  readonly contacts: Locator;

  constructor(page: Page) {
    this.frame = page.frameLocator('iframe[title="Media toolbar"]').frameLocator('iframe[name="Amazon Connect CCP"]');
    this.agentState = this.frame.getByLabel('Agent state');
    this.session = this.frame.getByLabel('Session');
    this.contacts = this.frame.getByRole('region', { name: 'Contacts', includeHidden: true });
  }

  /**
   * The agent's Amazon Connect session expires (the CCP's control; the embedding page keeps the CCP
   * out of sight, so the click is dispatched rather than made with the pointer).
   */
  async expireSession(): Promise<void> {
    await this.frame.getByRole('button', { name: 'Expire session', includeHidden: true }).dispatchEvent('click');
  }
}
