import { z } from 'zod';
import type { Clock, TimerHandle } from '@ctikit/kernel';

/**
 * The toasts extensions open with `system.popupToast` (changed by `updateToast`, closed by
 * `closeToast`, by their timeout, or by the agent). A click on one of a toast's buttons closes it
 * and is reported to the frame that opened it (CUSTOM_TOAST_BUTTON_CLICK). A frame can change and
 * close only its own toasts, and have a few open at once.
 *
 * Genesys does not publish the parameters' schema; ctikit's is:
 * `{ title, message?, subject?, buttons?: [{ id, label }] (≤ 3), timeout?: seconds (0 = until closed) }`.
 */

const buttonSchema = z.object({ id: z.string().min(1).max(32), label: z.string().min(1).max(32) });

export const toastParametersSchema = z.object({
  title: z.string().min(1).max(100),
  message: z.string().max(500).optional(),
  subject: z.string().max(100).optional(),
  buttons: z.array(buttonSchema).max(3).optional(),
  timeout: z.number().int().min(0).max(3600).optional(),
});
export const toastUpdateSchema = toastParametersSchema.partial();

export type ToastParameters = z.output<typeof toastParametersSchema>;

export interface Toast {
  readonly toastId: string;
  /** The frame that opened it. */
  readonly frameId: number;
  /** The label of the extension that opened it, so the agent knows who speaks. */
  readonly source: string;
  readonly title: string;
  readonly message?: string;
  readonly subject?: string;
  readonly buttons: readonly { readonly id: string; readonly label: string }[];
  /** Seconds before it closes by itself; 0 = until closed. */
  readonly timeout: number;
}

export type ToastOutcome<T = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const DEFAULT_TIMEOUT_SEC = 10;
const MAX_PER_FRAME = 5;

export class ToastStore {
  private readonly toasts = new Map<string, { toast: Toast; timer: TimerHandle | undefined }>();
  private readonly listeners = new Set<(toasts: readonly Toast[]) => void>();
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly onButton: (toast: Toast, buttonId: string) => void,
  ) {}

  get list(): readonly Toast[] {
    return [...this.toasts.values()].map((entry) => entry.toast);
  }

  subscribe(listener: (toasts: readonly Toast[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  popup(frameId: number, source: string, parameters: ToastParameters): ToastOutcome<{ toastId: string }> {
    if (this.list.filter((toast) => toast.frameId === frameId).length >= MAX_PER_FRAME) {
      return { ok: false, message: `At most ${MAX_PER_FRAME} toasts of one extension can be open at once.` };
    }
    const toastId = `toast-${++this.counter}`;
    const buttons = parameters.buttons ?? [];
    const timeout = parameters.timeout ?? (buttons.length > 0 ? 0 : DEFAULT_TIMEOUT_SEC);
    this.put({ ...withoutUndefined(parameters), title: parameters.title, toastId, frameId, source, buttons, timeout });
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
    this.onButton(toast, buttonId);
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
    const timer = toast.timeout > 0 ? this.clock.setTimer(toast.timeout * 1000, () => this.remove(toast.toastId)) : undefined;
    this.toasts.set(toast.toastId, { toast, timer });
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
