import { z } from 'zod';

/**
 * The CCP's end of the conduit that amazon-connect-streams opens to its iframe
 * (`connect.IFrameConduit` over a `WindowIOStream`): every message either way is `{ event, data }`,
 * posted with `postMessage`. The library takes messages only from the iframe's window; this end takes
 * them only from the window that frames it.
 *
 * From the library: `synchronize` (keepalive, answered with `acknowledge`), `api_request` (an action,
 * answered with `api_response` carrying the same `requestId`), `master_request`, `broadcast` (an event
 * the CCP fans out to every tab, e.g. `contact::accepted`, `mute`), `configure` and a few notices.
 * To the library: `acknowledge`, `agent::update`, `api_response`, `master_response`, the broadcast
 * events, `agent::mute_toggle`, `update_connected_ccps`, the failures `auth_fail` and `access_denied`, the worker's
 * `agent::websocket_connection_lost` / `_gained` and the softphone's `agent::softphone_error`.
 */

export const STREAMS_EVENTS = {
  ACKNOWLEDGE: 'acknowledge',
  SYNCHRONIZE: 'synchronize',
  API_REQUEST: 'api_request',
  API_RESPONSE: 'api_response',
  MASTER_REQUEST: 'master_request',
  MASTER_RESPONSE: 'master_response',
  BROADCAST: 'broadcast',
  AUTH_FAIL: 'auth_fail',
  ACCESS_DENIED: 'access_denied',
  AGENT_UPDATE: 'agent::update',
  MUTE: 'mute',
  MUTE_TOGGLE: 'agent::mute_toggle',
  WEBSOCKET_CONNECTION_LOST: 'agent::websocket_connection_lost',
  WEBSOCKET_CONNECTION_GAINED: 'agent::websocket_connection_gained',
  SOFTPHONE_ERROR: 'agent::softphone_error',
  UPDATE_CONNECTED_CCPS: 'update_connected_ccps',
} as const;

const envelopeSchema = z.object({ event: z.string().min(1).max(200), data: z.unknown().optional() });

export const apiRequestSchema = z.object({
  requestId: z.string().min(1).max(200),
  method: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).nullish(),
});
export type ApiRequest = z.infer<typeof apiRequestSchema>;

export const masterRequestSchema = z.object({
  requestId: z.string().min(1).max(200),
  method: z.string().min(1).max(100),
  params: z.object({ topic: z.string().max(200), shouldNotBecomeMasterIfNone: z.boolean().nullish() }).loose(),
});
export type MasterRequest = z.infer<typeof masterRequestSchema>;

export const broadcastSchema = z.object({ event: z.string().min(1).max(200), data: z.unknown().optional() });
export type Broadcast = z.infer<typeof broadcastSchema>;

export interface ConduitHandlers {
  onApiRequest(request: ApiRequest): void;
  onBroadcast(broadcast: Broadcast): void;
  onMasterRequest(request: MasterRequest): void;
  onSynchronize(): void;
}

type Parsed<T> = { success: true; data: T } | { success: false };

export class CcpConduit {
  private readonly listener = (message: MessageEvent): void => this.receive(message);

  constructor(
    private readonly self: Window,
    private readonly host: Window,
    private readonly handlers: ConduitHandlers,
  ) {}

  start(): void {
    this.self.addEventListener('message', this.listener);
  }

  stop(): void {
    this.self.removeEventListener('message', this.listener);
  }

  send(event: string, data?: unknown): void {
    this.host.postMessage({ event, data }, '*');
  }

  private receive(message: MessageEvent): void {
    if (message.source !== this.host) return;
    const envelope = envelopeSchema.safeParse(message.data);
    if (!envelope.success) return;
    const { event, data } = envelope.data;
    switch (event) {
      case STREAMS_EVENTS.SYNCHRONIZE:
        this.handlers.onSynchronize();
        return;
      case STREAMS_EVENTS.API_REQUEST:
        ifParsed(apiRequestSchema.safeParse(data), (request) => this.handlers.onApiRequest(request));
        return;
      case STREAMS_EVENTS.MASTER_REQUEST:
        ifParsed(masterRequestSchema.safeParse(data), (request) => this.handlers.onMasterRequest(request));
        return;
      case STREAMS_EVENTS.BROADCAST:
        ifParsed(broadcastSchema.safeParse(data), (broadcast) => this.handlers.onBroadcast(broadcast));
        return;
      default:
        return;
    }
  }
}

function ifParsed<T>(parsed: Parsed<T>, use: (value: T) => void): void {
  if (parsed.success) use(parsed.data);
}
