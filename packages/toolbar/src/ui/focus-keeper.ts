import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Keep the keyboard focus in the toolbar when the control that had it goes away — Accept once the
 * call is connected, Done once the wrap-up is closed, Go available once the agent is available.
 * The focus moves to the first `[data-autofocus]` control of the same part of the toolbar
 * (`[data-focus-scope]`: the agent state, a call's card) if that part is still there, else to its
 * first enabled control, else to the first `[data-autofocus]` control of the toolbar (the next card's
 * main action, or the dial pad's number). Nothing moves while the agent works outside the toolbar.
 */
export function useFocusKeeper(root: RefObject<HTMLElement>): void {
  useLayoutEffect(() => {
    const node = root.current;
    if (!node) return undefined;
    let last: { element: Element; scope: Element | null } | undefined;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Element) last = { element: event.target, scope: event.target.closest('[data-focus-scope]') };
    };
    const observer = new MutationObserver(() => {
      if (!last || last.element.isConnected) return;
      const lost = last;
      last = undefined;
      const active = document.activeElement;
      if (!document.hasFocus() || (active !== null && active !== document.body)) return;
      const scope = lost.scope?.isConnected ? lost.scope : null;
      const target =
        scope?.querySelector<HTMLElement>('[data-autofocus]') ??
        scope?.querySelector<HTMLElement>('button:not(:disabled)') ??
        node.querySelector<HTMLElement>('[data-autofocus]');
      target?.focus();
    });
    node.addEventListener('focusin', onFocusIn);
    observer.observe(node, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      node.removeEventListener('focusin', onFocusIn);
    };
  }, [root]);
}
