import { describe, expect, it } from 'vitest';
import { T0, vendorEvent } from '../core/support/vendor-events.ts';
import { CRM, flush, oneExtension, openExtension, startToolbar } from './support/linked-extension.ts';

/** Notifications: derived from the workspace model, which moves only on the vendor's events. */

async function subscribed(options = oneExtension()) {
  const toolbar = await startToolbar(options);
  const extension = openExtension(toolbar.host);
  const seen: Array<{ event: string; eventType: string }> = [];
  extension.service.subscribe(['agent', 'interaction', 'media', 'outbound', 'system', 'markdone'], (message) =>
    seen.push({ event: message.event, eventType: message.data.eventType }),
  );
  await flush();
  return { ...toolbar, ...extension, seen };
}

describe('agent and media events', () => {
  it('tells STATE_CHANGED with the media state, and the reason of a not-ready', async () => {
    const { workspace, page } = await subscribed();
    await workspace.execute('makeAgentAvailable');
    await workspace.execute('makeAgentUnavailable', 'Lunch');
    await flush();
    expect(page.events('agent')).toEqual([
      { eventType: 'STATE_CHANGED', mediaState: 'READY' },
      { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY_ACTION_CODE', reason: 'Lunch break', reasonCode: 'Lunch' },
    ]);
    expect(page.events('media')).toEqual([
      { eventType: 'STATE_CHANGED', mediaState: 'READY', media: 'voice' },
      { eventType: 'STATE_CHANGED', mediaState: 'NOT_READY_ACTION_CODE', reason: 'Lunch break', reasonCode: 'Lunch', media: 'voice' },
    ]);
  });

  it('says nothing about a command the vendor has not carried out yet', async () => {
    const { vendor, workspace, page } = await subscribed();
    vendor.deferEvents = true;
    await workspace.execute('makeAgentAvailable');
    await flush();
    expect(page.events('agent')).toEqual([]);
    vendor.flush();
    await flush();
    expect(page.events('agent')).toHaveLength(1);
  });
});

describe('interaction events', () => {
  it('follows a call from ring to close, each change as its event', async () => {
    const { vendor, workspace, service, seen } = await subscribed();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await service.interaction.setUserData('e-1', { IW_CaseUid: 'case-9' });
    await service.voice.hold('e-1');
    await service.voice.resume('e-1');
    await service.voice.startCallRecording('e-1');
    vendor.customerHangsUp('e-1');
    await flush();
    await service.interaction.markdone('e-1');
    await flush();
    expect(seen.filter((e) => e.event === 'interaction').map((e) => e.eventType)).toEqual([
      'ADDED',
      'RINGING',
      'ESTABLISHED',
      'ATTACHED_DATA_CHANGED',
      'CASE_OR_BUNDLE_ID_CHANGED',
      'HELD',
      'ESTABLISHED',
      'CALL_RECORDING_STATE_CHANGED',
      'RELEASED',
      'REMOVED',
    ]);
    expect(seen.filter((e) => e.event === 'markdone').map((e) => e.eventType)).toEqual(['MARKED_DONE']);
    expect(workspace.model.interactions).toEqual([]);
  });

  it('grants every topic Genesys’ sample subscribes to', async () => {
    const { page } = await subscribed();
    expect(page.received[1]?.message['data']).toEqual({
      subscriptionId: 'sub-1',
      topics: ['agent', 'interaction', 'media', 'outbound', 'system', 'markdone'],
      refusedTopics: [],
    });
  });

  it('carries the Interaction with its state before, direction, type and case', async () => {
    const { page, service, workspace } = await subscribed();
    await workspace.execute('makeAgentAvailable');
    await service.voice.dial('5002');
    await flush();
    const [added, dialing] = page.events('interaction');
    expect(added).toMatchObject({ eventType: 'ADDED', media: 'voice' });
    expect(dialing).toMatchObject({
      eventType: 'DIALING',
      media: 'voice',
      interaction: {
        interactionId: 'dial-1',
        caseId: 'dial-1',
        state: 'DIALING',
        previousState: 'UNKNOWN',
        direction: 'OUT',
        callType: 'Outbound',
        dnis: '5002',
        parties: [{ name: '5001' }, { name: '5002' }],
        isConsultation: false,
        isMainCaseInteraction: true,
      },
    });
    await service.voice.hangUp('dial-1');
    await flush();
    // Canceled before the answer: released, then removed at once (nothing to wrap up).
    expect(page.events('interaction').slice(-2)).toMatchObject([
      { eventType: 'RELEASED', interaction: { state: 'IDLE', previousState: 'DIALING' } },
      { eventType: 'REMOVED' },
    ]);
  });

  it('tells PARTY_CHANGED and the consultation’s parent', async () => {
    const { vendor, service, page, workspace } = await subscribed();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await service.interaction.consult('e-1', '5002');
    await flush();
    const consult = page.events('interaction').find((e) => e.eventType === 'DIALING');
    expect(consult?.['interaction']).toMatchObject({
      interactionId: 'e-1-consult-1',
      parentInteractionId: 'e-1',
      isConsultation: true,
      callType: 'Consult',
      isMainCaseInteraction: false,
    });
    workspace.model.apply({ type: 'interactionDataChanged', eventId: 'e-1', parties: ['+15550100', '5001', '5002'], at: Date.now() });
    await flush();
    expect(page.events('interaction').at(-1)).toMatchObject({
      eventType: 'PARTY_CHANGED',
      interaction: { parties: [{ name: '+15550100' }, { name: '5001' }, { name: '5002' }] },
    });
  });

  it('tells CASE_SELECTED and marks the selected case', async () => {
    const { vendor, service, page } = await subscribed();
    vendor.ring('e-1');
    await flush();
    await service.interaction.selectCaseByCaseId('e-1');
    await flush();
    expect(page.events('interaction').at(-1)).toMatchObject({ eventType: 'CASE_SELECTED', selectedCaseId: 'e-1', interaction: { isCaseSelected: true } });
    await expect(service.interaction.selectCaseByCaseId('nope')).rejects.toMatchObject({ failure: { errorCode: 'UNKNOWN_CASE' } });
  });

  it('stops after unsubscribe', async () => {
    const { vendor, service, page } = await subscribed();
    service.unsubscribe(service);
    const handler = () => undefined;
    service.subscribe('agent', handler);
    await flush();
    service.unsubscribe(handler);
    await flush();
    const before = page.events().length;
    vendor.ring('e-1');
    await flush();
    expect(page.events().length).toBe(before + 2);
  });
});

describe('interaction views', () => {
  const options = {
    'interaction-workspace': {
      'interaction.web-content': 'Notes, Scoring',
      'service-client-api.accepted-web-content-origins': CRM,
      'service-client-api.user-data.read-allowed': 'Reason',
    },
    Notes: { label: 'Notes', url: `${CRM}/notes?call={interactionId}&from={ANI}&r={userData.Reason}&pin={userData.Pin}` },
    Scoring: { label: 'Scoring', url: `${CRM}/score`, mode: 'hidden' },
  };

  it('opens a frame per view for each call, its URL filled in, and closes them with the call; an unanswered call takes its views with it', async () => {
    const { host, workspace } = await startToolbar(options);
    const frames = () => host.frameSpecs.map((spec) => [spec.key, spec.url, spec.view.hidden]);
    workspace.model.apply(vendorEvent.offered('e-1', T0, { phoneNumber: '+1 555 0100', userData: { Reason: 'billing', Pin: '1234' } }));
    expect(frames()).toEqual([
      ['interaction:e-1:Notes', `${CRM}/notes?call=e-1&from=%2B1%20555%200100&r=billing&pin=`, false],
      ['interaction:e-1:Scoring', `${CRM}/score`, true],
    ]);
    workspace.model.apply(vendorEvent.ended('e-1', 'abandoned'));
    expect(frames()).toEqual([]);
    workspace.model.apply(vendorEvent.offered('e-2', T0, { phoneNumber: '+1 555 0100' }));
    workspace.model.apply(vendorEvent.connected('e-2'));
    workspace.model.apply(vendorEvent.ended('e-2', 'completed'));
    expect(frames()).toHaveLength(2);
    await workspace.execute('closeInteraction', 'e-2');
    expect(frames()).toEqual([]);
  });
});

describe('toasts', () => {
  it('shows an extension’s toast and tells only that extension which button was clicked', async () => {
    const toolbar = await startToolbar({
      'interaction-workspace': {
        'workspace.web-content': 'Crm, Other',
        'service-client-api.accepted-web-content-origins': `${CRM}`,
      },
      Crm: { label: 'CRM', url: `${CRM}/a` },
      Other: { label: 'Other', url: `${CRM}/b` },
    });
    const crm = openExtension(toolbar.host, 'workspace:Crm');
    const other = openExtension(toolbar.host, 'workspace:Other');
    crm.service.subscribe('system', () => undefined);
    other.service.subscribe('system', () => undefined);
    await flush();
    const { data } = await crm.service.system.popupToast({ title: 'Callback due', message: 'Mrs Lee, 3 pm', buttons: ['Call now'] });
    expect(data).toEqual({ toastId: 'wweCustomToast0' });
    expect(toolbar.host.toasts.list).toEqual([
      {
        toastId: 'wweCustomToast0',
        frameId: 1,
        source: 'CRM',
        title: 'Callback due',
        message: 'Mrs Lee, 3 pm',
        buttons: [{ id: 'Call now', label: 'Call now' }],
        buttonShowDismiss: false,
        autoCloseTimeout: 0,
        sendToMyMessage: false,
      },
    ]);
    await expect(other.service.system.closeToast('wweCustomToast0')).rejects.toMatchObject({ failure: { errorCode: 'UNKNOWN_TOAST' } });
    await crm.service.system.updateToast('wweCustomToast0', { title: 'Callback overdue', buttons: ['AAAAA', 'BBBBB', 'CCCCC'] });
    expect(toolbar.host.toasts.list[0]).toMatchObject({ title: 'Callback overdue', buttons: [{ id: 'AAAAA' }, { id: 'BBBBB' }, { id: 'CCCCC' }] });
    toolbar.host.toasts.click('wweCustomToast0', 'BBBBB');
    await flush();
    expect(crm.page.events('system')).toEqual([{ eventType: 'CUSTOM_TOAST_BUTTON_CLICK', toastId: 'wweCustomToast0', buttonId: 'BBBBB' }]);
    expect(other.page.events('system')).toEqual([]);
    expect(toolbar.host.toasts.list).toEqual([]);
  });

  it('takes the toast of Genesys’ sample: icon, key-values, Show and Dismiss, a timeout in ms, kept in the agent’s messages', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { service } = openExtension(toolbar.host);
    await flush();
    const parameters = {
      title: 'The title',
      iconUrl: 'https://cdn.example.com/rss.png',
      subject: 'The great subject',
      message: 'Line one\nline two',
      keyValues: { key1: 'value one', key2: 2 },
      buttonShowDismiss: true,
      autoCloseTimeout: 20_000,
      sendToMyMessage: true,
      width: 500,
    };
    const { data } = await service.system.popupToast(parameters);
    expect(data).toEqual({ toastId: 'wweCustomToast0' });
    expect(toolbar.host.toasts.list[0]).toMatchObject({ ...parameters, keyValues: { key1: 'value one', key2: '2' }, buttons: [] });
    expect(toolbar.host.toasts.messages.map((toast) => toast.title)).toEqual(['The title']);
    toolbar.clock.advance(19_999);
    expect(toolbar.host.toasts.list).toHaveLength(1);
    toolbar.host.toasts.show('wweCustomToast0');
    expect(toolbar.host.viewRequest).toEqual({ key: 'workspace:Crm', sequence: 1 });
    expect(toolbar.host.toasts.list).toEqual([]);
    expect(toolbar.host.toasts.messages).toHaveLength(1);
    await expect(service.system.popupToast({ title: 'x', iconUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      failure: { errorCode: 'INVALID_PARAMETERS' },
    });
  });

  it('closes a toast without buttons after its timeout', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { service } = openExtension(toolbar.host);
    await flush();
    await service.system.popupToast({ title: 'Saved' });
    await service.system.popupToast({ title: 'Saving', autoCloseTimeout: 500 });
    toolbar.clock.advance(500);
    expect(toolbar.host.toasts.list.map((toast) => toast.title)).toEqual(['Saved']);
    toolbar.clock.advance(9_499);
    expect(toolbar.host.toasts.list).toHaveLength(1);
    toolbar.clock.advance(1);
    expect(toolbar.host.toasts.list).toEqual([]);
  });
});

describe('outbound events', () => {
  it('publishes the campaigns’ and records’ changes on the outbound topic, in OCS’s words', async () => {
    const { vendor, page } = await subscribed();
    const record = { recordHandle: 1, campaignName: 'Renewals', callingList: 'RenewalsList', phone: '+14155550101', fields: { Name: 'Ada' }, callResult: 28 };
    vendor.report({ type: 'campaignChanged', campaign: { name: 'Renewals', mode: 'preview', callingList: 'RenewalsList' }, change: 'started', at: T0 });
    vendor.report({ type: 'recordChanged', record, change: 'offered', at: T0 });
    vendor.report({ type: 'recordChanged', record: { ...record, callResult: 33 }, change: 'processed', at: T0 });
    await flush();
    expect(page.events('outbound')).toEqual([
      { eventType: 'CampaignStarted', campaignName: 'Renewals', campaign: { name: 'Renewals', mode: 'Preview', callingList: 'RenewalsList' } },
      { eventType: 'PreviewRecord', campaignName: 'Renewals', record },
      { eventType: 'RecordProcessedAcknowledge', campaignName: 'Renewals', record: { ...record, callResult: 33 } },
    ]);
  });
});
