import { z } from '../platform/schema.ts';
import type { StorageLike } from '../platform/storage.ts';
import type { TokenRecord } from './uef-responses.ts';

/**
 * What Fusion knows of each interaction the toolbar reported: the data to carry from newComm into
 * startComm and closeComm (Fusion's contract: the later inData matches the newComm outData), and
 * how far the interaction got in Fusion. Kept in sessionStorage so that a reload of the toolbar
 * during a call neither re-offers the call to Fusion nor loses the newComm data.
 */
export interface CommRecord {
  /** inData for the next comm event: what the toolbar sent to newComm plus every outData since. */
  data: TokenRecord;
  /** newCommEvent was published. */
  offered: boolean;
  /** startCommEvent was published. */
  started: boolean;
  /** closeCommEvent(WRAPUP) was published: Fusion's Wrap Up is open until WRAPUP_CLOSED. */
  inWrapUp: boolean;
  /** Fusion timed the offer out (OFFER_TIMEOUT): the close reason is TIMEOUT, not REJECT. */
  timedOut: boolean;
  /** The dial came from Fusion's click-to-dial (onOutgoingEvent). */
  clickToDial: boolean;
  /** The record the call's attached data names was opened in Fusion (screen pop), or tried. */
  popped: boolean;
}

const KEY = 'ctikit.fusion.comms';

export class CommLedger {
  private readonly records: Map<string, CommRecord>;

  constructor(private readonly storage: StorageLike) {
    this.records = new Map(load(storage));
  }

  get(eventId: string): CommRecord | undefined {
    return this.records.get(eventId);
  }

  /** Create or update a record, and persist. */
  update(eventId: string, change: Partial<CommRecord>): CommRecord {
    const current = this.records.get(eventId) ?? {
      data: {},
      offered: false,
      started: false,
      inWrapUp: false,
      timedOut: false,
      clickToDial: false,
      popped: false,
    };
    const next = { ...current, ...change, data: { ...current.data, ...change.data } };
    this.records.set(eventId, next);
    this.save();
    return next;
  }

  delete(eventId: string): void {
    if (this.records.delete(eventId)) this.save();
  }

  /** The interactions Fusion has an engagement or offer for. */
  activeEventIds(): string[] {
    return [...this.records].filter(([, record]) => record.offered).map(([eventId]) => eventId);
  }

  private save(): void {
    try {
      this.storage.setItem(KEY, JSON.stringify([...this.records]));
    } catch {
      // A full or unavailable storage only costs the reload case; the live session goes on.
    }
  }
}

const storedSchema = z.array(
  z.tuple([
    z.string(),
    z.object({
      data: z.record(z.string(), z.string()),
      offered: z.boolean(),
      started: z.boolean(),
      inWrapUp: z.boolean(),
      timedOut: z.boolean(),
      clickToDial: z.boolean(),
      popped: z._default(z.boolean(), false),
    }),
  ]),
);

function load(storage: StorageLike): Array<[string, CommRecord]> {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
