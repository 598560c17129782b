import type { Clock } from '@ctikit/kernel';
import { CookieJar } from './cookie-jar.ts';
import { NotificationChannel } from './notification-channel.ts';
import type { NotificationHandlers } from './notification-channel.ts';
import type { GenesysCredential } from '@ctikit/protocol';
import { WorkspaceRest } from './workspace-rest.ts';

interface SessionParams {
  apiUrl: string;
  apiKey: string;
  credential: GenesysCredential;
  clock: Clock;
  timeoutMs: number;
}

/**
 * One Workspace session of one agent: `initialize-workspace` with the agent's credential (bearer
 * token or authorization code; the session is in the cookies it sets), then the CometD handshake
 * and subscriptions, ready once the initialization is `Complete`. The REST client and the notification channel share its cookies.
 * A session that is lost is never revived: the agent's link opens a new one.
 */
export class WorkspaceSession {
  private constructor(
    readonly rest: WorkspaceRest,
    private readonly channel: NotificationChannel,
  ) {}

  static async open(params: SessionParams, handlers: NotificationHandlers): Promise<WorkspaceSession> {
    const jar = new CookieJar();
    const rest = new WorkspaceRest(params.apiUrl, params.apiKey, jar, params.timeoutMs);
    await rest.initialize(params.credential);
    const channel = await NotificationChannel.open(params.apiUrl, params.apiKey, jar, handlers, params);
    return new WorkspaceSession(rest, channel);
  }

  close(): void {
    this.channel.close();
  }
}
