import { API_NAMES } from '@ctikit/service-client';
import { shown } from '../support/call-steps.ts';
import type { SimControl } from '../support/sim-control.ts';
import { Customer } from './support/customer.ts';
import { desktopOptions, expect, test } from './support/extension-test.ts';

/**
 * Every namespace of the Service Client API, called by a web extension on another origin through
 * the real client library, served by the toolbar through the same workspace commands as its buttons
 * — so what an extension asks reaches the contact center (the simulator, through the bridge), and
 * what the contact center does shows in the toolbar too.
 */

const OLIVIA = '+14155550142';
const NOAH = '+14155550177';
const SUPERVISOR = '+14155550199';

/** The simulator's call with this customer, once it is in the given state. */
async function callWith(sim: SimControl, number: string) {
  const call = (await sim.calls()).find((candidate) => candidate.parties.some((party) => party.dn === number));
  if (!call) throw new Error(`no call with ${number}`);
  return call;
}

test.use({ desktop: desktopOptions({}, { Custom: { 'test.one': '1', other: 'x' } }) });

test.describe('Service Client API namespaces', () => {
  test('agent and media: the agent, its states, and setting them', async ({ toolbar, agent, sim }) => {
    const probe = await toolbar.extension('Probe');
    expect(await probe.data('agent.get')).toEqual({ employeeId: agent.agentId, username: agent.agentId, roles: ['ROLE_AGENT'] });
    expect(await probe.data('agent.getStateList')).toEqual([
      { operationName: 'Ready', displayName: 'Ready', state: 'READY' },
      { operationName: 'NotReady', displayName: 'Not Ready', state: 'NOT_READY' },
      ...['Break', 'Lunch', 'Meeting', 'Training'].map((code) => ({
        operationName: `NotReadyReason:${code}`,
        displayName: `Not Ready - ${code}`,
        state: 'NOT_READY_ACTION_CODE',
        reason: code,
        reasonCode: code,
      })),
      { operationName: 'LogOff', displayName: 'Log Off', state: 'LOGOUT' },
    ]);

    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    expect((await sim.agent(agent.agentId)).state).toBe('Ready');
    expect(await probe.data('agent.getState')).toEqual({ operationName: 'Ready', displayName: 'Ready', state: 'READY' });

    await probe.data('media.setState', 'voice', 'NotReadyReason:Lunch');
    await expect(toolbar.view.agentStateText).toHaveText('Not ready: Lunch');
    expect(await probe.data('media.getMediaList')).toEqual([
      {
        media: 'voice',
        state: {
          operationName: 'NotReadyReason:Lunch',
          displayName: 'Not Ready - Lunch',
          state: 'NOT_READY_ACTION_CODE',
          reason: 'Lunch',
          reasonCode: 'Lunch',
        },
      },
    ]);
    expect(await probe.data('media.getMediaByName', 'voice')).toMatchObject({ media: 'voice', state: { reasonCode: 'Lunch' } });
    expect(await probe.call('media.getMediaByName', 'chat')).toMatchObject({ ok: false, errorCode: 'UNKNOWN_MEDIA' });
    expect(await probe.call('agent.setState', 'Dancing')).toMatchObject({ ok: false, errorCode: 'UNKNOWN_STATE' });

    await probe.data('agent.setState', 'LogOff');
    await expect(toolbar.view.agentStateText).toHaveText('Logged out');
  });

  test('interaction and voice: a customer’s call answered, held, recorded, given user data and marked done from the extension', async ({
    toolbar,
    agent,
    sim,
  }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.view.incomingCall).toBeVisible();

    const [ringing] = (await probe.data('interaction.getInteractions')) as Array<{ interactionId: string }>;
    const id = ringing?.interactionId ?? '';
    expect(ringing).toMatchObject({ state: 'RINGING', direction: 'IN', callType: 'Inbound', ani: OLIVIA, dnis: agent.dn, recordingState: 'STOPPED' });
    expect(await probe.data('interaction.getByInteractionId', id)).toEqual(ringing);

    await probe.data('voice.answer', id);
    await expect(toolbar.view.currentCall).toContainText('On call');
    await probe.data('voice.hold', id);
    await expect(toolbar.view.currentCall).toContainText('On hold');
    await probe.data('voice.resume', id);
    await expect(toolbar.view.currentCall).toContainText('On call');

    // Each recording command needs the state the one before it led to, as the toolbar heard it.
    const recording = async () => ((await probe.data('interaction.getByInteractionId', id)) as { recordingState: string }).recordingState;
    await probe.data('voice.startCallRecording', id);
    await expect.poll(recording).toBe('RECORDING');
    await probe.data('voice.pauseCallRecording', id);
    await expect.poll(recording).toBe('PAUSED');
    expect((await callWith(sim, OLIVIA)).recordingState).toBe('Paused');
    await probe.data('voice.resumeCallRecording', id);
    await expect.poll(recording).toBe('RECORDING');
    await probe.data('voice.stopCallRecording', id);
    await expect.poll(recording).toBe('STOPPED');
    expect((await callWith(sim, OLIVIA)).recordingState).toBe('Stopped');

    await probe.data('interaction.setUserData', id, { Reason: 'billing', Priority: 2 });
    await expect.poll(async () => (await callWith(sim, OLIVIA)).userData).toMatchObject({ Reason: 'billing', Priority: 2 });
    await probe.data('interaction.deleteUserData', id, 'Priority');
    await expect.poll(async () => (await callWith(sim, OLIVIA)).userData).toEqual({ Reason: 'billing' });
    await expect.poll(async () => ((await probe.data('interaction.getByInteractionId', id)) as { userData: unknown }).userData).toEqual({ Reason: 'billing' });

    await probe.data('sipEndpoint.muteMicrophone');
    await expect.poll(() => probe.data('sipEndpoint.isMicrophoneMute')).toBe(true);
    await expect(toolbar.view.currentCall).toContainText('Muted');
    await probe.data('sipEndpoint.unmuteMicrophone');
    await expect.poll(() => probe.data('sipEndpoint.isMicrophoneMute')).toBe(false);

    await probe.data('interaction.selectCaseByCaseId', id);
    expect(await probe.data('interaction.getByInteractionId', id)).toMatchObject({ isCaseSelected: true, isCaseExpanded: true });

    await probe.data('interaction.blockMarkdone', id, 'Fill in the survey first');
    await probe.data('voice.hangUp', id);
    await expect(toolbar.view.wrapUp).toContainText('Call ended');
    expect(await probe.call('interaction.markdone', id)).toEqual({
      ok: false,
      userAgent: 'WWE Server',
      protocolVersion: 2,
      request: 'interaction.markdone',
      errorMessage: 'Fill in the survey first',
      errorCode: 'MARK_DONE_BLOCKED',
    });
    await probe.data('interaction.unblockMarkdone', id);
    await probe.data('interaction.markdone', id);
    await expect(toolbar.view.wrapUp).toBeHidden();
    expect(await probe.data('interaction.getInteractions')).toEqual([]);
  });

  test('voice.dial with user data, then a consultation completed as a conference, then as a transfer', async ({ toolbar, agent, sim, request }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');

    const { interactionId: id } = (await probe.data('voice.dial', NOAH, { Campaign: 'spring' })) as { interactionId: string };
    await expect(toolbar.view.outgoingCall).toContainText(shown(NOAH));
    await expect.poll(async () => (await callWith(sim, NOAH)).userData).toEqual({ Campaign: 'spring' });
    await new Customer(request, sim).answers(NOAH);
    await expect(toolbar.view.currentCall).toContainText('On call');

    const { interactionId: consultId } = (await probe.data('interaction.consult', id, { target: 'CUSTOM_CONTACT', destination: SUPERVISOR })) as {
      interactionId: string;
    };
    await expect
      .poll(async () => (await probe.data('interaction.getByInteractionId', consultId)) as object)
      .toMatchObject({ isConsultation: true, parentInteractionId: id });
    await new Customer(request, sim).answers(SUPERVISOR);
    await expect.poll(async () => ((await probe.data('interaction.getByInteractionId', consultId)) as { state: string }).state).toBe('TALKING');
    await probe.data('interaction.completeConference', consultId);
    await expect.poll(async () => (await callWith(sim, NOAH)).parties.map((party) => party.dn).sort()).toEqual([NOAH, SUPERVISOR, agent.dn].sort());
    await expect
      .poll(async () => (await probe.data('interaction.getByInteractionId', id)) as object)
      .toMatchObject({ state: 'TALKING', parties: expect.arrayContaining([{ name: SUPERVISOR }]) });

    const { interactionId: secondConsult } = (await probe.data('interaction.consult', id, '5999')) as { interactionId: string };
    expect(await probe.call('interaction.completeTransfer', id)).toMatchObject({ ok: false, errorCode: 'NOT_A_CONSULTATION' });
    await probe.data('interaction.completeTransfer', secondConsult);
    await expect(toolbar.view.wrapUp).toContainText('Transferred');
    await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
  });

  test('a single-step transfer carries the extension’s user data to the contact center', async ({ toolbar, agent, sim }) => {
    const probe = await toolbar.extension('Probe');
    await probe.data('agent.setState', 'Ready');
    await expect(toolbar.view.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.view.incomingCall).toBeVisible();
    const [call] = (await probe.data('interaction.getInteractions')) as Array<{ interactionId: string }>;
    await probe.data('interaction.accept', call?.interactionId);
    await expect(toolbar.view.currentCall).toContainText('On call');

    await probe.data('interaction.singleStepTransfer', call?.interactionId, NOAH, { TransferNote: 'VIP' });
    await expect(toolbar.view.wrapUp).toContainText('Transferred');
    await expect.poll(async () => (await callWith(sim, OLIVIA)).parties.map((party) => party.dn)).toContain(NOAH);
    expect((await callWith(sim, OLIVIA)).userData).toMatchObject({ TransferNote: 'VIP' });
  });

  test('system, email, configuration and sipEndpoint: services, toasts, options, and clear refusals', async ({ toolbar }) => {
    const probe = await toolbar.extension('Probe');
    expect(await probe.data('system.getAllowedServices')).toEqual(API_NAMES);
    expect(await probe.data('system.triggerActivity')).toBeNull();

    const { toastId } = (await probe.data('system.popupToast', {
      title: 'Callback due',
      message: 'Mrs Lee, 3 pm',
      buttons: [{ id: 'call', label: 'Call now' }],
    })) as {
      toastId: string;
    };
    const toast = toolbar.page.getByRole('region', { name: 'Notifications from extensions' }).getByRole('status');
    await expect(toast).toContainText('From Probe');
    await expect(toast).toContainText('Callback due');
    await probe.data('system.updateToast', toastId, { title: 'Callback overdue' });
    await expect(toast).toContainText('Callback overdue');
    await probe.data('system.closeToast', toastId);
    await expect(toast).toHaveCount(0);

    expect(await probe.data('configuration.getOption', ['service-client-api.rate*', 'Custom/test.*'])).toEqual([
      { sectionName: 'Custom', options: { 'test.one': '1' } },
    ]);
    expect(await probe.data('configuration.getOption', 'workspace.*')).toEqual([
      { sectionName: 'interaction-workspace', options: { 'workspace.web-content': 'Probe' } },
    ]);

    expect(await probe.call('email.create', 'olivia@example.com')).toEqual({
      ok: false,
      userAgent: 'WWE Server',
      protocolVersion: 2,
      request: 'email.create',
      errorMessage: 'email.create: the agent has no email media (no email channel is configured).',
      errorCode: 'UNKNOWN_MEDIA',
    });
    expect(await probe.data('sipEndpoint.muteSpeaker')).toBeNull();
    expect(await probe.data('sipEndpoint.isSpeakerMute')).toBe(true);
    expect(await probe.data('system.amIVisible')).toBe(false);
    await toolbar.page.getByRole('tab', { name: 'Probe' }).click();
    expect(await probe.data('system.amIVisible')).toBe(true);
    expect(await probe.data('system.isLastActiveFrame')).toBe(true);

    await probe.data('system.updateViewInApplicationMenuBar', { name: 'shift', label: 'Time Remaining - (00:04:46)', tooltip: 'End of Shift' });
    const menuBar = toolbar.page.getByRole('list', { name: 'From extensions' });
    await expect(menuBar).toContainText('Time Remaining - (00:04:46)');
    await probe.data('system.closeViewInApplicationMenuBar', 'shift');
    await expect(menuBar).toHaveCount(0);

    const { dialogId } = (await probe.data('system.openDialog', `${probe.origin}/extension.html?dialog=$Dialog.Id$`, {
      label: 'Notes for $Agent.FullName$',
    })) as {
      dialogId: string;
    };
    const dialog = toolbar.page.getByRole('dialog', { name: /^Notes for / });
    await expect(dialog).toBeVisible();
    await expect(dialog.frameLocator('iframe').getByRole('heading').first()).toBeVisible();
    await probe.data('system.closeDialog', dialogId);
    await expect(dialog).toHaveCount(0);
    expect(await probe.call('sipEndpoint.muteMicrophone')).toMatchObject({ ok: false, errorCode: 'NO_CURRENT_CALL' });
  });
});
