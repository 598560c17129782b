import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';

/**
 * What went over UEF, read from the Fusion simulator's event log: every message between the toolbar
 * and Fusion, as the integrator sees it on the page (each entry expands to its JSON payload). The
 * tests read the operations the toolbar published to Fusion and the events Fusion sent back.
 */

const tokens = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** A toolbar publish as the UEF wire carries it (packages/simulators/src/wire/uef-message.ts). */
const publishSchema = z.object({
  type: z.literal('publish'),
  method: z.string(),
  data: z.looseObject({
    eventId: z.string().optional(),
    appClassification: z.string().optional(),
    reason: z.string().nullable().optional(),
    inData: tokens.optional(),
    isAvailable: z.boolean().optional(),
    isLoggedIn: z.boolean().optional(),
    stateDisplayString: z.string().optional(),
    reasonDisplayString: z.string().nullable().optional(),
    commUuid: z.string().optional(),
    errorCode: z.string().optional(),
    errorMsg: z.string().optional(),
  }),
});
export type Published = z.infer<typeof publishSchema>;

/** An event Fusion sent to the toolbar. */
const eventSchema = z.object({
  type: z.literal('event'),
  method: z.string(),
  data: z.looseObject({ eventId: z.string().optional(), command: z.string().optional(), outData: z.record(z.string(), z.unknown()).optional() }),
});
export type FusionEvent = z.infer<typeof eventSchema>;

interface RawEntry {
  direction: string;
  payload: string | undefined;
}

export class UefLog {
  readonly entries: Locator;

  constructor(page: Page) {
    this.entries = page.getByRole('list', { name: 'Event log' }).getByRole('listitem');
  }

  /** Every entry, oldest first: the direction as the log says it and the payload's JSON text. */
  private async raw(): Promise<RawEntry[]> {
    const newestFirst = await this.entries.evaluateAll((items) =>
      items.map((item) => ({
        direction: item.querySelector('summary')?.textContent ?? '',
        payload: item.querySelector('pre')?.textContent ?? undefined,
      })),
    );
    return newestFirst.reverse();
  }

  /** The operations the toolbar published to Fusion, oldest first; only `method` ones when given. */
  async published(method?: string): Promise<Published[]> {
    const messages = (await this.raw())
      .filter((entry) => entry.direction.includes('Toolbar → Fusion') && entry.payload !== undefined)
      .map((entry) => JSON.parse(entry.payload ?? '') as unknown)
      .filter((message): message is { type: 'publish' } => (message as { type?: unknown }).type === 'publish')
      .map((message) => publishSchema.parse(message));
    return method === undefined ? messages : messages.filter((message) => message.method === method);
  }

  /** The comm events (new/start/close) of one interaction, in order, as `method` or `method REASON`. */
  async commEvents(eventId: string): Promise<string[]> {
    return (await this.published())
      .filter((message) => message.method.endsWith('CommEvent') && message.data.eventId === eventId)
      .map((message) => (message.data.reason ? `${message.method} ${message.data.reason}` : message.method));
  }

  /** The comm events of every interaction, in order, as `method eventId [REASON]`. */
  async allCommEvents(): Promise<string[]> {
    return (await this.published())
      .filter((message) => message.method.endsWith('CommEvent'))
      .map((message) => [message.method, message.data.eventId, message.data.reason].filter(Boolean).join(' '));
  }

  /** The newest publish of `method`; throws when there is none (use after waiting for it). */
  async last(method: string): Promise<Published> {
    const all = await this.published(method);
    const last = all.at(-1);
    if (!last) throw new Error(`Fusion received no ${method}`);
    return last;
  }

  /** The events Fusion sent to the toolbar, oldest first; only `method` ones when given. */
  async sent(method?: string): Promise<FusionEvent[]> {
    const messages = (await this.raw())
      .filter((entry) => entry.direction.includes('Fusion → Toolbar') && entry.payload !== undefined)
      .map((entry) => JSON.parse(entry.payload ?? '') as unknown)
      .filter((message): message is { type: 'event' } => (message as { type?: unknown }).type === 'event')
      .map((message) => eventSchema.parse(message));
    return method === undefined ? messages : messages.filter((message) => message.method === method);
  }

  /** The `updateType`s of the onDataUpdated events Fusion sent for one interaction. */
  async dataUpdates(eventId: string): Promise<string[]> {
    return (await this.sent('onDataUpdated')).filter((event) => event.data.eventId === eventId).map((event) => String(event.data.outData?.updateType ?? ''));
  }
}
