import { useEffect, useRef } from 'preact/hooks';
import type { ReasonCode } from '../core/outcome.ts';
import { useToolbar } from './toolbar-context.ts';

/**
 * The not-ready reasons, as a group of buttons under the Go not ready control (a disclosure: the
 * focus moves to the first reason, Escape closes it and gives the focus back to the control).
 */
export function ReasonPicker(props: {
  id: string;
  reasons: readonly ReasonCode[];
  /** Offer "No reason" too: going not ready without one (not when changing a reason). */
  offerNoReason: boolean;
  onPick: (reasonCode?: string) => void;
  onClose: () => void;
}) {
  const { t } = useToolbar();
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    group.current?.querySelector('button')?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    props.onClose();
  };
  return (
    <div id={props.id} ref={group} class="reason-picker" role="group" aria-label={t('agent.reason')} onKeyDown={onKeyDown}>
      {props.offerNoReason && (
        <button type="button" class="reason" onClick={() => props.onPick()}>
          {t('agent.noReason')}
        </button>
      )}
      {props.reasons.map((reason) => (
        <button key={reason.code} type="button" class="reason" onClick={() => props.onPick(reason.code)}>
          {reason.label}
        </button>
      ))}
    </div>
  );
}
