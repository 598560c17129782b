import { render } from 'preact';
import { z } from 'zod';
import { AGENT_ID_HEADER, REASON_CODES_PATH, reasonCodesResultSchema } from '@ctikit/protocol';
import { QUEUES } from '../phone/phone-view.ts';
import { simApi } from '../phone/sim-api.ts';
import { browserClock } from '../wire/browser-clock.ts';
import { CcpApp } from './ccp-app.ts';
import { CcpLogin } from './ccp-login.ts';
import { CcpView, LoginView } from './CcpView.tsx';
import { QuickConnectDirectory } from './quick-connects.ts';
import type { AgentProfile } from './snapshot-builder.ts';

/**
 * The simulated Amazon Connect CCP, served as the `ccpUrl` (`/ccp/`) by the bridge. Query string:
 *
 * | parameter | default                          | meaning                                           |
 * |-----------|----------------------------------|---------------------------------------------------|
 * | `agentId` | `agent1`                         | the contact-center simulator's agent this CCP is |
 * | `states`  | the contact center's reason codes | the custom not-routable states, comma-separated |
 */

const identifier = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const querySchema = z.object({
  agentId: identifier.default('agent1'),
  states: z
    .string()
    .max(1000)
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    )
    .optional(),
});

/** The instance's phone-number quick connects: outside numbers the customer phone answers like any other. */
const PHONE_QUICK_CONNECTS = [{ kind: 'phone_number' as const, phoneNumber: '+15550100200', name: 'Escalations desk' }];

/** The contact center's not-ready reason codes (`GET /genesys/reasonCodes`): the instance's custom states. */
async function reasonCodes(agentId: string): Promise<string[]> {
  const response = await fetch(REASON_CODES_PATH, { headers: { [AGENT_ID_HEADER]: agentId } });
  const body = reasonCodesResultSchema.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !body.success) throw new Error(`The contact center answered ${response.status} for its reason codes.`);
  return body.data.reasonCodes.map((reason) => reason.code);
}

async function loadProfile(agentId: string, customStates: readonly string[]): Promise<AgentProfile> {
  const agents = await simApi.listAgents();
  const agent = agents.find((candidate) => candidate.agentId === agentId);
  if (!agent) throw new Error(`The contact center has no agent ${agentId}.`);
  const queueName = (dn: string): string => QUEUES.find((queue) => queue.dn === dn)?.name ?? `Queue ${dn}`;
  const directory = new QuickConnectDirectory([
    ...agents.filter((other) => other.agentId !== agentId).map((other) => ({ kind: 'agent' as const, dn: other.dn, name: other.name })),
    ...QUEUES.map((queue) => ({ kind: 'queue' as const, dn: queue.dn, name: queue.name })),
    ...PHONE_QUICK_CONNECTS,
  ]);
  return {
    agentId,
    name: agent.name,
    dn: agent.dn,
    queues: agent.queues.map((dn) => ({ dn, name: queueName(dn) })),
    customStates,
    directory,
  };
}

async function main(root: HTMLElement): Promise<void> {
  const parsed = querySchema.safeParse(Object.fromEntries(new URLSearchParams(window.location.search)));
  if (!parsed.success) {
    render(<p role="alert">Invalid CCP parameters: {parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}</p>, root);
    return;
  }
  const { agentId } = parsed.data;
  const framed = window.parent !== window;
  const login = new CcpLogin(window.localStorage, agentId);
  if (!login.signedIn) {
    render(<LoginView login={login} agentId={agentId} framed={framed} />, root);
    return;
  }
  let profile: AgentProfile;
  try {
    profile = await loadProfile(agentId, parsed.data.states ?? (await reasonCodes(agentId)));
  } catch (error) {
    render(<p role="alert">The CCP cannot start: {error instanceof Error ? error.message : String(error)}</p>, root);
    return;
  }
  const app = new CcpApp({
    profile,
    login,
    bridgeUrl: window.location.origin,
    clock: browserClock,
    window,
    host: framed ? window.parent : undefined,
    tabs: { locks: window.isSecureContext ? navigator.locks : undefined, storage: window.localStorage, channel: new BroadcastChannel(`ctikit-ccp:${agentId}`) },
  });
  render(<CcpView app={app} />, root);
  app.start();
  window.addEventListener('pagehide', () => app.stop());
}

const root = document.getElementById('ccp');
if (root) void main(root);
