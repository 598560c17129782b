import { WebSocket } from 'ws';
import { inParallel, percentiles, sleep, wallClockMs } from './support.ts';

/**
 * The call-center load `bench:bridge` puts on a server with the bridge's REST shape (the bridge
 * itself, or the raw `node:http` + `ws` baseline): one socket per agent; inbound calls placed with
 * `POST /sim/calls`; each agent accepts its ringing call (`POST /genesys/events` Accept) and hangs
 * up once it is established. A step places calls at one rate for some seconds and reports what the
 * clients saw.
 */

/**
 * What a sustained step must show (issue 17): ring p99 end to end, delivery, and every call
 * released soon after. RING_P99_MS relaxes the latency bound for a machine busy with other work
 * (the summary prints the bound used).
 */
export const SUSTAINED = { ringP99Ms: Number(process.env['RING_P99_MS'] ?? 10), delivered: 0.95, releasedWithinMs: 2_000 } as const;

export interface StepResult {
  callsPerSecond: number;
  placed: number;
  /** EventRinging received / calls placed. */
  delivered: number;
  /** Calls released by `SUSTAINED.releasedWithinMs` after the last was placed. */
  released: number;
  /** Control request sent → EventRinging received by the agent's client. */
  endToEnd: { p50: number; p95: number; p99: number };
  /** The frame's own timestamp (set when the server wrote it) → received. */
  published: { p50: number; p95: number; p99: number };
  acceptToEstablished: { p50: number; p95: number; p99: number };
  /** Frames the clients received by the release deadline, per second of placing calls. */
  eventsPerSecond: number;
  frames: number;
  /** Frames received by the end of the step's drain (what the server's CPU over the step paid for). */
  framesTotal: number;
  ringBytes: number;
  failedRequests: number;
  sustained: boolean;
}

interface Frame {
  eventName?: string;
  timestamp?: number;
  connectionId?: string;
  ANI?: string;
}

export class CallLoad {
  private readonly sockets: WebSocket[] = [];
  private placedAt = new Map<string, number>();
  private acceptAt = new Map<string, number>();
  private step = CallLoad.emptyStep();
  private calls = 0;

  constructor(
    private readonly url: string,
    private readonly queue: string,
  ) {}

  /** Open one socket per agent; resolves when every socket is open. */
  async connect(agentIds: string[], onFrame: (agentId: string, frame: Frame) => void = () => undefined): Promise<void> {
    await inParallel(agentIds, 100, async (agentId) => {
      const ws = new WebSocket(`${this.url.replace('http', 'ws')}/genesysWs?agentId=${agentId}`, { perMessageDeflate: false });
      this.sockets.push(ws);
      ws.on('message', (data: Buffer) => {
        const receivedAt = wallClockMs();
        const frame = JSON.parse(String(data)) as Frame;
        this.onFrame(agentId, frame, receivedAt, data.length);
        onFrame(agentId, frame);
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    });
  }

  post(path: string, body: unknown, agentId?: string): Promise<void> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(agentId ? { 'x-agent-id': agentId } : {}) },
      body: JSON.stringify(body),
    }).then(
      async (response) => {
        if (!response.ok) this.step.failedRequests++;
        await response.body?.cancel();
      },
      () => {
        this.step.failedRequests++;
      },
    );
  }

  /** Place `callsPerSecond` calls a second for `seconds`, then wait for them to be released. */
  async run(callsPerSecond: number, seconds: number): Promise<StepResult> {
    this.step = CallLoad.emptyStep();
    const step = this.step;
    const total = Math.round(callsPerSecond * seconds);
    const requests: Array<Promise<void>> = [];
    const started = performance.now();
    let placed = 0;
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * callsPerSecond));
        for (; placed < due; placed++) {
          const from = `415${String(1_000_000 + (this.calls++ % 8_000_000)).padStart(7, '0')}`;
          this.placedAt.set(from, wallClockMs());
          requests.push(this.post('/sim/calls', { from, to: this.queue }));
        }
        if (placed >= total) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    const placingSeconds = (performance.now() - started) / 1000;
    const releaseBy = performance.now() + SUSTAINED.releasedWithinMs;
    await Promise.all(requests);
    while (step.released < total && performance.now() < releaseBy) await sleep(5);
    const releasedInTime = step.released;
    const framesInStep = step.frames;
    // Let a backlog finish before the next step (it does not count for this one).
    const drainBy = performance.now() + 20_000;
    while (step.released < total && performance.now() < drainBy) await sleep(20);
    this.placedAt.clear();
    this.acceptAt.clear();
    const endToEnd = percentiles(step.endToEnd);
    const result: StepResult = {
      callsPerSecond,
      placed: total,
      delivered: step.rings / total,
      released: releasedInTime,
      endToEnd,
      published: percentiles(step.published),
      acceptToEstablished: percentiles(step.accept),
      eventsPerSecond: framesInStep / placingSeconds,
      frames: framesInStep,
      framesTotal: step.frames,
      ringBytes: step.rings > 0 ? Math.round(step.ringBytes / step.rings) : 0,
      failedRequests: step.failedRequests,
      sustained: false,
    };
    result.sustained = endToEnd.p99 <= SUSTAINED.ringP99Ms && result.delivered >= SUSTAINED.delivered && releasedInTime === total && step.failedRequests === 0;
    return result;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  private onFrame(agentId: string, frame: Frame, receivedAt: number, bytes: number): void {
    const step = this.step;
    step.frames++;
    const { connectionId } = frame;
    if (frame.eventName === 'EventRinging' && connectionId !== undefined) {
      const sentAt = frame.ANI === undefined ? undefined : this.placedAt.get(frame.ANI);
      if (sentAt !== undefined) {
        step.endToEnd.push(receivedAt - sentAt);
        this.placedAt.delete(frame.ANI as string);
      }
      if (frame.timestamp !== undefined) step.published.push(receivedAt - frame.timestamp);
      step.rings++;
      step.ringBytes += bytes;
      this.acceptAt.set(connectionId, performance.now());
      void this.post('/genesys/events', { type: 'Accept', connectionId }, agentId);
    } else if (frame.eventName === 'EventEstablished' && connectionId !== undefined) {
      const acceptedAt = this.acceptAt.get(connectionId);
      if (acceptedAt !== undefined) step.accept.push(performance.now() - acceptedAt);
      this.acceptAt.delete(connectionId);
      void this.post('/genesys/events', { type: 'Hangup', connectionId }, agentId);
    } else if (frame.eventName === 'EventReleased') {
      step.released++;
    }
  }

  private static emptyStep() {
    return {
      endToEnd: [] as number[],
      published: [] as number[],
      accept: [] as number[],
      rings: 0,
      ringBytes: 0,
      released: 0,
      frames: 0,
      failedRequests: 0,
    };
  }
}

/**
 * The sustained ceiling: `run` at `start`, doubling while each step is sustained (up to `max`),
 * then `refine` bisections between the last sustained rate and the first that was not.
 */
export async function sweep<R extends { sustained: boolean }>(
  start: number,
  max: number,
  refine: number,
  run: (rate: number) => Promise<R>,
): Promise<{ steps: Array<R & { rate: number }>; ceiling: (R & { rate: number }) | undefined }> {
  const steps: Array<R & { rate: number }> = [];
  let ceiling: (R & { rate: number }) | undefined;
  let failedAt: number | undefined;
  for (let rate = start; rate <= max; rate *= 2) {
    const result = { ...(await run(rate)), rate };
    steps.push(result);
    if (!result.sustained) {
      failedAt = rate;
      break;
    }
    ceiling = result;
  }
  for (let i = 0; i < refine && ceiling !== undefined && failedAt !== undefined; i++) {
    const rate = Math.round((ceiling.rate + failedAt) / 2);
    if (rate === ceiling.rate || rate === failedAt) break;
    const result = { ...(await run(rate)), rate };
    steps.push(result);
    if (result.sustained) ceiling = result;
    else failedAt = rate;
  }
  return { steps, ceiling };
}
