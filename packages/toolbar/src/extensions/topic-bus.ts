import {
  isMessengerTopic,
  isTopic,
  PROTOCOL_VERSION,
  SERVER_USER_AGENT,
  type EventMessage,
  type MessengerEventData,
  type MessengerTopic,
  type ReferenceId,
  type ResponseMessage,
  type Topic,
  type TopicData,
} from '@ctikit/service-client';
import type { SubscribeMessage } from '@ctikit/service-client/wire';
import type { Frame, FrameRegistry, PostTarget } from './frame-registry.ts';
import type { Answer, Caller } from './requests.ts';

/**
 * The topics web extensions subscribe to (agent, media, interaction, system, outbound, markdone,
 * and `messenger:<channel>`): each frame's subscriptions, and events posted to the frames
 * subscribed to their topic, at the origin each subscribed from — never `*`. Answers to requests
 * go the same way (`reply`).
 */
type AnyTopic = Topic | MessengerTopic;

interface Subscription {
  readonly topics: ReadonlySet<AnyTopic>;
  readonly origin: string;
}

export class TopicBus {
  private readonly byFrame = new Map<number, Map<string, Subscription>>();
  private subscriptionCounter = 0;

  constructor(private readonly frames: FrameRegistry) {}

  /** Subscribe a frame to the topics it asked for that `mayHear` allows; answered with the subscription or a refusal. */
  subscribe(frame: Frame, caller: Caller, message: SubscribeMessage, mayHear: (topic: AnyTopic) => boolean): void {
    const target = frame.target;
    if (!target) return;
    const asked = typeof message.data === 'string' ? [message.data] : message.data;
    const topics = asked.filter((topic): topic is AnyTopic => (isTopic(topic) || isMessengerTopic(topic)) && mayHear(topic));
    const refusedTopics = asked.filter((topic) => !(topics as string[]).includes(topic));
    if (topics.length === 0) {
      this.reply(target, caller.origin, message.referenceId, 'subscribe', {
        ok: false,
        code: 'NOT_ALLOWED',
        message: `No topic of ${asked.join(', ')} can be heard by ${caller.origin}.`,
      });
      return;
    }
    const subscriptionId = `sub-${++this.subscriptionCounter}`;
    const subscriptions = this.byFrame.get(frame.frameId) ?? new Map<string, Subscription>();
    subscriptions.set(subscriptionId, { topics: new Set(topics), origin: caller.origin });
    this.byFrame.set(frame.frameId, subscriptions);
    if (message.referenceId === undefined) return;
    const response: ResponseMessage = {
      referenceId: message.referenceId,
      subscriptionId,
      data: { subscriptionId, topics, refusedTopics },
      userAgent: SERVER_USER_AGENT,
      protocolVersion: PROTOCOL_VERSION,
    };
    target.postMessage(response, caller.origin);
  }

  unsubscribe(frame: Frame, subscriptionId: string): void {
    this.byFrame.get(frame.frameId)?.delete(subscriptionId);
  }

  /** A frame went: its subscriptions go with it. */
  forget(frame: Frame): void {
    this.byFrame.delete(frame.frameId);
  }

  publish<T extends Topic>(topic: T, data: TopicData[T], only?: (frame: Frame) => boolean): void {
    this.post(topic, data, only);
  }

  /** A message broadcast on a messenger channel; `only` picks the frames that get it. */
  broadcast(topic: MessengerTopic, data: MessengerEventData, only: (frame: Frame) => boolean): void {
    this.post(topic, data, only);
  }

  private post(topic: AnyTopic, data: EventMessage['data'], only?: (frame: Frame) => boolean): void {
    const message: EventMessage = { event: topic, data, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
    for (const frame of this.frames.all) {
      if (!frame.target || (only && !only(frame))) continue;
      const subscriptions = [...(this.byFrame.get(frame.frameId)?.values() ?? [])];
      const origins = new Set(subscriptions.filter((s) => s.topics.has(topic)).map((s) => s.origin));
      for (const origin of origins) frame.target.postMessage(message, origin);
    }
  }

  reply(target: PostTarget, origin: string, referenceId: ReferenceId | undefined, request: string, result: Answer): void {
    if (referenceId === undefined) return;
    const response: ResponseMessage = result.ok
      ? { referenceId, request, data: result.data, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION }
      : { referenceId, request, errorMessage: result.message, errorCode: result.code, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
    target.postMessage(response, origin);
  }
}
