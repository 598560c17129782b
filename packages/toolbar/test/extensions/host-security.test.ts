import { describe, expect, it } from 'vitest';
import { CRM, ExtensionPage, flush, oneExtension, openExtension, startToolbar, TOOLBAR } from './support/linked-extension.ts';

/** What the host refuses, and how: a stranger gets nothing, a known page gets a clear failure. */

const EVIL = 'https://evil.example.com';

describe('accepted origins', () => {
  it('answers nothing at all to a page whose origin is not accepted', async () => {
    const toolbar = await startToolbar(oneExtension({ 'service-client-api.accepted-web-content-origins': 'https://other.example.com' }));
    const { service, page, clientClock } = openExtension(toolbar.host);
    await flush();
    const answer = service.agent.get();
    service.subscribe('agent', () => undefined);
    await flush();
    clientClock.advance(10_000);
    await expect(answer).rejects.toThrow('Request timeout');
    expect(page.received).toEqual([]);
    await toolbar.workspace.execute('makeAgentAvailable');
    await flush();
    expect(page.events()).toEqual([]);
  });

  it('ignores a window that is not one of its frames, and a page that navigated to another origin', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { page } = openExtension(toolbar.host);
    const stranger = new ExtensionPage(toolbar.host, CRM);
    toolbar.host.receive(stranger.frameWindow, CRM, { request: 'agent.get', referenceId: '1', userAgent: 'WWE Client', protocolVersion: 2 });
    toolbar.host.receive(page.frameWindow, EVIL, { request: 'agent.get', referenceId: '2', userAgent: 'WWE Client', protocolVersion: 2 });
    await flush();
    expect(stranger.received).toEqual([]);
    expect(page.received.map((posted) => posted.message['referenceId'])).toEqual([undefined]);
  });

  it('lets a filtered origin use only its APIs and hear only their topics', async () => {
    const toolbar = await startToolbar(oneExtension({ 'service-client-api.accepted-web-content-origins': `${CRM} (agent.*, voice.dial)` }));
    const { service } = openExtension(toolbar.host);
    await flush();
    expect((await service.agent.get()).data).toMatchObject({ username: 'agent1' });
    await expect(service.interaction.getInteractions()).rejects.toMatchObject({
      failure: {
        errorCode: 'NOT_ALLOWED',
        errorMessage: `interaction.getInteractions is not allowed for ${CRM} (service-client-api.accepted-web-content-origins).`,
      },
    });
    await expect(service.system.getAllowedServices()).rejects.toMatchObject({ failure: { errorCode: 'NOT_ALLOWED' } });
    await toolbar.workspace.execute('makeAgentAvailable');
    expect((await service.voice.dial('5002')).data).toEqual({ interactionId: 'dial-1' });
  });

  it('answers a subscription with the topics granted and refused', async () => {
    const toolbar = await startToolbar(oneExtension({ 'service-client-api.accepted-web-content-origins': `${CRM} (agent.*, voice.dial)` }));
    const { service, page } = openExtension(toolbar.host);
    service.subscribe(['agent', 'interaction', 'outbound'], () => undefined);
    await flush();
    expect(page.received[1]?.message).toEqual({
      referenceId: '0',
      subscriptionId: 'sub-1',
      data: { subscriptionId: 'sub-1', topics: ['agent'], refusedTopics: ['interaction', 'outbound'] },
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    toolbar.vendor.ring('e-1');
    await toolbar.workspace.execute('makeAgentAvailable');
    await flush();
    expect(page.events().map((e) => e.eventType)).toEqual(['STATE_CHANGED']);
  });

  it('posts every answer and event to the frame’s own origin, never to *', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { service, page } = openExtension(toolbar.host);
    service.subscribe(['agent', 'interaction'], () => undefined);
    await service.agent.get();
    await toolbar.workspace.execute('makeAgentAvailable');
    toolbar.vendor.ring('e-1');
    await flush();
    expect(page.received.length).toBeGreaterThan(4);
    expect(new Set(page.received.map((posted) => posted.targetOrigin))).toEqual(new Set([CRM]));
  });

  it('shows no view served from the toolbar’s own origin', async () => {
    const toolbar = await startToolbar(oneExtension({}, TOOLBAR));
    expect(toolbar.host.frameSpecs).toEqual([]);
  });
});

describe('user data', () => {
  const limited = oneExtension({
    'service-client-api.user-data.read-allowed': 'Reason, IW_*',
    'service-client-api.user-data.write-allowed': 'Reason',
  });

  it('shows only read-allowed keys, in answers and in events', async () => {
    const toolbar = await startToolbar(limited);
    const { service, page } = openExtension(toolbar.host);
    service.subscribe('interaction', () => undefined);
    await flush();
    toolbar.vendor.ring('e-1');
    await toolbar.workspace.execute('setAttachedData', 'e-1', { Reason: 'billing', CardNumber: '4111', IW_CaseUid: 'c-1' });
    await flush();
    expect((await service.interaction.getByInteractionId('e-1')).data).toMatchObject({ userData: { Reason: 'billing', IW_CaseUid: 'c-1' } });
    const changed = page.events('interaction').find((e) => e.eventType === 'ATTACHED_DATA_CHANGED');
    expect(changed?.['interaction']).toMatchObject({ userData: { Reason: 'billing', IW_CaseUid: 'c-1' } });
    expect(JSON.stringify(page.received)).not.toContain('4111');
  });

  it('raises no ATTACHED_DATA_CHANGED for a change of an unreadable key', async () => {
    const toolbar = await startToolbar(limited);
    const { service, page } = openExtension(toolbar.host);
    service.subscribe('interaction', () => undefined);
    await flush();
    toolbar.vendor.ring('e-1');
    await toolbar.workspace.execute('setAttachedData', 'e-1', { CardNumber: '4111' });
    await flush();
    expect(page.events('interaction').map((e) => e.eventType)).toEqual(['ADDED', 'RINGING']);
  });

  it('refuses to write a key that is not write-allowed, and the vendor is not asked', async () => {
    const toolbar = await startToolbar(limited);
    const { service } = openExtension(toolbar.host);
    await flush();
    toolbar.vendor.ring('e-1');
    await service.interaction.setUserData('e-1', { Reason: 'billing' });
    await expect(service.interaction.setUserData('e-1', { Reason: 'x', CardNumber: '4111' })).rejects.toThrow(
      'Writing "CardNumber" is not allowed (service-client-api.user-data.write-allowed).',
    );
    await expect(service.interaction.deleteUserData('e-1', 'IW_CaseUid')).rejects.toMatchObject({ failure: { errorCode: 'NOT_ALLOWED' } });
    await toolbar.workspace.execute('makeAgentAvailable');
    await expect(service.voice.dial('5002', { CardNumber: '4111' })).rejects.toMatchObject({ failure: { errorCode: 'NOT_ALLOWED' } });
    expect(toolbar.vendor.requests).toEqual(['setAttachedData e-1', 'makeAgentAvailable']);
  });
});

describe('rate limits', () => {
  it('refuses the request past the limit, then everything from that origin during the quarantine', async () => {
    const toolbar = await startToolbar(
      oneExtension({
        'service-client-api.rate-limit': '100',
        'service-client-api.rate-limit.voice.dial': '1',
        'service-client-api.rate-limit-quarantine-delay': '30',
      }),
    );
    const { service } = openExtension(toolbar.host);
    await flush();
    await toolbar.workspace.execute('makeAgentAvailable');
    await service.voice.dial('5002');
    await expect(service.voice.dial('5003')).rejects.toMatchObject({
      failure: {
        errorCode: 'RATE_LIMITED',
        errorMessage: 'Rate limit of 1 voice.dial requests a minute exceeded: requests from this origin are refused for 30 s.',
      },
    });
    await expect(service.agent.get()).rejects.toMatchObject({ failure: { errorCode: 'RATE_LIMITED' } });
    toolbar.clock.advance(30_000);
    expect((await service.agent.get()).data).toMatchObject({ username: 'agent1' });
    expect(toolbar.vendor.requests.filter((r) => r.startsWith('makeOutboundCall'))).toEqual(['makeOutboundCall 5002 dial-1']);
  });
});

describe('malformed and oversized messages', () => {
  const junk: Array<[string, unknown]> = [
    ['a string', 'wwe hello'],
    ['null', null],
    ['a number', 42],
    ['no request', { referenceId: '9', userAgent: 'WWE Client' }],
    ['a request that is not a string', { request: { toString: 1 }, referenceId: '9' }],
    ['too many parameters', { request: 'agent.get', parameters: Array.from({ length: 20 }, () => 1), referenceId: '9' }],
    ['a huge string', { request: 'agent.get', parameters: ['x'.repeat(200_000)], referenceId: '9' }],
    ['deep nesting', { request: 'agent.get', parameters: [JSON.parse('['.repeat(50) + ']'.repeat(50))], referenceId: '9' }],
    ['an ArrayBuffer', { request: 'agent.get', parameters: [new ArrayBuffer(1024)], referenceId: '9' }],
    ['a subscription to a bad topic list', { event: 'subscribe', data: [1, 2], referenceId: '9' }],
    ['another frame’s id', { request: 'agent.get', referenceId: '9', frameId: 77 }],
  ];

  it('drops each without an answer and without harm: the next good request is served', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { service, page } = openExtension(toolbar.host);
    await flush();
    for (const [, data] of junk) expect(() => toolbar.host.receive(page.frameWindow, CRM, data)).not.toThrow();
    await flush();
    expect(page.received.filter((posted) => posted.message['referenceId'] === '9')).toEqual([]);
    expect((await service.agent.get()).data).toMatchObject({ username: 'agent1' });
  });

  it('answers bad parameters of a good request with INVALID_PARAMETERS', async () => {
    const toolbar = await startToolbar(oneExtension());
    const { service } = openExtension(toolbar.host);
    await flush();
    await expect(service.request('voice.hold', [{ id: 1 }])).rejects.toMatchObject({ failure: { errorCode: 'INVALID_PARAMETERS' } });
    await expect(service.request('agent.setState', [])).rejects.toThrow(/^parameters: Too small/);
  });
});
