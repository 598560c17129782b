import { expect } from 'vitest';
import type { TServerEventName } from '@ctikit/protocol';
import type { ContactCenterPort, PortEvent, PortEventOf } from '@ctikit/contact-center';

/**
 * Every event a port delivers for some DNs, in order, with a cursor per DN. A backend may deliver
 * events synchronously (the simulator) or later (over the network): `expectNext` waits for the
 * DN's next events and asserts exactly their names, so each step of a test states what it caused
 * and anything unexpected shows up in the next step. Waiting is bounded by the test timeout only.
 */
export class EventLog {
  private readonly events = new Map<string, PortEvent[]>();
  private readonly cursors = new Map<string, number>();
  private readonly unsubscribes: Array<() => void> = [];
  private waiters: Array<() => void> = [];

  constructor(port: ContactCenterPort, dns: readonly string[]) {
    for (const dn of dns) {
      this.events.set(dn, []);
      this.cursors.set(dn, 0);
      this.unsubscribes.push(
        port.subscribe(dn, (event) => {
          this.events.get(dn)?.push(event);
          for (const wake of this.waiters.splice(0)) wake();
        }),
      );
    }
  }

  /** The DN's next events: exactly these names, in this order. */
  async expectNext<const N extends readonly TServerEventName[]>(dn: string, names: N): Promise<{ -readonly [K in keyof N]: PortEventOf<N[K]> }> {
    const start = this.cursor(dn);
    while (this.list(dn).length < start + names.length) await this.arrival();
    const taken = this.list(dn).slice(start, start + names.length);
    this.cursors.set(dn, start + names.length);
    expect(
      taken.map((event) => event.eventName),
      `events on DN ${dn}`,
    ).toEqual(names);
    return taken as { -readonly [K in keyof N]: PortEventOf<N[K]> };
  }

  /** The DN's next event, which must be `name`. */
  async next<N extends TServerEventName>(dn: string, name: N): Promise<PortEventOf<N>> {
    const [event] = await this.expectNext(dn, [name]);
    return event as PortEventOf<N>;
  }

  /** Skip the DN's events up to and including the first that matches. */
  async skipTo<E extends PortEvent>(dn: string, match: (event: PortEvent) => event is E): Promise<E>;
  async skipTo(dn: string, match: (event: PortEvent) => boolean): Promise<PortEvent>;
  async skipTo(dn: string, match: (event: PortEvent) => boolean): Promise<PortEvent> {
    for (;;) {
      const list = this.list(dn);
      for (let index = this.cursor(dn); index < list.length; index++) {
        const event = list[index] as PortEvent;
        if (match(event)) {
          this.cursors.set(dn, index + 1);
          return event;
        }
      }
      this.cursors.set(dn, list.length);
      await this.arrival();
    }
  }

  /** Events delivered for the DN so far, past the cursor (for assertions that nothing else came). */
  unread(dn: string): PortEvent[] {
    return this.list(dn).slice(this.cursor(dn));
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private list(dn: string): PortEvent[] {
    const list = this.events.get(dn);
    if (!list) throw new Error(`The event log does not follow DN ${dn}.`);
    return list;
  }

  private cursor(dn: string): number {
    return this.cursors.get(dn) ?? 0;
  }

  private arrival(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
