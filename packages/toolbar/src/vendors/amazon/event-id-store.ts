import { z } from '../../platform/schema.ts';
import type { Logger } from '../../core/logger.ts';

/**
 * Keeps, across a reload of the toolbar's page, the eventIds Amazon Connect cannot give back: those
 * of the calls the agent placed for Fusion (click-to-dial), which take Fusion's id rather than their
 * contactId. A reload during such a call resyncs it under the same eventId. Session storage: the ids
 * live as long as the tab.
 */

const KEY = 'ctikit.amazon.eventIds';
const savedSchema = z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(200)));

export type IdStorage = Pick<Storage, 'getItem' | 'setItem'>;

export class EventIdStore {
  private saved = '{}';

  constructor(
    private readonly storage: IdStorage | undefined,
    private readonly log: Logger,
  ) {}

  /** contactId → eventId, as saved before the reload. */
  load(): Record<string, string> {
    let json: unknown;
    try {
      json = JSON.parse(this.storage?.getItem(KEY) ?? '{}');
    } catch {
      return {};
    }
    const saved = savedSchema.safeParse(json);
    return saved.success ? saved.data : {};
  }

  save(ids: Readonly<Record<string, string>>): void {
    const text = JSON.stringify(ids);
    if (text === this.saved) return;
    this.saved = text;
    try {
      this.storage?.setItem(KEY, text);
    } catch (error) {
      this.log.warn({ err: error }, 'the eventIds of placed calls could not be kept for a reload');
    }
  }
}
