/** Records the calls the seed's sample code makes into the toolbar (what Fusion would be told). */
export type SeedCall =
  { name: 'makeAgentAvailable' } | { name: 'incomingCallHandler'; ani: string; eventId: string } | { name: 'callAcceptedHandler'; eventId: string };

export class IntegrationEventsHandler {
  readonly calls: SeedCall[] = [];
  private waiters: Array<() => void> = [];

  makeAgentAvailable(): void {
    this.record({ name: 'makeAgentAvailable' });
  }

  incomingCallHandler(ani: string, eventId: string): void {
    this.record({ name: 'incomingCallHandler', ani, eventId });
  }

  callAcceptedHandler(eventId: string): void {
    this.record({ name: 'callAcceptedHandler', eventId });
  }

  /** Resolves once `count` calls have been recorded. */
  async until(count: number): Promise<SeedCall[]> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.calls.slice(0, count);
  }

  private record(call: SeedCall): void {
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
  }
}
