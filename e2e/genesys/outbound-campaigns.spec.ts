import { expect, offeredEventId, openDemo, test } from '../support/demo-test.ts';
import { shown } from '../support/call-steps.ts';
import { E2E_BRIDGE_URL } from '../support/environment.ts';

/**
 * Outbound campaigns (Genesys Outbound Contact Server in the simulator, e2e/support/simulator.yaml):
 * the campaigns of the agent's group appear in the toolbar when the agent logs in. A preview record is
 * shown to the agent — the campaign, the customer and the calling list's fields — and called with
 * the record attached; after the call the agent sets its call result and marks it processed, which
 * the simulator's campaign keeps. A progressive campaign's call rings with the campaign's name.
 * The campaigns' agents are outside the demo suites' pool, so no other test sees their campaigns.
 */

const PREVIEW_AGENT = 'e2e-preview';
const PROGRESSIVE_AGENT = 'e2e-progressive';
const PUSH_AGENT = 'e2e-push';

test('preview campaign: the agent gets a record, calls it, sets the call result and marks it processed', async ({ page, sim }) => {
  const demo = await openDemo(page, E2E_BRIDGE_URL, PREVIEW_AGENT, { vendor: 'genesys' });
  const { toolbar, fusion, phone } = demo;
  const campaigns = toolbar.root.getByRole('region', { name: 'Outbound campaigns' });
  const preview = toolbar.root.getByRole('region', { name: 'Preview record' });
  await expect(campaigns).toBeHidden();

  await toolbar.goNotReady('Break');
  await expect(campaigns).toContainText('Renewals');
  await expect(campaigns).toContainText('Preview');

  await campaigns.getByRole('button', { name: 'Get record' }).click();
  await expect(preview).toContainText('Campaign Renewals');
  const offered = (await sim.outboundRecords()).find((record) => record.status === 'Offered');
  if (!offered) throw new Error('the campaign offered no record');
  await expect(preview.getByRole('paragraph').filter({ hasText: shown(offered.phone) })).toBeVisible();
  await expect(preview).toContainText(String(offered.fields['Name']));
  await expect(preview.getByRole('definition')).toContainText([String(offered.fields['Name']), String(offered.fields['Plan'])]);
  await expect(campaigns.getByRole('button', { name: 'Get record' })).toBeDisabled();

  await preview.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(preview).toBeHidden();
  await expect(toolbar.outgoingCall).toContainText('Campaign Renewals');
  await expect(toolbar.outgoingCall).toContainText(shown(offered.phone));
  const eventId = await offeredEventId(demo);
  expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND', SVCMCA_ANI: offered.phone });
  const call = await sim.callOf('6101');
  expect(call.userData).toMatchObject({ GSW_RECORD_HANDLE: offered.recordHandle, GSW_CAMPAIGN_NAME: 'Renewals', Name: offered.fields['Name'] });
  expect((await sim.outboundRecords()).find((record) => record.recordHandle === offered.recordHandle)).toMatchObject({ status: 'Dialing', attempts: 1 });

  const atCustomer = phone.customerCall(offered.phone);
  await atCustomer.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(toolbar.currentCall).toContainText('Campaign Renewals');
  await expect(toolbar.currentCall).toContainText('On call');
  await toolbar.control('Hang up').click();

  await expect(toolbar.wrapUp).toContainText('Campaign Renewals');
  const result = toolbar.wrapUp.getByRole('combobox', { name: 'Call result' });
  await expect(result).toHaveValue('33');
  await result.selectOption({ label: 'Answering Machine Detected' });
  await toolbar.wrapUp.getByRole('button', { name: 'Mark processed' }).click();
  await expect(toolbar.wrapUp).toContainText('Record processed: Answering Machine Detected');
  await expect
    .poll(async () => (await sim.outboundRecords()).find((record) => record.recordHandle === offered.recordHandle))
    .toMatchObject({ status: 'Processed', callResult: 9, attempts: 1 });

  await toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();
  await expect(toolbar.wrapUp).toBeHidden();
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
});

test('preview campaign: a rejected record goes back to the campaign, a cancelled one is never called again', async ({ page, sim }) => {
  const demo = await openDemo(page, E2E_BRIDGE_URL, PREVIEW_AGENT, { vendor: 'genesys' });
  const { toolbar } = demo;
  const campaigns = toolbar.root.getByRole('region', { name: 'Outbound campaigns' });
  const preview = toolbar.root.getByRole('region', { name: 'Preview record' });
  await toolbar.goNotReady('Break');

  await campaigns.getByRole('button', { name: 'Get record' }).click();
  await expect(preview).toContainText('Campaign Renewals');
  const first = (await sim.outboundRecords()).find((record) => record.status === 'Offered');
  if (!first) throw new Error('the campaign offered no record');
  await preview.getByRole('button', { name: 'Reject' }).click();
  await expect(preview).toBeHidden();
  expect((await sim.outboundRecords()).find((record) => record.recordHandle === first.recordHandle)?.status).toBe('Ready');

  await campaigns.getByRole('button', { name: 'Get record' }).click();
  await expect(preview).toContainText(shown(first.phone));
  await preview.getByRole('button', { name: 'Do not call again' }).click();
  await expect(preview).toBeHidden();
  expect((await sim.outboundRecords()).find((record) => record.recordHandle === first.recordHandle)?.status).toBe('Cancelled');

  // A reload picks the session up: the campaigns are asked for again, since their announcement is long past.
  await page.reload();
  await expect(campaigns).toContainText('Renewals');
  await expect(campaigns.getByRole('button', { name: 'Get record' })).toBeEnabled();
});

test('progressive campaign: the call the campaign dials rings with its name', async ({ page, sim }) => {
  const demo = await openDemo(page, E2E_BRIDGE_URL, PROGRESSIVE_AGENT, { vendor: 'genesys' });
  const { toolbar } = demo;
  await toolbar.goAvailable();
  await expect(toolbar.incomingCall).toContainText('Campaign Winback');
  const call = await sim.callOf('6102');
  expect(call.userData).toMatchObject({ GSW_CAMPAIGN_NAME: 'Winback', GSW_CALLING_LIST: 'WinbackList' });
  await expect(toolbar.root.getByRole('region', { name: 'Outbound campaigns' })).toContainText('Progressive');
});

test('push preview campaign: started by the agent, it pushes the next record when one is done, until stopped', async ({ page, sim }) => {
  const demo = await openDemo(page, E2E_BRIDGE_URL, PUSH_AGENT, { vendor: 'genesys' });
  const { toolbar } = demo;
  const campaigns = toolbar.root.getByRole('region', { name: 'Outbound campaigns' });
  const preview = toolbar.root.getByRole('region', { name: 'Preview record' });
  await toolbar.goNotReady('Break');
  await expect(campaigns).toContainText('Push preview');
  await expect(preview).toBeHidden();

  await campaigns.getByRole('button', { name: 'Start push preview' }).click();
  await expect(preview).toContainText('Campaign Reactivation');
  const pushed = (await sim.outboundRecords()).find((record) => record.campaignName === 'Reactivation' && record.status === 'Offered');
  if (!pushed) throw new Error('the campaign pushed no record');
  await expect(preview).toContainText(String(pushed.fields['Name']));

  await preview.getByRole('button', { name: 'Do not call again' }).click();
  await expect(preview).not.toContainText(String(pushed.fields['Name']));
  await expect(preview).toContainText('Campaign Reactivation');
  const next = (await sim.outboundRecords()).find((record) => record.campaignName === 'Reactivation' && record.status === 'Offered');
  expect(next?.recordHandle).not.toBe(pushed.recordHandle);

  await campaigns.getByRole('button', { name: 'Stop push preview' }).click();
  await expect(campaigns.getByRole('button', { name: 'Start push preview' })).toBeVisible();
  await preview.getByRole('button', { name: 'Reject' }).click();
  await expect(preview).toBeHidden();
  expect((await sim.outboundRecords()).filter((record) => record.campaignName === 'Reactivation' && record.status === 'Offered')).toEqual([]);
});
