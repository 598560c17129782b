import { useEffect, useRef } from 'preact/hooks';
import type { ReasonCode } from '../core/outcome.ts';
import { useToolbar } from './toolbar-context.ts';

/**
 * The not-ready reasons, as a menu of the Go not ready control (the WAI-ARIA menu button pattern):
 * the focus moves to the first reason, the arrow keys, Home and End move between them, Escape closes
 * the menu and gives the focus back to the control, and a click or the focus going anywhere else
 * closes it too — it never stays open over a call.
 */
export function ReasonPicker(props: {
  id: string;
  labelledBy: string;
  reasons: readonly ReasonCode[];
  /** Offer "No reason" too: going not ready without one (not when changing a reason). */
  offerNoReason: boolean;
  onPick: (reasonCode?: string) => void;
  onClose: () => void;
}) {
  const { t } = useToolbar();
  const menu = useRef<HTMLDivElement>(null);
  const items = (): HTMLButtonElement[] => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    items()[0]?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      props.onClose();
      return;
    }
    const target = next[event.key];
    if (target === undefined || all.length === 0) return;
    event.preventDefault();
    all[(target + all.length) % all.length]?.focus();
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node) || !menu.current?.contains(event.relatedTarget)) props.onClose();
  };
  return (
    <div id={props.id} ref={menu} class="reason-picker" role="menu" aria-labelledby={props.labelledBy} onKeyDown={onKeyDown} onFocusOut={onFocusOut}>
      {props.offerNoReason && (
        <button type="button" role="menuitem" tabIndex={-1} class="reason" onClick={() => props.onPick()}>
          {t('agent.noReason')}
        </button>
      )}
      {props.reasons.map((reason) => (
        <button key={reason.code} type="button" role="menuitem" tabIndex={-1} class="reason" onClick={() => props.onPick(reason.code)}>
          {reason.label}
        </button>
      ))}
    </div>
  );
}
