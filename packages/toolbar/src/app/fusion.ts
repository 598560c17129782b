import type { ToolbarConfig } from '../config.ts';
import type { AgentState } from '../core/agent-state.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import type { Logger } from '../core/logger.ts';
import type { ReasonCode } from '../core/outcome.ts';
import type { Workspace } from '../core/workspace.ts';
import type { FusionAdapter } from '../fusion/fusion-adapter.ts';
import { loadUefLibrary } from '../fusion/load-uef.ts';
import { markStartup } from '../platform/startup-marks.ts';
import type { FusionStatus, FusionStatusSource } from '../ui/FusionNotice.tsx';

/**
 * The toolbar's link to Fusion: load the UEF library, then start the Fusion adapter (loaded on
 * demand). Fusion is never required: a page that is not framed does not try, and when UEF has not
 * answered after `noticeAfterMs` the toolbar says it works standalone while it keeps waiting — a
 * slow Fusion that answers later still gets its adapter, and the notice goes.
 */
export interface FusionLinkOptions {
  readonly config: ToolbarConfig;
  readonly contacts: CrmContacts;
  readonly labels: (agent: AgentState, reasons: readonly ReasonCode[]) => { stateDisplayString: string; reasonDisplayString: string };
  readonly logger: Logger;
  /** Whether the page is in a frame at all (Fusion frames the media toolbar). */
  readonly framed: boolean;
  readonly noticeAfterMs?: number;
}

const NOTICE_AFTER_MS = 10_000;
/** How long the adapter itself waits for UEF's initialize before giving up for good. */
const GIVE_UP_AFTER_MS = 120_000;

export class FusionLink implements FusionStatusSource {
  private status: FusionStatus = { kind: 'starting' };
  private readonly listeners = new Set<(status: FusionStatus) => void>();
  private adapter: FusionAdapter | undefined;
  private settle: () => void = () => undefined;
  private readonly settled = new Promise<void>((resolve) => {
    this.settle = resolve;
  });

  constructor(private readonly options: FusionLinkOptions) {}

  get(): FusionStatus {
    return this.status;
  }

  subscribe(listener: (status: FusionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Fusion's trust token: waits for the adapter as long as the notice does, then answers what it
   * has; `fresh` asks Fusion for a new one (the bridge said the last one expired).
   */
  async trustToken(request?: { fresh: boolean }): Promise<string | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.noticeAfterMs);
    });
    await Promise.race([this.settled, patience]);
    clearTimeout(timer);
    return request?.fresh === true ? this.adapter?.refreshTrustToken() : this.adapter?.trustToken();
  }

  /** Link to Fusion; `workspace` may still be on its way (the vendor loading): the UEF handshake does not wait for it. */
  async start(workspace: Workspace | Promise<Workspace>): Promise<void> {
    const { config, logger } = this.options;
    if (!this.options.framed) {
      logger.info({}, 'not framed: the toolbar works without Fusion');
      this.set({ kind: 'notFramed' });
      this.settle();
      return;
    }
    const notice = setTimeout(() => {
      if (this.status.kind === 'starting') this.set({ kind: 'timeout' });
    }, this.noticeAfterMs);
    try {
      const [uef, { FusionAdapter }] = await Promise.all([loadUefLibrary(config.uefScriptUrl), import('../fusion/fusion-adapter.ts')]);
      markStartup('ctikit:uef-library');
      this.adapter = await FusionAdapter.start({
        uef,
        workspace,
        contacts: this.options.contacts,
        appClassification: config.appClassification,
        offerTimeoutSec: config.offerTimeoutSec,
        screenPop: config.screenPop,
        labels: this.options.labels,
        initializeTimeoutMs: GIVE_UP_AFTER_MS,
        logger,
      });
      logger.info({ appClassification: config.appClassification }, 'linked to Fusion');
      this.set({ kind: 'connected' });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error }, 'Fusion could not be reached: the toolbar works standalone');
      if (this.status.kind !== 'timeout') this.set({ kind: 'failed', detail });
    } finally {
      clearTimeout(notice);
      this.settle();
    }
  }

  private get noticeAfterMs(): number {
    return this.options.noticeAfterMs ?? NOTICE_AFTER_MS;
  }

  private set(status: FusionStatus): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener(status);
  }
}
