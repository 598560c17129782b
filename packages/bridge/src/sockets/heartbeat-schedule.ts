/**
 * When each socket's next heartbeat is due: every `intervalMs` after it joined, then after its last
 * beat. The entries are kept in due order (a Map in insertion order: a socket re-enters at the back
 * with the latest due time), so a tick reads only the sockets due, never every socket.
 *
 * A tick beats at most `max(minPerTick, 2 × sockets / ticksPerInterval)` sockets: after a reconnect
 * storm, when thousands joined at once, the beats spread over the next ticks (each a little late)
 * and stay spread, instead of all falling on one tick every interval.
 */
export class HeartbeatSchedule<T> {
  private readonly due = new Map<T, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly ticksPerInterval: number,
    private readonly minPerTick: number,
  ) {}

  get size(): number {
    return this.due.size;
  }

  add(item: T, now: number): void {
    this.due.delete(item);
    this.due.set(item, now + this.intervalMs);
  }

  delete(item: T): void {
    this.due.delete(item);
  }

  clear(): void {
    this.due.clear();
  }

  /** The items due at `now`, oldest due first, each rescheduled one interval from now. */
  take(now: number): T[] {
    const limit = Math.max(this.minPerTick, Math.ceil((2 * this.due.size) / this.ticksPerInterval));
    const taken: T[] = [];
    for (const [item, at] of this.due) {
      if (at > now || taken.length >= limit) break;
      taken.push(item);
    }
    for (const item of taken) this.add(item, now);
    return taken;
  }
}
