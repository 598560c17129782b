import { shown } from '../support/call-steps.ts';
import type { SimControl } from '../support/sim-control.ts';
import { Customer } from './support/customer.ts';
import { desktopOptions, expect, EXTENSION_ORIGIN, OTHER_ORIGIN, test, TOOLBAR_ORIGIN } from './support/extension-test.ts';

/**
 * The Service Client API's security, as Agent Desktop documents it, in the browser: an origin not
 * accepted gets nothing at all; an accepted origin with an API filter gets only those APIs and their
 * topics; userData keys not read-allowed never leave the toolbar, and keys not write-allowed never
 * reach the contact center; a rate limit quarantines the origin; and malformed or oversized messages
 * are dropped without harm.
 */

const OLIVIA = '+14155550142';
const NOAH = '+14155550177';

/** Two views: the accepted Probe, and the same page from the other origin. */
function withStranger(workspace: Record<string, string>) {
  return desktopOptions(
    { 'workspace.web-content': 'Probe, Stranger', ...workspace },
    { Stranger: { label: 'Stranger', url: `${OTHER_ORIGIN}/extension.html` } },
  );
}

async function userDataOf(sim: SimControl, number: string) {
  const call = (await sim.calls()).find((candidate) => candidate.parties.some((party) => party.dn === number));
  return call?.userData;
}

test.describe('an origin not accepted', () => {
  test.use({ desktop: withStranger({}) });

  test('gets no answer, no frameId and no event, while the accepted one is served', async ({ toolbar, agent, sim }) => {
    const stranger = await toolbar.extension('Stranger');
    const probe = await toolbar.extension('Probe');
    expect(stranger.origin).toBe(OTHER_ORIGIN);
    await stranger.record();
    await stranger.listen(['agent', 'interaction']);
    await probe.listen(['agent', 'interaction']);

    await probe.data('agent.setState', 'Ready');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect.poll(() => probe.eventLines()).toContain('interaction RINGING');
    // The client library gives up after its 10 s: nothing ever came back.
    expect(await stranger.call('agent.get')).toEqual({ ok: false, errorMessage: 'Request timeout' });
    expect(await stranger.received()).toEqual([]);
    expect(await stranger.events()).toEqual([]);
    expect(await stranger.frameId()).toBeUndefined();
    expect(await probe.frameId()).toEqual(expect.any(Number));
    await toolbar.page.getByRole('tab', { name: 'Stranger' }).click();
    await expect(stranger.frame.getByRole('status')).toHaveText('Not connected: Request timeout');
  });
});

test.describe('an origin with an API filter', () => {
  test.use({ desktop: withStranger({ 'service-client-api.accepted-web-content-origins': `${EXTENSION_ORIGIN} (*), ${OTHER_ORIGIN} (agent.*, voice.dial)` }) });

  test('uses only its APIs and hears only their topics', async ({ toolbar }) => {
    const filtered = await toolbar.extension('Stranger');
    await filtered.listen(['agent', 'interaction']);
    expect(await filtered.data('agent.get')).toMatchObject({ roles: ['ROLE_AGENT'] });
    expect(await filtered.call('interaction.getInteractions')).toEqual({
      ok: false,
      userAgent: 'WWE Server',
      protocolVersion: 2,
      request: 'interaction.getInteractions',
      errorMessage: `interaction.getInteractions is not allowed for ${OTHER_ORIGIN} (service-client-api.accepted-web-content-origins).`,
      errorCode: 'NOT_ALLOWED',
    });
    expect(await filtered.call('system.getAllowedServices')).toMatchObject({ ok: false, errorCode: 'NOT_ALLOWED' });

    await filtered.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    const { interactionId } = (await filtered.data('voice.dial', NOAH)) as { interactionId: string };
    await expect(toolbar.view.outgoingCall).toContainText(shown(NOAH));
    expect(await filtered.call('voice.hangUp', interactionId)).toMatchObject({ ok: false, errorCode: 'NOT_ALLOWED' });
    await toolbar.view.outgoingCall.getByRole('button', { name: 'Cancel call' }).click();
    await expect.poll(() => filtered.eventLines()).toEqual(['agent STATE_CHANGED', 'agent STATE_CHANGED']);
    await expect(toolbar.view.outgoingCall).toBeHidden();
    await expect(toolbar.view.wrapUp).toBeHidden();
    expect(await filtered.eventLines()).toEqual(['agent STATE_CHANGED', 'agent STATE_CHANGED']);
  });
});

test.describe('user data keys', () => {
  test.use({
    desktop: desktopOptions(
      {
        'interaction.web-content': 'Context',
        'service-client-api.user-data.read-allowed': 'Reason',
        'service-client-api.user-data.write-allowed': 'Reason, Notes',
      },
      {
        Context: {
          label: 'Context',
          url: `${EXTENSION_ORIGIN}/extension.html?interactionId={interactionId}&pin={userData.AccountPin}&reason={userData.Reason}`,
        },
      },
    ),
  });

  test('not read-allowed are never shown; not write-allowed never reach the contact center', async ({ toolbar, agent, request, sim }) => {
    const probe = await toolbar.extension('Probe');
    await probe.listen(['interaction']);
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await new Customer(request, sim).calls(OLIVIA, agent.dn, { Reason: 'billing', AccountPin: '4321' });
    await expect.poll(() => probe.eventLines()).toEqual(['interaction ADDED', 'interaction RINGING']);

    const [call] = (await probe.data('interaction.getInteractions')) as Array<{ interactionId: string; userData: unknown }>;
    const id = call?.interactionId ?? '';
    expect(call?.userData).toEqual({ Reason: 'billing' });
    const context = toolbar.page.locator('iframe[data-extension="Context"]');
    await expect(context).toHaveAttribute('src', `${EXTENSION_ORIGIN}/extension.html?interactionId=${encodeURIComponent(id)}&pin=&reason=billing`);
    // Selecting the call's case opens its panel.
    const panel = toolbar.page.getByRole('tab', { name: `Context · ${OLIVIA}` });
    await expect(panel).toHaveAttribute('aria-expanded', 'false');
    await probe.data('interaction.selectCaseByCaseId', id);
    await expect(panel).toHaveAttribute('aria-expanded', 'true');
    await expect(context).toBeVisible();

    expect(await probe.call('interaction.setUserData', id, { AccountPin: '0000' })).toMatchObject({
      ok: false,
      errorCode: 'NOT_ALLOWED',
      errorMessage: 'Writing "AccountPin" is not allowed (service-client-api.user-data.write-allowed).',
    });
    expect(await probe.call('interaction.deleteUserData', id, 'AccountPin')).toMatchObject({ ok: false, errorCode: 'NOT_ALLOWED' });
    await probe.data('interaction.setUserData', id, { Notes: 'called twice' });
    await expect.poll(() => userDataOf(sim, OLIVIA)).toEqual({ Reason: 'billing', AccountPin: '4321', Notes: 'called twice' });
    await probe.data('interaction.setUserData', id, { Reason: 'refund' });
    await expect.poll(() => userDataOf(sim, OLIVIA)).toMatchObject({ Reason: 'refund', AccountPin: '4321' });

    // Notes is write-allowed but not read-allowed: its change raised no event; Reason's did.
    await expect
      .poll(() => probe.eventLines())
      .toEqual(['interaction ADDED', 'interaction RINGING', 'interaction CASE_SELECTED', 'interaction ATTACHED_DATA_CHANGED']);
    const everything = JSON.stringify(await probe.events());
    expect(everything).not.toContain('4321');
    expect(everything).not.toContain('called twice');
  });
});

test.describe('rate limits', () => {
  test.use({ desktop: desktopOptions({ 'service-client-api.rate-limit.voice.dial': '1', 'service-client-api.rate-limit-quarantine-delay': '600' }) });

  test('the request past the limit is refused, then every request of that origin during the quarantine', async ({ toolbar, sim }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await probe.data('voice.dial', NOAH);
    await expect(toolbar.view.outgoingCall).toContainText(shown(NOAH));

    expect(await probe.call('voice.dial', OLIVIA)).toEqual({
      ok: false,
      userAgent: 'WWE Server',
      protocolVersion: 2,
      request: 'voice.dial',
      errorCode: 'RATE_LIMITED',
      errorMessage: 'Rate limit of 1 voice.dial requests a minute exceeded: requests from this origin are refused for 600 s.',
    });
    expect(await probe.call('agent.get')).toMatchObject({ ok: false, errorCode: 'RATE_LIMITED', errorMessage: expect.stringMatching(/refused for \d+ s\.$/) });
    expect((await sim.calls()).filter((call) => call.parties.some((party) => party.dn === OLIVIA))).toEqual([]);

    // The toolbar itself is not limited.
    await toolbar.view.outgoingCall.getByRole('button', { name: 'Cancel call' }).click();
    await expect(toolbar.view.outgoingCall).toBeHidden();
    await expect(toolbar.view.wrapUp).toBeHidden();
  });
});

test.describe('malformed and oversized messages', () => {
  test('are dropped without an answer and without harm', async ({ toolbar }) => {
    const errors: string[] = [];
    toolbar.page.on('pageerror', (error) => errors.push(error.message));
    const probe = await toolbar.extension('Probe');
    await probe.record();
    const posted = await probe.postJunk(TOOLBAR_ORIGIN);
    expect(posted).toBeGreaterThan(10);

    expect(await probe.data('agent.get')).toMatchObject({ roles: ['ROLE_AGENT'] });
    const answered = (await probe.received()).map((message) => (message as { referenceId?: unknown }).referenceId);
    expect(answered.filter((id) => typeof id === 'string' && id.startsWith('junk-'))).toEqual([]);

    await toolbar.view.goAvailable();
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    expect(errors).toEqual([]);
  });
});
