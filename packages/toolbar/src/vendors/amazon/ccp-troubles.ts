import { z } from '../../platform/schema.ts';
import { failure, type Failure } from '../../core/outcome.ts';
import { isOutbound, type AgentView } from './streams-view.ts';

/**
 * What goes wrong around the embedded CCP besides signing in (ccp-link.ts), in words the agent can act
 * on — the known Streams traps (amazon.md §5):
 *
 * | Streams                                                     | the agent sees                                   |
 * |-------------------------------------------------------------|--------------------------------------------------|
 * | `agent::websocket_connection_lost`, network `disconnected`/`failed` | "connection lost — reconnecting"; commands refused until it is back |
 * | `agent::websocket_connection_gained`, network `connected`   | connected again; the next snapshot resyncs the calls |
 * | `webSocket::init_failure` (`connect.onWebsocketInitFailure`) | the CCP cannot open its connection: network or firewall |
 * | `agent::softphone_error` (`onSoftphoneError`)               | the softphone's error in words (microphone, network, another window…) |
 * | agent state `MultipleCcpWindows`                            | "open in another window": close the other CCP    |
 * | a call rings before any click on the page (autoplay rules)  | "click to enable sound" for the ringtone          |
 */

export const CONNECTION_LOST = 'Connection to Amazon Connect lost — reconnecting. Commands are paused until it is back.';
export const WEBSOCKET_FAILED = 'The phone cannot open its connection to Amazon Connect: check the network, proxy or firewall, then reload the page.';
export const ANOTHER_WINDOW = 'Amazon Connect is open in another window or browser: close the other CCP (or the other toolbar) and go available here.';
export const SOUND_BLOCKED = 'The browser blocked the ringtone until you click the page: click to enable sound.';

const SOFTPHONE_ERRORS: Readonly<Record<string, string>> = {
  unsupported_browser: 'This browser cannot run the Amazon Connect softphone: use a current Chrome, Edge or Firefox.',
  microphone_not_shared: 'The softphone cannot use your microphone: allow the microphone for this site in the browser, then try again.',
  signalling_handshake_failure: 'The softphone could not reach Amazon Connect to set up the call: check the network, then try again.',
  signalling_connection_failure: 'The softphone lost its connection to Amazon Connect: check the network, then try again.',
  ice_collection_timeout: 'The softphone could not open an audio path (network or firewall blocking it): check the network, then try again.',
  user_busy_error: 'The softphone is in use in another window or browser: close the other CCP and try again.',
  webrtc_error: 'The softphone’s audio failed (WebRTC error): reload the page, then try again.',
  realtime_communication_error: 'The softphone’s audio connection failed: the page must be served over HTTPS and the network must let audio through.',
  vdi_strategy_not_supported: 'This virtual desktop does not support the Amazon Connect softphone.',
  vdi_redir_not_supported: 'This virtual desktop cannot redirect the softphone’s audio.',
};

/** What `onSoftphoneError` delivers: a structured clone of `connect.SoftphoneError`, so plain fields. */
const softphoneErrorSchema = z.object({
  errorType: z.optional(z.string().check(z.maxLength(100))),
  errorMessage: z.nullish(z.string().check(z.maxLength(1000))),
  endPointUrl: z.nullish(z.string().check(z.maxLength(2000))),
});

export function softphoneFailure(error: unknown): Failure {
  const parsed = softphoneErrorSchema.safeParse(error);
  const errorType = parsed.success ? parsed.data.errorType : undefined;
  const known = errorType === undefined ? undefined : SOFTPHONE_ERRORS[errorType];
  return failure('SOFTPHONE_ERROR', known ?? `The softphone failed${errorType ? ` (${errorType})` : ''}: reload the page, then try again.`);
}

/** `onNetworkConnectionStatusChanged`'s statuses: which mean the CCP is cut off, which that it is back. */
export function networkReachability(status: unknown): 'lost' | 'back' | undefined {
  const parsed = z.object({ status: z.string() }).safeParse(status);
  if (!parsed.success) return undefined;
  if (parsed.data.status === 'disconnected' || parsed.data.status === 'failed') return 'lost';
  if (parsed.data.status === 'connected') return 'back';
  return undefined;
}

/**
 * The troubles a snapshot shows: the agent put in `MultipleCcpWindows` (once per time it happens), and
 * a call ringing while the browser would block its ringtone (once per ring, until sound is allowed).
 */
export class SnapshotTroubles {
  private lastState: string | undefined;
  private readonly rung = new Set<string>();

  /** `soundAllowed`: whether the page may play sound now (a click has happened: autoplay rules). */
  constructor(private readonly soundAllowed: () => boolean) {}

  check(view: AgentView): Failure[] {
    const troubles: Failure[] = [];
    if (view.state.name === MULTIPLE_CCP_WINDOWS && this.lastState !== MULTIPLE_CCP_WINDOWS) troubles.push(failure('VENDOR_UNREACHABLE', ANOTHER_WINDOW));
    this.lastState = view.state.name;
    const ringing = view.contacts.filter((contact) => contact.state === 'connecting' && !isOutbound(contact));
    for (const contact of ringing) {
      if (this.rung.has(contact.contactId)) continue;
      this.rung.add(contact.contactId);
      if (!this.soundAllowed()) troubles.push(failure('NOT_SUPPORTED', SOUND_BLOCKED));
    }
    for (const contactId of [...this.rung]) {
      if (!ringing.some((contact) => contact.contactId === contactId)) this.rung.delete(contactId);
    }
    return troubles;
  }
}

const MULTIPLE_CCP_WINDOWS = 'MultipleCcpWindows';

/** Whether this page may start sound: Chrome's and Firefox's autoplay rules let it once the page has been clicked. */
export function pageSoundAllowed(): boolean {
  const activation = (globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined)?.userActivation;
  return activation === undefined || activation.hasBeenActive;
}
