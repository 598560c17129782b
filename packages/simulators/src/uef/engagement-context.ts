import type { Payload } from '../wire/uef-message.ts';
import { PHONE_CHANNEL, PHONE_CHANNEL_TYPE } from '../wire/uef-message.ts';
import type { HostConnection } from './connection.ts';
import { ObjectContext, TabContext, tabsOf, UefContext } from './contexts.ts';
import { outDataAccessor, outDataOf, type OutDataAccessor } from './responses.ts';

/**
 * IEngagementContext, from startCommEvent's response (`getResponseData().getEngagementContext()`,
 * uef.md §3.6): the engagement Fusion opened for the call, its data, and the tab it is shown in —
 * the tab active after the engagement's screen pop.
 */

/** IMcaEngagementData. */
export class EngagementData {
  constructor(
    private readonly data: Payload,
    private readonly engagementId: string,
  ) {}

  getData(): Payload {
    return this.data;
  }
  getOutData(): Payload {
    return outDataOf(this.data);
  }
  getOutputData(): OutDataAccessor {
    return outDataAccessor(outDataOf(this.data));
  }
  getEngagementId(): string {
    return this.engagementId;
  }
}

export class EngagementContext extends UefContext {
  constructor(
    connection: HostConnection,
    private readonly engagementId: string,
    private readonly data: Payload,
  ) {
    super(connection, { kind: 'engagement', engagementId });
  }

  getChannelType(): string {
    return PHONE_CHANNEL_TYPE;
  }
  getChannel(): string {
    return PHONE_CHANNEL;
  }
  getEngagementId(): string {
    return this.engagementId;
  }
  getEngagementData(): EngagementData {
    return new EngagementData(this.data, this.engagementId);
  }
  async getTabContext(): Promise<TabContext> {
    const { tabs, activeTabId } = await tabsOf(this.connection);
    const tab = tabs.find((candidate) => candidate.tabId === activeTabId);
    return new TabContext(this.connection, tab ?? { tabId: `engagement-${this.engagementId}`, type: 'MSI_TAB', records: [] });
  }
  protected override objectContext(): ObjectContext {
    return new ObjectContext('Engagement', this.engagementId);
  }
}
