import { z } from '../platform/schema.ts';
import type { Clock, TimerHandle } from '@ctikit/kernel';

/**
 * The toasts extensions open with `system.popupToast` (changed by `updateToast`, closed by
 * `closeToast`, by their timeout, or by the agent). A click on one of a toast's buttons closes it
 * and is reported to the frame that opened it (CUSTOM_TOAST_BUTTON_CLICK); Show opens that frame's
 * view. A frame can change and close only its own toasts, and have a few open at once.
 *
 * The parameters are those of Genesys' sample (`title`, `iconUrl`, `subject`, `message`,
 * `keyValues`, `buttons` as labels, `buttonShowDismiss`, `autoCloseTimeout` in ms,
 * `sendToMyMessage`, `width`); ids are Genesys' too: `wweCustomToast0`, `wweCustomToast1`, …
 */

const label = z.string().check(z.minLength(1)).check(z.maxLength(32));
const buttonSchema = z.union([
  z.pipe(
    label,
    z.transform((text) => ({ id: text, label: text })),
  ),
  z.object({ id: label, label }),
]);
const httpUrl = z.url().check(
  z.maxLength(2048),
  z.refine((url) => /^https?:/i.test(url), 'an http(s) URL'),
);

export const toastParametersSchema = z.object({
  title: z.string().check(z.minLength(1)).check(z.maxLength(100)),
  iconUrl: z.optional(httpUrl),
  subject: z.optional(z.string().check(z.maxLength(100))),
  message: z.optional(z.string().check(z.maxLength(1000))),
  keyValues: z.optional(
    z
      .record(z.string().check(z.minLength(1)).check(z.maxLength(64)), z.pipe(z.union([z.string().check(z.maxLength(256)), z.number()]), z.transform(String)))
      .check(z.refine((values) => Object.keys(values).length <= 20, 'at most 20 keyValues')),
  ),
  buttons: z.optional(z.array(buttonSchema).check(z.maxLength(3))),
  buttonShowDismiss: z.optional(z.boolean()),
  autoCloseTimeout: z.optional(z.int().check(z.minimum(0), z.maximum(3_600_000))),
  sendToMyMessage: z.optional(z.boolean()),
  width: z.optional(z.int().check(z.minimum(200), z.maximum(800))),
});
export const toastUpdateSchema = z.partial(toastParametersSchema);

export type ToastParameters = z.output<typeof toastParametersSchema>;

export interface ToastButton {
  readonly id: string;
  readonly label: string;
}

export interface Toast {
  readonly toastId: string;
  /** The frame that opened it. */
  readonly frameId: number;
  /** The label of the extension that opened it, so the agent knows who speaks. */
  readonly source: string;
  readonly title: string;
  readonly iconUrl?: string;
  readonly subject?: string;
  readonly message?: string;
  readonly keyValues?: Readonly<Record<string, string>>;
  readonly buttons: readonly ToastButton[];
  /** Show (open the extension's view) and Dismiss. */
  readonly buttonShowDismiss: boolean;
  /** Milliseconds before it closes by itself; 0 = until closed. */
  readonly autoCloseTimeout: number;
  readonly sendToMyMessage: boolean;
  /** Pixels. */
  readonly width?: number;
}

/** What the store tells its owner: a button was clicked, or Show was. */
export interface ToastActions {
  button(toast: Toast, buttonId: string): void;
  show(toast: Toast): void;
}

export type ToastOutcome<T = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_PER_FRAME = 5;
/** The agent's messages (toasts sent with sendToMyMessage) kept, newest first. */
const MAX_MESSAGES = 20;

export class ToastStore {
  private readonly toasts = new Map<string, { toast: Toast; timer: TimerHandle | undefined }>();
  private readonly listeners = new Set<(toasts: readonly Toast[]) => void>();
  private kept: Toast[] = [];
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly actions: ToastActions,
  ) {}

  get list(): readonly Toast[] {
    return [...this.toasts.values()].map((entry) => entry.toast);
  }

  /** The agent's messages: the toasts sent with `sendToMyMessage`, as last shown, newest first. */
  get messages(): readonly Toast[] {
    return this.kept;
  }

  subscribe(listener: (toasts: readonly Toast[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  popup(frameId: number, source: string, parameters: ToastParameters): ToastOutcome<{ toastId: string }> {
    if (this.list.filter((toast) => toast.frameId === frameId).length >= MAX_PER_FRAME) {
      return { ok: false, message: `At most ${MAX_PER_FRAME} toasts of one extension can be open at once.` };
    }
    const toastId = `wweCustomToast${this.counter++}`;
    const buttons = parameters.buttons ?? [];
    const buttonShowDismiss = parameters.buttonShowDismiss ?? false;
    const autoCloseTimeout = parameters.autoCloseTimeout ?? (buttons.length > 0 || buttonShowDismiss ? 0 : DEFAULT_TIMEOUT_MS);
    this.put({
      ...withoutUndefined(parameters),
      title: parameters.title,
      toastId,
      frameId,
      source,
      buttons,
      buttonShowDismiss,
      autoCloseTimeout,
      sendToMyMessage: parameters.sendToMyMessage ?? false,
    });
    return { ok: true, toastId };
  }

  update(frameId: number, toastId: string, parameters: Partial<ToastParameters>): ToastOutcome {
    const current = this.owned(frameId, toastId);
    if (!current) return { ok: false, message: `No toast ${toastId} of this extension is open.` };
    this.put({ ...current, ...withoutUndefined(parameters) });
    return { ok: true };
  }

  close(frameId: number, toastId: string): ToastOutcome {
    if (!this.owned(frameId, toastId)) return { ok: false, message: `No toast ${toastId} of this extension is open.` };
    this.remove(toastId);
    return { ok: true };
  }

  /** The agent clicked a button: the frame that opened the toast is told, and the toast closes. */
  click(toastId: string, buttonId: string): void {
    const toast = this.toasts.get(toastId)?.toast;
    if (!toast || !toast.buttons.some((button) => button.id === buttonId)) return;
    this.remove(toastId);
    this.actions.button(toast, buttonId);
  }

  /** The agent chose Show: the extension's view opens, and the toast closes. */
  show(toastId: string): void {
    const toast = this.toasts.get(toastId)?.toast;
    if (!toast?.buttonShowDismiss) return;
    this.remove(toastId);
    this.actions.show(toast);
  }

  /** The agent closed it. */
  dismiss(toastId: string): void {
    this.remove(toastId);
  }

  /** A frame went away: its toasts go too. */
  closeAllOf(frameId: number): void {
    for (const toast of this.list) if (toast.frameId === frameId) this.remove(toast.toastId);
  }

  private owned(frameId: number, toastId: string): Toast | undefined {
    const toast = this.toasts.get(toastId)?.toast;
    return toast?.frameId === frameId ? toast : undefined;
  }

  private put(toast: Toast): void {
    this.toasts.get(toast.toastId)?.timer?.cancel();
    const timer = toast.autoCloseTimeout > 0 ? this.clock.setTimer(toast.autoCloseTimeout, () => this.remove(toast.toastId)) : undefined;
    this.toasts.set(toast.toastId, { toast, timer });
    if (toast.sendToMyMessage) this.kept = [toast, ...this.kept.filter((kept) => kept.toastId !== toast.toastId)].slice(0, MAX_MESSAGES);
    this.changed();
  }

  private remove(toastId: string): void {
    const entry = this.toasts.get(toastId);
    if (!entry) return;
    entry.timer?.cancel();
    this.toasts.delete(toastId);
    this.changed();
  }

  private changed(): void {
    const list = this.list;
    for (const listener of [...this.listeners]) listener(list);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
