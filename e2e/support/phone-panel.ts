import type { Locator, Page } from '@playwright/test';

/**
 * The customer phone beside Fusion on the demo page (packages/simulators/src/phone): the customer
 * calls a queue, and sees and acts on their calls (Hang up; Answer / Busy / No answer for an agent's
 * outbound call); below, the agent's softphone (the desk phone on a DN: Answer / Hang up).
 */
export class PhonePanel {
  readonly root: Locator;
  readonly feed: Locator;
  readonly customerCalls: Locator;
  readonly softphone: Locator;
  readonly simulatorEvents: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Customer phone' });
    this.feed = this.root.getByRole('status');
    this.customerCalls = this.root.getByRole('region', { name: 'Customer calls' });
    this.softphone = this.root.getByRole('region', { name: 'Agent softphone' });
    this.simulatorEvents = this.root.getByRole('region', { name: 'Simulator events' });
  }

  /** The customer at `from` calls a queue ("Support (8000)"). */
  async call(from: string, queue: string): Promise<void> {
    await this.root.getByLabel('Call from').fill(from);
    await this.root.getByLabel('Number to call').selectOption({ label: queue });
    await this.root.getByRole('button', { name: 'Call', exact: true }).click();
  }

  /** The customer's call with that number on it (the line reads "<status><number> ↔ <peer>"). */
  customerCall(number: string): Locator {
    return this.customerCalls.getByRole('listitem').filter({ hasText: number });
  }

  /** The softphone showing the given DN's calls. */
  async useSoftphoneOf(dn: string): Promise<void> {
    await this.softphone.getByLabel('DN').selectOption(dn);
  }

  /** A call on the softphone, by its state ("Ringing", "Established"). */
  softphoneCall(state: string): Locator {
    return this.softphone.getByRole('listitem').filter({ hasText: state });
  }
}
