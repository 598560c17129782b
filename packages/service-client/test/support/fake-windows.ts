import type { ClientWindow, MessageEventLike, PostTarget } from '../../src/service-client.ts';

/**
 * A window pair without a browser: the extension's window (what the client listens on) and the
 * host window it posts to (the toolbar), which records every message with its target origin.
 */
export class HostWindow implements PostTarget {
  readonly posted: Array<{ message: Record<string, unknown>; targetOrigin: string }> = [];

  postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message: structuredClone(message) as Record<string, unknown>, targetOrigin });
  }

  last(): Record<string, unknown> {
    const entry = this.posted.at(-1);
    if (!entry) throw new Error('nothing was posted');
    return entry.message;
  }
}

export class ExtensionWindow implements ClientWindow {
  readonly parent: HostWindow = new HostWindow();
  opener: PostTarget | null = null;
  private readonly listeners = new Set<(event: MessageEventLike) => void>();

  addEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** A message arrives, from `source` at `origin` (by default: the parent, at the host origin). */
  deliver(data: unknown, origin: string, source: unknown = this.parent): void {
    for (const listener of [...this.listeners]) listener({ data: structuredClone(data), origin, source });
  }
}
