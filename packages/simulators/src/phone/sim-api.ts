import { z } from 'zod';
import type { SimAgentView, SimCallView } from '@ctikit/contact-center/control';
import {
  agentEventSchema,
  agentSnapshotSchema,
  callEventSchema,
  callTypes,
  errorEventSchema,
  legStates,
  linkEventSchema,
  recordingStates,
  userDataSchema,
} from '@ctikit/protocol';

/**
 * The contact-center simulator's control API as the bridge serves it on the page's own origin
 * (`/sim/*`): REST calls for what the customer and the agent's softphone do, and the `/sim/events`
 * WebSocket with every simulator event. Every response and frame is parsed before use.
 */

const simPartySchema = z.object({
  dn: z.string(),
  kind: z.enum(['agent', 'queue', 'external']),
  state: z.enum([...legStates, 'Queued']),
});

export const simCallSchema = z.object({
  connectionId: z.string(),
  callUuid: z.string(),
  callType: z.enum(callTypes),
  ANI: z.string(),
  DNIS: z.string(),
  parties: z.array(simPartySchema),
  userData: userDataSchema,
  recordingState: z.enum(recordingStates),
  startedAt: z.number(),
}) satisfies z.ZodType<SimCallView>;

export const simAgentSchema = z.object({
  ...agentSnapshotSchema.shape,
  name: z.string(),
  queues: z.array(z.string()),
  calls: z.array(z.string()),
}) satisfies z.ZodType<SimAgentView>;

const callsBody = z.object({ calls: z.array(simCallSchema) });
const agentsBody = z.object({ agents: z.array(simAgentSchema) });
const placedBody = z.object({ connectionId: z.string(), callUuid: z.string() });
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A refused control request, with the bridge's error code and message. */
export class SimRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimRequestError';
  }
}

async function request<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBody.safeParse(json);
    if (error.success) throw new SimRequestError(error.data.error.code, error.data.error.message);
    throw new SimRequestError(`HTTP_${response.status}`, `The simulator answered ${response.status} ${response.statusText}`);
  }
  return schema.parse(json);
}

const ok = z.unknown();

export const simApi = {
  placeCall: (from: string, to: string) => request('/sim/calls', placedBody, { from, to }),
  customerHangup: (connectionId: string) => request(`/sim/calls/${encodeURIComponent(connectionId)}/hangup`, ok, {}),
  customerAnswer: (connectionId: string) => request(`/sim/calls/${encodeURIComponent(connectionId)}/answer`, ok, {}),
  customerRefuse: (connectionId: string, reason: 'busy' | 'noAnswer') => request(`/sim/calls/${encodeURIComponent(connectionId)}/refuse`, ok, { reason }),
  phoneAnswer: (dn: string, connectionId: string) => request(`/sim/phones/${encodeURIComponent(dn)}/answer`, ok, { connectionId }),
  phoneHangup: (dn: string, connectionId: string) => request(`/sim/phones/${encodeURIComponent(dn)}/hangup`, ok, { connectionId }),
  listCalls: async () => (await request('/sim/calls', callsBody)).calls,
  listAgents: async () => (await request('/sim/agents', agentsBody)).agents,
};

/** A contact-center event as `/sim/events` sends it: the simulator's, before any bridge session gives a call leg its eventId. */
const simEventSchema = z.discriminatedUnion('eventName', [
  agentEventSchema,
  z.object({ ...callEventSchema.shape, eventId: z.string().optional() }),
  errorEventSchema,
  linkEventSchema,
]);
export type SimEvent = z.infer<typeof simEventSchema>;

export type EventFeedStatus = 'connecting' | 'live' | 'polling';

/**
 * Follows `/sim/events`. While the socket is not open the caller polls instead (`onStatus('polling')`),
 * and the socket is retried every `retryMs`. Returns a function that stops everything.
 */
export function followSimEvents(onEvent: (event: SimEvent) => void, onStatus: (status: EventFeedStatus) => void, retryMs = 5000): () => void {
  let socket: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = (): void => {
    onStatus('connecting');
    const url = new URL('/sim/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onopen = () => onStatus('live');
    socket.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = simEventSchema.safeParse(json);
      if (parsed.success) onEvent(parsed.data);
    };
    socket.onclose = () => {
      if (stopped) return;
      onStatus('polling');
      retry = setTimeout(connect, retryMs);
    };
  };
  connect();

  return () => {
    stopped = true;
    clearTimeout(retry);
    socket?.close();
  };
}
