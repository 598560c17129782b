import type { BrowserContext } from '@playwright/test';
import { formatPhoneNumber } from '../../packages/toolbar/src/ui/number-format.ts';
import type { CcpPanel } from './ccp-panel.ts';
import { expect, offeredEventId, type Agent, type Demo, type Vendor } from './demo-test.ts';
import { E2E_BRIDGE_URL } from './environment.ts';
import { ToolbarView } from './toolbar-view.ts';
import type { SimCall, SimControl } from './sim-control.ts';

/**
 * The steps a call scenario sets its stage with, on either vendor, and the people in them (the
 * Fusion simulator's contacts and the customer phone's numbers). `ccp` is Amazon Connect's own agent
 * client inside the toolbar, undefined on the Genesys path (where the toolbar talks to the bridge).
 */

/** A known customer: Olivia Bennett of Northwind Traders. */
export const OLIVIA = '+14155550142';
/** A number Fusion's reverse lookup does not know. */
export const UNKNOWN = '+15550100999';
/** Contacts with click-to-dial links in Fusion. */
export const DANIEL = '+13125550187';
export const HANNAH = '+442079460018';

/**
 * A number as the toolbar shows it: formatted for the demo's region (US, the config's default
 * `phoneRegion`) — "(415) 555-0142", "+44 20 7946 0018" — or as given when it is no valid number.
 */
export function shown(number: string): string {
  return formatPhoneNumber(number, 'US');
}

/** On Amazon Connect, the CCP's view agrees: the agent's state and/or a line of its contacts list. */
export async function expectCcp(ccp: CcpPanel | undefined, says: { agentState?: string; contacts?: string }): Promise<void> {
  if (!ccp) return;
  if (says.agentState !== undefined) await expect(ccp.agentState).toHaveText(says.agentState);
  if (says.contacts !== undefined) await expect(ccp.contacts).toContainText(says.contacts);
}

/** The agent goes available in the toolbar. */
export async function available(demo: Demo, ccp: CcpPanel | undefined): Promise<void> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await expectCcp(ccp, { agentState: 'Available' });
}

/** The agent is available and Olivia's call, placed by `placeCall`, rings at them; resolves with its eventId. */
export async function ringing(demo: Demo, ccp: CcpPanel | undefined, placeCall: () => Promise<unknown>): Promise<string> {
  await available(demo, ccp);
  await placeCall();
  await expect(demo.fusion.incomingCall).toContainText('Olivia Bennett');
  await expect(demo.toolbar.incomingCall).toContainText('Olivia Bennett');
  await expectCcp(ccp, { agentState: 'PendingBusy' });
  return offeredEventId(demo);
}

/** What the agent sees once Olivia's call is connected, and what Fusion received. */
export async function expectConnected(demo: Demo, ccp: CcpPanel | undefined, eventId: string): Promise<void> {
  const { toolbar, fusion, phone } = demo;
  const engagement = fusion.engagement('Olivia Bennett');
  await expect(engagement).toContainText('Inbound');
  await expect(engagement).toContainText('Northwind Traders');
  await expect(fusion.incomingCall).toBeHidden();
  await expect(toolbar.incomingCall).toBeHidden();
  await expect(toolbar.currentCall).toContainText('Olivia Bennett');
  await expect(toolbar.currentCall).toContainText('On call');
  await expect(phone.customerCall(OLIVIA)).toContainText('Talking');
  await expectCcp(ccp, { agentState: 'Busy', contacts: `inbound ${OLIVIA}: connected` });
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
  const startComm = await fusion.uef.last('startCommEvent');
  expect(startComm.data.inData).toMatchObject({ SVCMCA_ANI: OLIVIA, SVCMCA_CONTACT_NAME: 'Olivia Bennett' });
  await expect(fusion.uef.entries.filter({ hasText: 'inData carries all' })).toHaveCount(1);
}

/** Olivia's call to the agent's DN, accepted in the toolbar; resolves with its eventId. */
export async function answered(demo: Demo, ccp: CcpPanel | undefined, agent: Agent, sim: SimControl): Promise<string> {
  const eventId = await ringing(demo, ccp, () => sim.placeCall(OLIVIA, agent.dn));
  await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(demo.toolbar.currentCall).toContainText('On call');
  await expect(demo.fusion.engagement('Olivia Bennett')).toBeVisible();
  await expectCcp(ccp, { agentState: 'Busy' });
  return eventId;
}

/** The state of the agent's own leg of their call with a customer, as the simulator has it. */
export async function agentLeg(sim: SimControl, agent: Agent): Promise<string | undefined> {
  const onCall = (call: SimCall): boolean => call.parties.some((party) => party.dn === agent.dn);
  const withCustomer = (await sim.calls()).find((call) => onCall(call) && call.parties.some((party) => party.kind === 'external'));
  return withCustomer?.parties.find((party) => party.dn === agent.dn)?.state;
}

/** A colleague's toolbar on its own page (no Fusion around it), signed in and Available: the other end of a transfer or consultation. */
export async function colleagueToolbar(context: BrowserContext, colleague: Agent, vendor: Vendor): Promise<ToolbarView> {
  const page = await context.newPage();
  await page.goto(`${E2E_BRIDGE_URL}/toolbar/?${new URLSearchParams({ agentId: colleague.agentId, vendor })}`);
  const toolbar = new ToolbarView(page);
  await toolbar.goAvailable();
  await expect(toolbar.agentStateText).toHaveText('Available');
  return toolbar;
}
