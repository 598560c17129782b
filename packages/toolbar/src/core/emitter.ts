import type { Logger } from './logger.ts';

/**
 * A typed emitter over an event map (`{ agentChanged: {...}; interactionChanged: {...} }`): the
 * event's name picks its payload type, so a listener can never be handed the wrong shape.
 * A listener that throws is logged and does not stop the others, nor the emitter's owner.
 */
export type Listener<T> = (payload: T) => void;

export class Emitter<M extends object> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();

  constructor(private readonly log: Logger) {}

  /** Listen to one event; returns the function that stops listening. */
  on<K extends keyof M>(type: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  emit<K extends keyof M>(type: K, payload: M[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<M[K]>)(payload);
      } catch (error) {
        this.log.error({ event: String(type), err: error }, 'a listener threw');
      }
    }
  }
}
