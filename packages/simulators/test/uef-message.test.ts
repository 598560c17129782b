import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseToolbarMessage } from '../src/wire/uef-message.ts';

const envelope = { uuid: '6f1c2a9e-0000-4000-8000-000000000001', version: '1.0', toolbarName: 'ctikit' };
const phone = { channel: 'PHONE', channelType: 'ORA_SVC_PHONE' };

describe('UEF postMessage envelope', () => {
  it('parses a publish in the legacy envelope shape and keeps the operation fields', () => {
    const message = {
      type: 'publish',
      method: 'newCommEvent',
      eventSource: 'toolbar',
      ...envelope,
      data: { ...phone, propagateToTabs: false, eventId: 'e1', appClassification: 'ORA_SERVICE', inData: { SVCMCA_ANI: '1415' } },
    };
    const parsed = parseToolbarMessage(message);
    expect(parsed).toEqual({ ok: true, message });
  });

  it('parses handshake, subscribe, unsubscribe and event results', () => {
    const messages = [
      { type: 'handshake', ...envelope, data: { applicationName: 'App', apiVersion: 'v1' } },
      { type: 'subscribe', method: 'onOutgoingEvent', ...envelope, data: { ...phone, appClassification: 'ORA_SERVICE', once: false } },
      { type: 'unsubscribe', method: 'onDataUpdated', ...envelope, data: phone },
      { type: 'eventResult', method: 'onToolbarInteractionCommand', ...envelope, data: { outcome: 'resolved', result: 'success' } },
    ];
    for (const message of messages) expect(parseToolbarMessage(message).ok, message.type).toBe(true);
  });

  it('refuses messages that are not ours, with the reasons', () => {
    expect(parseToolbarMessage('hello').ok).toBe(false);
    expect(parseToolbarMessage({ type: 'publish', method: 'newCommEvent', ...envelope, data: phone }).ok).toBe(false);
    const wrongChannel = parseToolbarMessage({
      type: 'subscribe',
      method: 'onOutgoingEvent',
      ...envelope,
      data: { channel: 'CHAT', channelType: 'ORA_SVC_CHAT', once: false },
    });
    expect(wrongChannel.ok).toBe(false);
    if (!wrongChannel.ok) expect(wrongChannel.problems.join()).toContain('data.channel');
    expect(parseToolbarMessage({ type: 'subscribe', method: 'onSomethingElse', ...envelope, data: { ...phone, once: true } }).ok).toBe(false);
    expect(parseToolbarMessage({ type: 'handshake', ...envelope, uuid: '', data: { applicationName: 'A', apiVersion: 'v1' } }).ok).toBe(false);
  });

  it('parses what the host sends and refuses a result without its outcome', () => {
    expect(
      parseHostMessage({ type: 'publishResult', method: 'startCommEvent', ...envelope, result: 'error', data: {}, error: { status: 'error', message: 'no' } })
        .ok,
    ).toBe(true);
    expect(parseHostMessage({ type: 'event', method: 'onDataUpdated', subscriptionId: 's1', ...envelope, data: { outData: {} } }).ok).toBe(true);
    expect(parseHostMessage({ type: 'publishResult', method: 'startCommEvent', ...envelope, data: {} }).ok).toBe(false);
    expect(parseHostMessage({ type: 'event', method: 'onDataUpdated', ...envelope, data: {} }).ok).toBe(false);
  });
});
