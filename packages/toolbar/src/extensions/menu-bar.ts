import { z } from '../platform/schema.ts';

/**
 * The views extensions put in the toolbar's application menu bar
 * (`system.updateViewInApplicationMenuBar`): a label with an optional icon, short label, tooltip
 * and colours, by name — an update of a name the frame already has changes it, a new name adds
 * one. A frame changes and closes only its own; its views go when it goes.
 */
const color = z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, 'a colour as #RRGGBB'));

export const menuBarViewSchema = z.object({
  name: z.string().check(z.minLength(1)).check(z.maxLength(64)),
  label: z.string().check(z.minLength(1)).check(z.maxLength(100)),
  shortLabel: z.optional(z.string().check(z.maxLength(32))),
  tooltip: z.optional(z.string().check(z.maxLength(200))),
  iconUrl: z.optional(
    z.url().check(
      z.maxLength(2048),
      z.refine((url) => /^https?:/i.test(url), 'an http(s) URL'),
    ),
  ),
  backgroundColor: z.optional(color),
  labelColor: z.optional(color),
});
export type MenuBarViewParameters = z.output<typeof menuBarViewSchema>;

export interface MenuBarView extends MenuBarViewParameters {
  readonly frameId: number;
  /** The label of the extension that put it there. */
  readonly source: string;
}

const MAX_PER_FRAME = 5;

export class MenuBarStore {
  private views: MenuBarView[] = [];
  private readonly listeners = new Set<(views: readonly MenuBarView[]) => void>();

  get list(): readonly MenuBarView[] {
    return this.views;
  }

  subscribe(listener: (views: readonly MenuBarView[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Add or change a frame's view; false when the frame already has its most. */
  update(frameId: number, source: string, parameters: MenuBarViewParameters): boolean {
    const view: MenuBarView = { ...parameters, frameId, source };
    const index = this.views.findIndex((candidate) => candidate.frameId === frameId && candidate.name === parameters.name);
    if (index >= 0) {
      this.views = this.views.map((candidate, at) => (at === index ? view : candidate));
    } else {
      if (this.views.filter((candidate) => candidate.frameId === frameId).length >= MAX_PER_FRAME) return false;
      this.views = [...this.views, view];
    }
    this.changed();
    return true;
  }

  /** Remove a frame's view by name; false when it has none of that name. */
  close(frameId: number, name: string): boolean {
    const kept = this.views.filter((view) => view.frameId !== frameId || view.name !== name);
    if (kept.length === this.views.length) return false;
    this.views = kept;
    this.changed();
    return true;
  }

  closeAllOf(frameId: number): void {
    const kept = this.views.filter((view) => view.frameId !== frameId);
    if (kept.length === this.views.length) return;
    this.views = kept;
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener(this.views);
  }
}
