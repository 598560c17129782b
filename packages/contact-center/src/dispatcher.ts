import type { PortEvent, PortEventListener } from './port.ts';

/**
 * Delivers events to the listeners of their DN (`thisDN`) and to the listeners of every event.
 *
 * Events emitted while the engine is changing state are held and delivered in order once the change
 * is complete, so a listener that sends a request from inside its callback sees a consistent world,
 * and the events that request causes follow the ones already held. A listener that throws is skipped:
 * it never stops the other listeners or the engine.
 */
export class EventDispatcher {
  private readonly byDn = new Map<string, Set<PortEventListener>>();
  private readonly everyEvent = new Set<PortEventListener>();
  private pending: PortEvent[] = [];
  private flushing = false;

  subscribe(dn: string, listener: PortEventListener): () => void {
    let listeners = this.byDn.get(dn);
    if (!listeners) {
      listeners = new Set();
      this.byDn.set(dn, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.byDn.get(dn);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.byDn.delete(dn);
    };
  }

  subscribeAll(listener: PortEventListener): () => void {
    this.everyEvent.add(listener);
    return () => {
      this.everyEvent.delete(listener);
    };
  }

  /** Queue an event; `flush` delivers it. */
  emit(event: PortEvent): void {
    this.pending.push(event);
  }

  /** Deliver every queued event, including those queued by listeners meanwhile. Re-entrant calls return at once. */
  flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let index = 0; index < this.pending.length; index++) {
        const event = this.pending[index] as PortEvent;
        deliver(this.byDn.get(event.thisDN), event);
        deliver(this.everyEvent, event);
      }
    } finally {
      this.pending = [];
      this.flushing = false;
    }
  }

  clear(): void {
    this.byDn.clear();
    this.everyEvent.clear();
    this.pending = [];
  }
}

function deliver(listeners: Set<PortEventListener> | undefined, event: PortEvent): void {
  if (!listeners) return;
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // A faulty listener is its owner's problem; the others and the engine carry on.
    }
  }
}
