import { Emitter, type Listener } from './emitter.ts';
import { silentLogger, type Logger } from './logger.ts';

/**
 * What the CRM found out about an interaction's customer (Fusion's reverse lookup on newCommEvent,
 * or CUSTOMER_DATA later). The CRM adapter writes it; views read it beside the vendor's facts. It
 * is kept apart from the workspace model because it is not the vendor's to report.
 */
export interface CrmContact {
  readonly contactId?: string;
  readonly name?: string;
  readonly organization?: string;
}

export class CrmContacts {
  private readonly byEventId = new Map<string, CrmContact>();
  private readonly emitter: Emitter<{ changed: { eventId: string; contact: CrmContact | undefined } }>;

  constructor(logger: Logger = silentLogger) {
    this.emitter = new Emitter(logger);
  }

  get(eventId: string): CrmContact | undefined {
    return this.byEventId.get(eventId);
  }

  set(eventId: string, contact: CrmContact): void {
    this.byEventId.set(eventId, { ...this.byEventId.get(eventId), ...contact });
    this.emitter.emit('changed', { eventId, contact: this.byEventId.get(eventId) });
  }

  delete(eventId: string): void {
    if (this.byEventId.delete(eventId)) this.emitter.emit('changed', { eventId, contact: undefined });
  }

  onChange(listener: Listener<{ eventId: string; contact: CrmContact | undefined }>): () => void {
    return this.emitter.on('changed', listener);
  }
}
