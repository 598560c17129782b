import type { Locator, Page } from '@playwright/test';
import { UefLog } from './uef-log.ts';

/**
 * The Fusion Service simulator as the agent sees it (packages/simulators/src/fusion/ui): the phone
 * icon in the global header with its availability menu, the call panels (incoming-call dialog,
 * dialing panel, engagement, Wrap Up), the contacts with their click-to-dial links, and the event
 * log of every UEF message.
 */
export class FusionPage {
  readonly phoneButton: Locator;
  readonly incomingCall: Locator;
  readonly outboundCall: Locator;
  readonly wrapUp: Locator;
  readonly recentInteractions: Locator;
  readonly contacts: Locator;
  /** Fusion's record tabs (PopOperation opens them). */
  readonly records: Locator;
  readonly uef: UefLog;

  constructor(readonly page: Page) {
    this.phoneButton = page.getByRole('button', { name: /^Phone:/ });
    this.incomingCall = page.getByRole('dialog', { name: 'Incoming call' });
    this.outboundCall = page.getByRole('region', { name: 'Outbound call' });
    this.wrapUp = page.getByRole('form', { name: 'Wrap Up' });
    this.recentInteractions = page.getByRole('list', { name: 'Recent interactions' });
    this.contacts = page.getByRole('region', { name: 'Contacts' });
    this.records = page.getByRole('region', { name: 'Records' });
    this.uef = new UefLog(page);
  }

  /** The engagement panel Fusion opens on startCommEvent, named after the caller. */
  engagement(name: string): Locator {
    return this.page.getByRole('region', { name: `Engagement with ${name}` });
  }

  /** The phone icon's menu: Make available / Make unavailable (onToolbarAgentCommand). */
  async chooseAvailability(item: 'Make available' | 'Make unavailable'): Promise<void> {
    await this.phoneButton.click();
    await this.page.getByRole('menu', { name: 'Phone availability' }).getByRole('menuitem', { name: item }).click();
  }

  /** Click-to-dial on a contact's number (onOutgoingEvent). */
  async callContact(name: string): Promise<void> {
    await this.contacts.getByRole('link', { name: new RegExp(`^Call ${name} at `) }).click();
  }

  /** Type a number in the contacts' dial form and call it (onOutgoingEvent without a contact). */
  async callNumber(number: string): Promise<void> {
    await this.contacts.getByLabel('Phone number').fill(number);
    await this.contacts.getByRole('button', { name: 'Call', exact: true }).click();
  }

  /** Save in the Wrap Up panel (onDataUpdated WRAPUP_CLOSED). */
  async saveWrapUp(disposition: string, notes: string): Promise<void> {
    await this.wrapUp.getByLabel('Disposition').selectOption(disposition);
    await this.wrapUp.getByLabel('Notes').fill(notes);
    await this.wrapUp.getByRole('button', { name: 'Save' }).click();
  }
}
