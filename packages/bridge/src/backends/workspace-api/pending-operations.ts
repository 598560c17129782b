import { randomUUID } from 'node:crypto';
import { CtiError } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { RequestOutcome, TServerRequest } from '@ctikit/contact-center';
import { callsOf } from './request-completion.ts';
import type { Completion, Observation } from './request-completion.ts';

/**
 * Requests sent and not yet done, in the order they were sent, each with the operationId the
 * backend gave it and the change that completes it (request-completion.ts). A request settles on
 * the first observation that completes it, or on a notification echoing its operationId (a
 * shortcut, when the server echoes), or fails on an EventError, or after the timeout with
 * REQUEST_TIMEOUT. The last settled requests are remembered too: an operation's later
 * notifications (the second leg a transfer releases) still tell which request caused them.
 */
export interface PendingOperation {
  readonly operationId: string;
  readonly request: TServerRequest;
  readonly completion: Completion;
  /** An activation that has not announced the DN's registration yet. */
  announceRegistration: boolean;
}

interface Entry extends PendingOperation {
  resolve(outcome: RequestOutcome): void;
  reject(error: CtiError): void;
  timer: TimerHandle;
}

const REMEMBERED = 64;
/** Requests whose effect reaches more than one leg, some after the request settled. */
const LATER_LEGS: ReadonlySet<string> = new Set(['RequestSingleStepTransfer', 'RequestCompleteTransfer', 'RequestCompleteConference']);

export class PendingOperations {
  private readonly entries = new Map<string, Entry>();
  private readonly settled = new Map<string, TServerRequest>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  start(request: TServerRequest, completion: Completion, announceRegistration = false): { operationId: string; result: Promise<RequestOutcome> } {
    const operationId = randomUUID();
    const result = new Promise<RequestOutcome>((resolve, reject) => {
      const timer = this.clock.setTimer(this.timeoutMs, () =>
        this.fail(
          operationId,
          new CtiError('REQUEST_TIMEOUT', `The Workspace API reported no ${completion.awaits} after ${request.request} within ${this.timeoutMs} ms.`),
        ),
      );
      this.entries.set(operationId, { operationId, request, completion, announceRegistration, resolve, reject, timer });
    });
    // The caller awaits `result` after the HTTP exchange; a report that comes first must not count as unhandled.
    result.catch(() => undefined);
    return { operationId, result };
  }

  get(operationId: string | undefined): PendingOperation | undefined {
    return operationId === undefined ? undefined : this.entries.get(operationId);
  }

  /** The first pending registration (activation) still to announce. */
  activation(): PendingOperation | undefined {
    return [...this.entries.values()].find((entry) => entry.announceRegistration);
  }

  /**
   * The request a notification stems from: the one whose operationId it echoes, else the oldest
   * pending (then the latest settled) request acting on one of its calls, else, for a DN
   * notification, the oldest pending request waiting for the DN's state.
   */
  causeOf(operationId: string | undefined, connectionIds: readonly string[] | undefined): TServerRequest | undefined {
    const echoed = operationId === undefined ? undefined : (this.entries.get(operationId)?.request ?? this.settled.get(operationId));
    if (echoed) return echoed;
    const actsOn = (request: TServerRequest): boolean => callsOf(request).some((id) => connectionIds?.includes(id));
    if (connectionIds === undefined) {
      return [...this.entries.values()].find((entry) => entry.completion.on === 'dn')?.request;
    }
    const pending = [...this.entries.values()].find((entry) => actsOn(entry.request))?.request;
    return pending ?? [...this.settled.values()].reverse().find((request) => LATER_LEGS.has(request.request) && actsOn(request));
  }

  /** The pending request a call new to the DN completes (MakeCall, a consultation): its cause when no echo or ConnID names one. */
  creatorOf(observation: Observation): TServerRequest | undefined {
    return [...this.entries.values()].find((entry) => entry.completion.newCall && entry.completion.completes?.(observation))?.request;
  }

  /** Settle every pending request the observation completes; a new call's ConnID is their outcome. */
  observe(observation: Observation, newConnectionId?: string): void {
    for (const entry of [...this.entries.values()]) {
      if (!entry.completion.completes?.(observation)) continue;
      this.settle(entry.operationId, entry.completion.newCall && newConnectionId !== undefined ? { connectionId: newConnectionId } : {});
      // A new call completes one request only: the oldest that waits for one.
      if (entry.completion.newCall) break;
    }
  }

  settle(operationId: string, outcome: RequestOutcome): void {
    const entry = this.take(operationId);
    entry?.resolve(outcome);
  }

  fail(operationId: string, error: CtiError): void {
    const entry = this.take(operationId);
    entry?.reject(error);
  }

  /** An EventError that names no operation: it answers the oldest request still waiting. */
  failOldest(error: CtiError): boolean {
    const oldest = [...this.entries.values()].find((entry) => entry.completion.on !== 'answer');
    if (!oldest) return false;
    this.fail(oldest.operationId, error);
    return true;
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
