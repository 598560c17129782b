import { Customer } from './support/customer.ts';
import type { ExtensionProbe } from './support/extension-probe.ts';
import { expect, test } from './support/extension-test.ts';

/**
 * Notifications, raised by real calls through the simulator: every event type of the agent, media,
 * interaction and system topics, in the order the contact center's events caused them, with the
 * objects they carry.
 */

const OLIVIA = '+14155550142';
const NOAH = '+14155550177';
const SUPERVISOR = '+14155550199';

/** The interaction events about one call, as eventType lines. */
async function interactionEvents(probe: ExtensionProbe, interactionId: string): Promise<string[]> {
  return (await probe.events())
    .filter((message) => message.event === 'interaction' && (message.data['interaction'] as { interactionId?: string }).interactionId === interactionId)
    .map((message) => message.data.eventType);
}

test.describe('Service Client API notifications', () => {
  test('agent and media STATE_CHANGED follow the contact center’s agent events', async ({ toolbar }) => {
    const probe = await toolbar.extension('Probe');
    await probe.listen(['agent', 'media']);
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await toolbar.view.goNotReady('Lunch');
    // Going ready from logged out is a login (EventAgentLogin, not ready), then EventAgentReady.
    await expect
      .poll(() => probe.events())
      .toEqual([
        expect.objectContaining({ event: 'agent', data: { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY' }, userAgent: 'WWE Server', protocolVersion: 2 }),
        expect.objectContaining({ event: 'media', data: { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY', media: 'voice' } }),
        expect.objectContaining({ event: 'agent', data: { eventType: 'STATE_CHANGED', mediaState: 'READY' } }),
        expect.objectContaining({ event: 'media', data: { eventType: 'STATE_CHANGED', mediaState: 'READY', media: 'voice' } }),
        expect.objectContaining({
          event: 'agent',
          data: { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY_ACTION_CODE', reason: 'Lunch', reasonCode: 'Lunch' },
        }),
        expect.objectContaining({
          event: 'media',
          data: { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY_ACTION_CODE', reason: 'Lunch', reasonCode: 'Lunch', media: 'voice' },
        }),
      ]);
  });

  test('an inbound call: every interaction event type, from RINGING to REMOVED', async ({ toolbar, agent, sim, request }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await probe.listen(['interaction']);

    await sim.placeCall(OLIVIA, agent.dn);
    await expect.poll(async () => (await probe.eventLines()).length).toBe(2);
    const [added] = await probe.events();
    const call = added?.data['interaction'] as { interactionId: string };
    const id = call.interactionId;
    expect(added?.data).toMatchObject({
      eventType: 'ADDED',
      media: 'voice',
      interaction: {
        interactionId: id,
        caseId: id,
        state: 'RINGING',
        previousState: 'UNKNOWN',
        direction: 'IN',
        callType: 'Inbound',
        ani: OLIVIA,
        dnis: agent.dn,
      },
    });
    expect((added?.data['interaction'] as { callUuid?: string }).callUuid).toBe((await new Customer(request, sim).call(OLIVIA)).callUuid);

    await toolbar.view.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.view.currentCall).toContainText('On call');
    await probe.data('voice.hold', id);
    await toolbar.view.control('Resume').click();
    await probe.data('interaction.setUserData', id, { Reason: 'billing' });
    await probe.data('interaction.setUserData', id, { IW_CaseUid: 'case-42' });
    await probe.data('voice.startCallRecording', id);
    await expect
      .poll(() => interactionEvents(probe, id))
      .toEqual([
        'ADDED',
        'RINGING',
        'ESTABLISHED',
        'HELD',
        'ESTABLISHED',
        'ATTACHED_DATA_CHANGED',
        'ATTACHED_DATA_CHANGED',
        'CASE_OR_BUNDLE_ID_CHANGED',
        'CALL_RECORDING_STATE_CHANGED',
      ]);
    const recording = (await probe.events()).at(-1)?.data['interaction'];
    expect(recording).toMatchObject({
      caseId: 'case-42',
      userData: { Reason: 'billing', IW_CaseUid: 'case-42' },
      recordingState: 'RECORDING',
      state: 'TALKING',
      previousState: 'HELD',
    });

    const { interactionId: consultId } = (await probe.data('interaction.consult', id, SUPERVISOR)) as { interactionId: string };
    await expect.poll(() => interactionEvents(probe, consultId)).toEqual(['ADDED', 'DIALING']);
    await new Customer(request, sim).answers(SUPERVISOR);
    await expect.poll(() => interactionEvents(probe, consultId)).toEqual(['ADDED', 'DIALING', 'ESTABLISHED']);
    await probe.data('interaction.completeConference', consultId);
    await expect.poll(async () => (await interactionEvents(probe, id)).slice(9)).toEqual(['HELD', 'ESTABLISHED', 'PARTY_CHANGED']);
    await expect.poll(() => interactionEvents(probe, consultId)).toEqual(['ADDED', 'DIALING', 'ESTABLISHED', 'RELEASED', 'REMOVED']);

    await probe.data('voice.hangUp', id);
    await expect(toolbar.view.wrapUp).toContainText('Call ended');
    await probe.data('interaction.markdone', id);
    await expect.poll(async () => (await interactionEvents(probe, id)).slice(12)).toEqual(['RELEASED', 'REMOVED']);
    const removed = (await probe.events()).at(-1);
    expect(removed?.data).toMatchObject({ eventType: 'REMOVED', interaction: { interactionId: id, state: 'IDLE', previousState: 'TALKING' } });
  });

  test('an outbound call: DIALING, then ESTABLISHED when the customer answers, RELEASED when they hang up', async ({ toolbar, sim, request }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await probe.listen(['interaction']);

    const { interactionId: id } = (await probe.data('voice.dial', NOAH)) as { interactionId: string };
    await expect.poll(() => interactionEvents(probe, id)).toEqual(['ADDED', 'DIALING']);
    expect((await probe.events())[1]?.data['interaction']).toMatchObject({ state: 'DIALING', direction: 'OUT', callType: 'Outbound', dnis: NOAH });
    const noah = new Customer(request, sim);
    await noah.answers(NOAH);
    await expect.poll(() => interactionEvents(probe, id)).toEqual(['ADDED', 'DIALING', 'ESTABLISHED']);
    await noah.hangsUp(NOAH);
    await expect.poll(() => interactionEvents(probe, id)).toEqual(['ADDED', 'DIALING', 'ESTABLISHED', 'RELEASED']);
  });

  test('system CUSTOM_TOAST_BUTTON_CLICK goes to the extension whose toast the agent clicked', async ({ toolbar }) => {
    const probe = await toolbar.extension('Probe');
    await probe.listen(['system']);
    const { toastId } = (await probe.data('system.popupToast', {
      title: 'Callback due',
      message: 'Mrs Lee, 3 pm',
      buttons: [
        { id: 'call', label: 'Call now' },
        { id: 'later', label: 'Later' },
      ],
    })) as { toastId: string };
    const toasts = toolbar.page.getByRole('region', { name: 'Notifications from extensions' });
    await toasts.getByRole('button', { name: 'Call now' }).click();
    await expect
      .poll(() => probe.events())
      .toEqual([expect.objectContaining({ event: 'system', data: { eventType: 'CUSTOM_TOAST_BUTTON_CLICK', toastId, buttonId: 'call' } })]);
    await expect(toasts).toBeHidden();
  });
});
