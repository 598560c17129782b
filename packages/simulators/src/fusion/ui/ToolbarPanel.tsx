import type { FusionState } from '../fusion-state.ts';

/**
 * The media toolbar window: the partner's app in its frame (Fusion opens it from the phone icon; the
 * simulator keeps it docked), and below it what Fusion knows of the toolbar's UEF session.
 */
export function ToolbarPanel(props: { state: FusionState; frameUrl: string; frameRef: (frame: HTMLIFrameElement | null) => void }) {
  const { toolbar, readiness, disabledFeatures, subscriptions, configurationServed } = props.state;
  return (
    <aside class="media-toolbar" aria-label="Media toolbar">
      <iframe ref={props.frameRef} src={props.frameUrl} title="Media toolbar" allow="microphone; camera; autoplay; clipboard-write" />
      <section class="toolbar-session" aria-label="Toolbar session">
        <h2>UEF session</h2>
        <dl class="facts">
          <dt>Toolbar</dt>
          <dd>{toolbar.status === 'connected' ? `${toolbar.applicationName} (${toolbar.toolbarName}, ${toolbar.apiVersion})` : 'Waiting for initialize()…'}</dd>
          <dt>Configuration</dt>
          <dd>{configurationServed ? 'Served' : 'Not requested'}</dd>
          <dt>Ready</dt>
          <dd>{readiness === undefined ? 'Not declared' : readiness ? 'Ready for operation' : 'Not ready'}</dd>
          <dt>Disabled features</dt>
          <dd>{disabledFeatures.length > 0 ? disabledFeatures.join(', ') : 'None'}</dd>
          <dt>Subscriptions</dt>
          <dd>
            {subscriptions.length === 0 ? (
              'None'
            ) : (
              <ul class="subscriptions">
                {subscriptions.map((s) => (
                  <li key={s.id}>
                    {s.eventName}
                    {s.appClassification ? ` · ${s.appClassification}` : ''}
                    {s.once ? ' · once' : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
    </aside>
  );
}
