import type { Logger } from '../core/logger.ts';
import type { DialogPlacement } from './dialogs.ts';
import { viewOrigin, type ExtensionView } from './extension-views.ts';

/**
 * The web extensions' frames: one per workspace view, and one per interaction view for each call,
 * from the call's first event to its close. The UI renders them (`specs`) and attaches each frame's
 * window (`attach`); a message counts as a frame's only when it comes from that window.
 */
export interface FrameSpec {
  readonly key: string;
  readonly view: ExtensionView;
  /** What the agent sees it named: the view's label, and the call's number for an interaction view. */
  readonly title: string;
  readonly url: string;
  readonly origin: string;
  /** The call an interaction view belongs to. */
  readonly eventId?: string;
  /** A dialog an extension opened (system.openDialog). */
  readonly dialog?: DialogPlacement;
}

/** A frame's window, as the host posts to it. */
export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface Frame {
  readonly spec: FrameSpec;
  readonly frameId: number;
  readonly target: PostTarget | undefined;
}

interface MutableFrame extends Frame {
  target: PostTarget | undefined;
}

export class FrameRegistry {
  private readonly frames = new Map<string, MutableFrame>();
  private readonly listeners = new Set<() => void>();
  private frameCounter = 0;

  constructor(
    /** The toolbar's own origin: a view there is refused, since a same-origin frame could reach into the toolbar. */
    private readonly toolbarOrigin: string,
    private readonly log: Logger,
  ) {}

  /** In order: workspace views, then each call's views. */
  get specs(): readonly FrameSpec[] {
    return [...this.frames.values()].map((frame) => frame.spec);
  }

  get all(): readonly Frame[] {
    return [...this.frames.values()];
  }

  get(key: string): Frame | undefined {
    return this.frames.get(key);
  }

  /** The attached frame whose window posted a message, if any. */
  bySource(source: unknown): Frame | undefined {
    if (source === undefined || source === null) return undefined;
    return [...this.frames.values()].find((frame) => frame.target !== undefined && frame.target === source);
  }

  /** Called when frames come or go. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The UI rendered a frame: its window is where its messages come from and events go. */
  attach(key: string, target: PostTarget): () => void {
    const frame = this.frames.get(key);
    if (!frame) return () => undefined;
    frame.target = target;
    return () => {
      if (frame.target === target) frame.target = undefined;
    };
  }

  add(view: ExtensionView, url: string, title: string, eventId?: string): void {
    const key = eventId === undefined ? `workspace:${view.name}` : `interaction:${eventId}:${view.name}`;
    this.put(key, view, url, title, eventId !== undefined ? { eventId } : {});
  }

  /** A dialog's frame; false when its page is on the toolbar's own origin. */
  addDialog(view: ExtensionView, title: string, dialog: DialogPlacement): boolean {
    return this.put(`dialog:${dialog.dialogId}`, view, view.url, title, { dialog });
  }

  /** Remove one frame (a dialog); returns it. */
  remove(key: string): Frame | undefined {
    const frame = this.frames.get(key);
    if (!frame) return undefined;
    this.frames.delete(key);
    this.changed();
    return frame;
  }

  private put(key: string, view: ExtensionView, url: string, title: string, place: Pick<FrameSpec, 'eventId' | 'dialog'>): boolean {
    const origin = viewOrigin(view);
    if (origin === undefined || origin === this.toolbarOrigin) {
      this.log.error({ view: view.name, url: view.url }, 'a web extension on the toolbar’s own origin is not shown: it could take the toolbar over');
      return false;
    }
    const spec: FrameSpec = { key, view, title, url, origin, ...place };
    this.frames.set(key, { spec, frameId: ++this.frameCounter, target: undefined });
    this.changed();
    return true;
  }

  /** Remove a call's frames; returns them (their toasts and subscriptions go with them). */
  removeCall(eventId: string): Frame[] {
    const removed: Frame[] = [];
    for (const [key, frame] of this.frames) {
      if (frame.spec.eventId !== eventId) continue;
      this.frames.delete(key);
      removed.push(frame);
    }
    if (removed.length > 0) this.changed();
    return removed;
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
