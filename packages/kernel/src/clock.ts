/**
 * The one clock abstraction for timers (offer/ring timeout, wrap-up timeout, outbound no-answer):
 * the simulator never calls setTimeout or Date.now directly, so tests drive time by hand.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimer(delayMs: number, callback: () => void): TimerHandle;
}

/** The host's timers: the browser's and Node's alike (this package assumes neither platform). */
interface HostTimers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(timer: unknown): void;
}

const hostTimers = globalThis as unknown as HostTimers;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const timer = hostTimers.setTimeout(callback, delayMs);
    return { cancel: () => hostTimers.clearTimeout(timer) };
  },
};

/** A clock that moves only when told to: `advance(ms)` fires due timers in time order. */
export class ManualClock implements Clock {
  private current: number;
  private timers: Array<{ at: number; id: number; callback: () => void }> = [];
  private nextId = 0;

  constructor(start = 1_700_000_000_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ at: this.current + Math.max(0, delayMs), id, callback });
    return { cancel: () => (this.timers = this.timers.filter((t) => t.id !== id)) };
  }

  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.current = due.at;
      due.callback();
    }
    this.current = until;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
