import {
  API_CATALOG,
  isApiName,
  isTopic,
  TOPIC_NAMESPACES,
  type ApiName,
  type MessengerTopic,
  type Namespace,
  type ReferenceId,
  type Topic,
} from '@ctikit/service-client';
import { clientMessageSchema, type ClientMessage } from '@ctikit/service-client/wire';
import type { Logger } from '../core/logger.ts';
import type { Frame } from './frame-registry.ts';
import { withinBounds } from './message-bounds.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Answer, Caller, RequestTable } from './requests.ts';
import { allowedApis, apiFilterFor, type SecurityOptions } from './security-options.ts';

/**
 * Every check a message from a web extension passes, in one place (Agent Desktop's security
 * options): it counts only if it comes from an attached frame's window, from an accepted origin, is
 * small and well formed, and echoes the right frameId — anything else is dropped without an answer.
 * Then the origin's rate limits apply (a refusal is answered), and each request must be one the
 * origin's API filter allows; a topic is heard only by an origin that may use its namespace.
 */
export type Admission =
  /** Not ours to answer: no frame, a denied origin, an oversized or malformed message. */
  | { readonly kind: 'drop' }
  /** Answered with a refusal (rate limited). */
  | { readonly kind: 'refuse'; readonly referenceId: ReferenceId | undefined; readonly name: string; readonly answer: Answer }
  | { readonly kind: 'admit'; readonly caller: Caller; readonly message: ClientMessage };

export class MessageGate {
  private readonly deniedOrigins = new Set<string>();

  constructor(
    private readonly security: SecurityOptions,
    private readonly rateLimiter: RateLimiter,
    private readonly handlers: RequestTable,
    private readonly log: Logger,
  ) {}

  /** Whether a frame's page origin may use the API at all (it is given its frameId only then). */
  accepts(origin: string): boolean {
    return apiFilterFor(this.security, origin) !== undefined;
  }

  admit(frame: Frame | undefined, origin: string, data: unknown): Admission {
    if (!frame?.target) return { kind: 'drop' };
    const filter = apiFilterFor(this.security, origin);
    if (!filter) {
      if (!this.deniedOrigins.has(origin))
        this.log.warn({ origin, view: frame.spec.view.name }, 'Service Client API: origin not accepted; its messages are ignored');
      this.deniedOrigins.add(origin);
      return { kind: 'drop' };
    }
    if (!withinBounds(data)) {
      this.log.warn({ origin }, 'Service Client API: oversized or non-plain message ignored');
      return { kind: 'drop' };
    }
    const parsed = clientMessageSchema.safeParse(data);
    if (!parsed.success || (parsed.data.frameId !== undefined && parsed.data.frameId !== frame.frameId)) {
      this.log.debug({ origin }, 'Service Client API: malformed message ignored');
      return { kind: 'drop' };
    }
    const message = parsed.data;
    const name = 'request' in message ? message.request : message.event;
    const admission = this.rateLimiter.admit(origin, name);
    if (!admission.ok) {
      return { kind: 'refuse', referenceId: message.referenceId, name, answer: { ok: false, code: 'RATE_LIMITED', message: admission.message } };
    }
    const caller: Caller = { frameId: frame.frameId, label: frame.spec.view.label, origin, allowed: allowedApis(filter) };
    return { kind: 'admit', caller, message };
  }

  /** The request a caller may make, or the refusal to answer with. */
  authorize(caller: Caller, request: string): { readonly ok: true; readonly request: ApiName } | { readonly ok: false; readonly answer: Answer } {
    if (!isApiName(request) || !this.handlers[request]) {
      return { ok: false, answer: { ok: false, code: 'NOT_SUPPORTED', message: `${request} is not a request this toolbar supports.` } };
    }
    if (!caller.allowed.includes(request)) {
      return {
        ok: false,
        answer: {
          ok: false,
          code: 'NOT_ALLOWED',
          message: `${request} is not allowed for ${caller.origin} (service-client-api.accepted-web-content-origins).`,
        },
      };
    }
    return { ok: true, request };
  }

  /** A topic carries what its namespace's requests read: an origin hears it if it may use one of them. */
  mayHear(caller: Caller, topic: Topic | MessengerTopic): boolean {
    const namespace: Namespace = isTopic(topic) ? TOPIC_NAMESPACES[topic] : 'messenger';
    return API_CATALOG[namespace].some((method) => caller.allowed.includes(`${namespace}.${method}` as ApiName));
  }
}
