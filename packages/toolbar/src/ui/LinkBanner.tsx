import { useState } from 'preact/hooks';
import type { AgentState } from '../core/agent-state.ts';
import type { ConnectionStatus, LinkOutage } from '../core/connection-status.ts';
import type { Interaction } from '../core/interaction.ts';
import { useToolbar } from './toolbar-context.ts';
import { linkLostBanner, outageReport, say } from './view-model.ts';

/**
 * The link to the phone system, when it matters: while it is lost, a banner across the toolbar (an
 * alert, so a screen reader hears it at once) saying the controls wait for it; once it is back, what
 * the loss cost — how long, a call that ended meanwhile, a logout — until the agent dismisses it.
 */
export function LinkBanner(props: { connection: ConnectionStatus; outage: LinkOutage | undefined; interactions: readonly Interaction[]; agent: AgentState }) {
  const { t } = useToolbar();
  const [dismissed, setDismissed] = useState<LinkOutage | undefined>(undefined);
  const lost = linkLostBanner(props.connection);
  if (lost) {
    return (
      <div class="link-banner link-banner--lost" role="alert">
        <span class="link-banner-icon" aria-hidden="true">
          !
        </span>
        <p>{say(t, lost)}</p>
      </div>
    );
  }
  const report = props.outage === dismissed ? undefined : outageReport(props.outage, props.interactions, props.agent);
  if (!report) return null;
  return (
    <section class="link-banner link-banner--restored" role="status" aria-label={t('link.reportLabel')}>
      <div>
        {report.map((line) => (
          <p key={line.key}>{say(t, line)}</p>
        ))}
      </div>
      <button type="button" class="button button--quiet button--small" onClick={() => setDismissed(props.outage)}>
        {t('error.dismiss')}
      </button>
    </section>
  );
}
