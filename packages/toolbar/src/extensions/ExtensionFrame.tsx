import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ExtensionsHost, FrameSpec } from './extensions-host.ts';

/**
 * One extension page in an iframe. Sandboxed: scripts, forms and popups, and its own origin (which
 * the API's origin check needs — the host never shows a page of the toolbar's origin, where that
 * would let it reach in). No referrer but the origin, since the toolbar's URL may carry a token.
 * Its window is attached to the host while it is mounted; each load gets the frame its frameId.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';

export function ExtensionFrame(props: { host: ExtensionsHost; spec: FrameSpec; hidden?: boolean }) {
  const { host, spec } = props;
  const ref = useRef<HTMLIFrameElement>(null);
  useLayoutEffect(() => {
    const target = ref.current?.contentWindow;
    return target ? host.attach(spec.key, target) : undefined;
  }, [host, spec.key]);
  return (
    <iframe
      ref={ref}
      class="extension-frame"
      src={spec.url}
      title={spec.title}
      sandbox={FRAME_SANDBOX}
      referrerpolicy="origin"
      data-extension={spec.view.name}
      hidden={props.hidden}
      tabIndex={props.hidden ? -1 : undefined}
      onLoad={() => host.frameLoaded(spec.key)}
    />
  );
}
