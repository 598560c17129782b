import { useEffect, useState } from 'preact/hooks';
import { useToolbar } from './toolbar-context.ts';

/**
 * How the toolbar stands with Fusion: `starting` while UEF initialises, `connected` once the Fusion
 * adapter runs; otherwise the toolbar works standalone and says why, discreetly.
 */
export type FusionStatus =
  | { readonly kind: 'starting' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'notFramed' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly detail: string };

/** Where the app shell publishes the Fusion status. */
export interface FusionStatusSource {
  get(): FusionStatus;
  subscribe(listener: (status: FusionStatus) => void): () => void;
}

export function FusionNotice(props: { source: FusionStatusSource }) {
  const { t } = useToolbar();
  const [status, setStatus] = useState(() => props.source.get());
  useEffect(() => {
    setStatus(props.source.get());
    return props.source.subscribe(setStatus);
  }, [props.source]);
  const text =
    status.kind === 'notFramed'
      ? t('fusion.notFramed')
      : status.kind === 'timeout'
        ? t('fusion.timeout')
        : status.kind === 'failed'
          ? t('error.fusion', { detail: status.detail })
          : undefined;
  if (text === undefined) return null;
  return (
    <p class="notice" role="note">
      {text}
    </p>
  );
}
