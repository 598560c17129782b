import { randomUUID } from 'node:crypto';
import { CtiError } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { RequestOutcome, TServerRequest } from '@ctikit/contact-center';

/**
 * Requests sent and not yet answered, by operationId. The Workspace API accepts an operation over
 * HTTP and reports its outcome later as notifications carrying the operationId (or an EventError
 * with it); a request settles on that report, like PSDK's `request()` settles on the correlated
 * T-Server event. An operation unanswered after the timeout fails with REQUEST_TIMEOUT. The requests
 * of the last settled operations are remembered too: an operation's later notifications (the second
 * leg a transfer releases) still tell which request caused them.
 */
export interface PendingOperation {
  readonly operationId: string;
  readonly request: TServerRequest;
  readonly outcome: 'accepted' | 'newCall';
  /** An activation that has not announced the DN's registration yet. */
  announceRegistration: boolean;
}

interface Entry extends PendingOperation {
  resolve(outcome: RequestOutcome): void;
  reject(error: CtiError): void;
  timer: TimerHandle;
}

const REMEMBERED = 64;

export class PendingOperations {
  private readonly entries = new Map<string, Entry>();
  private readonly settled = new Map<string, TServerRequest>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  start(request: TServerRequest, outcome: PendingOperation['outcome'], announceRegistration = false): { operationId: string; result: Promise<RequestOutcome> } {
    const operationId = randomUUID();
    const result = new Promise<RequestOutcome>((resolve, reject) => {
      const timer = this.clock.setTimer(this.timeoutMs, () =>
        this.fail(operationId, new CtiError('REQUEST_TIMEOUT', `The Workspace API reported no outcome of ${request.request} within ${this.timeoutMs} ms.`)),
      );
      this.entries.set(operationId, { operationId, request, outcome, announceRegistration, resolve, reject, timer });
    });
    // The caller awaits `result` after the HTTP exchange; a report that comes first must not count as unhandled.
    result.catch(() => undefined);
    return { operationId, result };
  }

  get(operationId: string | undefined): PendingOperation | undefined {
    return operationId === undefined ? undefined : this.entries.get(operationId);
  }

  /** The request an operationId belongs to, pending or settled lately. */
  requestOf(operationId: string | undefined): TServerRequest | undefined {
    if (operationId === undefined) return undefined;
    return this.entries.get(operationId)?.request ?? this.settled.get(operationId);
  }

  settle(operationId: string, outcome: RequestOutcome): void {
    const entry = this.take(operationId);
    entry?.resolve(outcome);
  }

  fail(operationId: string, error: CtiError): void {
    const entry = this.take(operationId);
    entry?.reject(error);
  }

  failAll(error: CtiError): void {
    for (const operationId of [...this.entries.keys()]) this.fail(operationId, error);
  }

  private take(operationId: string): Entry | undefined {
    const entry = this.entries.get(operationId);
    if (!entry) return undefined;
    this.entries.delete(operationId);
    entry.timer.cancel();
    this.settled.set(operationId, entry.request);
    if (this.settled.size > REMEMBERED) this.settled.delete(this.settled.keys().next().value as string);
    return entry;
  }
}
