import { CtiError } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';

/**
 * A rolling restart's drain (SIGTERM): from `start()` the node takes no new command or socket
 * (NODE_DRAINING, 503, on the connections already open; its port is closed, so the load balancer
 * sends new ones to another node) and `/healthz` says `draining`; `settled()` resolves once the commands in flight have finished, or after the timeout.
 */
export class Drain {
  private active = false;
  private inFlight = 0;
  private idle: Array<() => void> = [];

  constructor(private readonly clock: Clock) {}

  get draining(): boolean {
    return this.active;
  }

  /** Throws NODE_DRAINING once draining. */
  assertOpen(): void {
    if (this.active) throw new CtiError('NODE_DRAINING');
  }

  /** A command starts; the returned function says it finished. */
  enter(): () => void {
    this.inFlight += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idle.splice(0)) wake();
    };
  }

  start(): void {
    this.active = true;
  }

  settled(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.clock.setTimer(timeoutMs, () => resolve());
      this.idle.push(() => {
        timer.cancel();
        resolve();
      });
    });
  }
}
