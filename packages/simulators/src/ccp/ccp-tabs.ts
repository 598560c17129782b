import { z } from 'zod';

/**
 * What the real CCP's shared worker does across the agent's tabs, done by the CCP pages of one agent
 * in one browser among themselves: every CCP page (one per tab that embeds it) is a port.
 *
 * - Connected CCPs: each port holds a Web Lock named after it for its whole life, so the ports alive
 *   are the locks held — a tab that closes or crashes gives its lock back. On every join or leave each
 *   port tells its page `update_connected_ccps` with `{ length }`, as the worker does, so
 *   `connect.hasOtherConnectedCCPs()` is true while two tabs are open.
 * - Masters: one port per topic (`connect::softphone`, `connect::ringtone`…), kept in localStorage and
 *   changed under an exclusive Web Lock. `checkMaster` answers who it is (and makes the asker master
 *   when there is none, unless `shouldNotBecomeMasterIfNone`); `becomeMaster` takes it over, and a
 *   take-over is announced to every port (`master_response` with `takeOver: true`) as the worker's
 *   multiplexer does. A master whose port is gone counts as none.
 * - Broadcasts: what one page broadcasts reaches every port's page (`contact::accepted` from the tab
 *   that accepted reaches the other tab's `onAccepted`).
 */

export interface MasterAnswer {
  readonly masterId: string;
  readonly isMaster?: boolean;
  readonly takeOver?: boolean;
  readonly topic: string;
}

export interface CcpTabsDelegate {
  /** The number of connected CCPs changed: tell the page `update_connected_ccps`. */
  onConnectedCcps(length: number): void;
  /** Another port broadcast an event: post it to the page. */
  onBroadcast(event: string, data: unknown): void;
  /** A port took a topic over: post the worker's `master_response` to the page. */
  onTakeOver(answer: MasterAnswer): void;
}

export interface CcpTabsOptions {
  readonly agentId: string;
  readonly portId: string;
  readonly locks: LockManager;
  readonly storage: Storage;
  readonly channel: BroadcastChannel;
  readonly delegate: CcpTabsDelegate;
}

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('joined'), portId: z.string() }),
  z.object({ type: z.literal('left'), portId: z.string() }),
  z.object({ type: z.literal('broadcast'), event: z.string().min(1).max(200), data: z.unknown().optional() }),
  z.object({ type: z.literal('takeOver'), masterId: z.string(), topic: z.string() }),
]);
type TabMessage = z.infer<typeof messageSchema>;

export class CcpTabs {
  private release: (() => void) | undefined;
  private readonly gone = new Set<string>();
  private readonly listener = (message: MessageEvent): void => this.receive(message.data);

  constructor(private readonly options: CcpTabsOptions) {}

  private get prefix(): string {
    return `ctikit-ccp:${this.options.agentId}:`;
  }

  /** Join: hold this port's lock, then tell every port (this one too) how many CCPs are connected. */
  async start(): Promise<void> {
    this.options.channel.addEventListener('message', this.listener);
    await new Promise<void>((held) => {
      void this.options.locks.request(`${this.prefix}port:${this.options.portId}`, () => {
        held();
        return new Promise<void>((released) => (this.release = released));
      });
    });
    this.send({ type: 'joined', portId: this.options.portId });
    await this.countChanged();
  }

  /** Leave: give the lock back and tell the others. */
  stop(): void {
    this.release?.();
    this.release = undefined;
    this.send({ type: 'left', portId: this.options.portId });
    this.options.channel.removeEventListener('message', this.listener);
  }

  /** A broadcast from this port's page, for the pages of the other ports. */
  broadcast(event: string, data: unknown): void {
    this.send({ type: 'broadcast', event, data });
  }

  /** `connect.MasterMethods.CHECK_MASTER`. */
  checkMaster(topic: string, shouldNotBecomeMasterIfNone: boolean): Promise<MasterAnswer> {
    return this.underMasterLock(topic, async (current) => {
      const masterId = current ?? (shouldNotBecomeMasterIfNone ? undefined : this.claim(topic));
      return { masterId: masterId ?? '', isMaster: masterId === this.options.portId, topic };
    });
  }

  /** `connect.MasterMethods.BECOME_MASTER`. */
  becomeMaster(topic: string): Promise<MasterAnswer> {
    return this.underMasterLock(topic, async (current) => {
      const takeOver = current !== undefined && current !== this.options.portId;
      const masterId = this.claim(topic);
      if (takeOver) {
        this.send({ type: 'takeOver', masterId, topic });
        this.options.delegate.onTakeOver({ masterId, takeOver, topic });
      }
      return { masterId, takeOver, topic };
    });
  }

  /** The topic's master if its port is alive, under the lock that makes check-and-claim one step across tabs. */
  private async underMasterLock(topic: string, act: (current: string | undefined) => Promise<MasterAnswer>): Promise<MasterAnswer> {
    return this.options.locks.request(`${this.prefix}masters`, async () => {
      const stored = this.options.storage.getItem(this.masterKey(topic)) ?? undefined;
      const alive = stored !== undefined && (await this.ports()).includes(stored);
      return act(alive ? stored : undefined);
    });
  }

  private claim(topic: string): string {
    this.options.storage.setItem(this.masterKey(topic), this.options.portId);
    return this.options.portId;
  }

  private masterKey(topic: string): string {
    return `${this.prefix}master:${topic}`;
  }

  /** The ports alive: the port locks held, less those that said they left. */
  private async ports(): Promise<string[]> {
    const snapshot = await this.options.locks.query();
    const portPrefix = `${this.prefix}port:`;
    return (snapshot.held ?? [])
      .map((lock) => lock.name ?? '')
      .filter((name) => name.startsWith(portPrefix))
      .map((name) => name.slice(portPrefix.length))
      .filter((portId) => !this.gone.has(portId));
  }

  private async countChanged(): Promise<void> {
    this.options.delegate.onConnectedCcps(new Set(await this.ports()).size);
  }

  private receive(raw: unknown): void {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'joined':
        this.gone.delete(message.portId);
        void this.countChanged();
        return;
      case 'left':
        this.gone.add(message.portId);
        void this.countChanged();
        return;
      case 'broadcast':
        this.options.delegate.onBroadcast(message.event, message.data);
        return;
      case 'takeOver':
        this.options.delegate.onTakeOver({ masterId: message.masterId, takeOver: true, topic: message.topic });
        return;
    }
  }

  private send(message: TabMessage): void {
    this.options.channel.postMessage(message);
  }
}
