import type { SimulatorControl } from '../control.ts';
import type { ContactCenterPort, PortEvent } from '../port.ts';
import type { OutboundCampaigns } from './campaigns.ts';

/** What the dialer uses of the simulator: who the agents are, their DNs' state, and the customer's phone. */
type Switch = Pick<ContactCenterPort, 'agents' | 'snapshot'> & Pick<SimulatorControl, 'subscribeAll' | 'placeCall'>;

/**
 * Progressive dialing: when an agent of a progressive campaign becomes Ready with no call, the
 * campaign dials its next record and the call rings at the agent with the record attached (as OCS
 * hands a connected customer call to the agent). A call that cannot be placed gives the record back.
 * Returns the function that stops it.
 */
export function startProgressiveDialer(simulator: Switch, campaigns: OutboundCampaigns): () => void {
  return simulator.subscribeAll((event: PortEvent) => {
    if (event.eventName !== 'EventAgentReady') return;
    const dn = event.thisDN;
    queueMicrotask(() => dialFor(simulator, campaigns, dn));
  });
}

function dialFor(simulator: Switch, campaigns: OutboundCampaigns, dn: string): void {
  const agent = simulator.agents().find((entry) => entry.dn === dn);
  const now = simulator.snapshot(dn);
  if (!agent || now.agent.state !== 'Ready' || now.calls.length > 0) return;
  const dialed = campaigns.progressiveRecord(agent.agentId);
  if (!dialed) return;
  try {
    simulator.placeCall({ from: dialed.phone, to: dn, userData: dialed.userData });
  } catch {
    campaigns.reject(agent.agentId, dialed.record.recordHandle);
  }
}

/** OCS tells an agent who logs in of its group's campaigns (CampaignStarted, one per campaign), after the login's own events. */
export function announceCampaignsOnLogin(simulator: Pick<SimulatorControl, 'subscribeAll'>, campaigns: OutboundCampaigns): () => void {
  return simulator.subscribeAll((event: PortEvent) => {
    if (event.eventName !== 'EventAgentLogin' || event.agentId === undefined) return;
    const agentId = event.agentId;
    queueMicrotask(() => campaigns.announceCampaigns(agentId));
  });
}
