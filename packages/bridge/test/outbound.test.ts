import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorConfigInput } from '@ctikit/contact-center';
import { ClientSocket, command, DEFAULT_TEST_CONFIG, postJson, readyAgent, startBridge, type TestBridge } from './harness.ts';

/** Outbound campaigns on the wire: POST /genesys/outbound as the caller's agent, notifications as EventUserEvent on its socket. */

const CONFIG: SimulatorConfigInput = {
  ...DEFAULT_TEST_CONFIG,
  campaigns: [
    {
      name: 'Renewals',
      mode: 'preview',
      callingList: 'RenewalsList',
      agents: ['agent1', 'agent2'],
      records: [
        { phone: '4155550101', fields: { Name: 'Ada Byron', Plan: 'Gold' } },
        { phone: '4155550102', fields: { Name: 'Carl Gauss' } },
      ],
    },
    { name: 'Push', mode: 'pushPreview', callingList: 'PushList', agents: ['agent1'], records: [{ phone: '4155550201', fields: { Name: 'Emmy Noether' } }] },
  ],
};

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

/** The next OCS notification of that name (`GSW_USER_EVENT`). */
function userEvent(notification: string) {
  return (frame: Record<string, unknown>) =>
    frame['eventName'] === 'EventUserEvent' && (frame['userData'] as Record<string, unknown>)['GSW_USER_EVENT'] === notification;
}

function outbound(agentId: string, body: unknown) {
  return postJson(`${t.url}/genesys/outbound`, body, { 'x-agent-id': agentId });
}

describe('POST /genesys/outbound', () => {
  it('offers a preview record to the agent, notifies its socket, and dials it with the record attached', async () => {
    t = await startBridge({ simulatorConfig: CONFIG });
    const socket = await readyAgent(t, 'agent1');
    expect((await outbound('agent1', { operation: 'getCampaigns' })).body).toEqual({
      ok: true,
      operation: 'getCampaigns',
      data: [
        { name: 'Renewals', mode: 'preview', callingList: 'RenewalsList', recordsLeft: 2 },
        { name: 'Push', mode: 'pushPreview', callingList: 'PushList', recordsLeft: 1 },
      ],
    });
    const preview = await outbound('agent1', { operation: 'getPreviewRecord', campaignName: 'Renewals' });
    expect(preview).toMatchObject({
      status: 200,
      body: { data: { recordHandle: 1, phone: '4155550101', fields: { Name: 'Ada Byron', Plan: 'Gold' }, status: 'Offered' } },
    });
    const notified = await socket.next(userEvent('PreviewRecord'));
    expect(notified['userData']).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 1, GSW_CAMPAIGN_NAME: 'Renewals', Name: 'Ada Byron' });

    const call = await outbound('agent1', { operation: 'callRecord', recordHandle: 1 });
    expect(call.body).toMatchObject({ data: { phone: '4155550101', userData: { GSW_RECORD_HANDLE: 1, GSW_ATTEMPTS: 1 }, record: { status: 'Dialing' } } });
    const { phone, userData } = call.body['data'] as { phone: string; userData: Record<string, string | number> };
    expect((await command(t, 'agent1', { type: 'MakeCall', phoneNumber: phone, userData })).status).toBe(200);
    expect((await socket.next('EventDialing'))['userData']).toMatchObject({ GSW_RECORD_HANDLE: 1, Name: 'Ada Byron' });

    expect((await outbound('agent1', { operation: 'setCallResult', recordHandle: 1, callResult: 33 })).body).toMatchObject({ data: { callResult: 33 } });
    expect((await outbound('agent1', { operation: 'markProcessed', recordHandle: 1 })).body).toMatchObject({ data: { status: 'Processed' } });
  });

  it('announces the campaigns at login, pushes records to an agent in push preview, and lists the records at /sim/outbound/records', async () => {
    t = await startBridge({ simulatorConfig: CONFIG });
    const socket = await ClientSocket.agent(t, { agentId: 'agent1' });
    expect((await command(t, 'agent1', { type: 'initialize', ready: false })).status).toBe(200);
    const next = async (notification: string) => (await socket.next(userEvent(notification)))['userData'];
    expect(await next('CampaignStarted')).toEqual({
      GSW_USER_EVENT: 'CampaignStarted',
      GSW_CAMPAIGN_NAME: 'Renewals',
      GSW_CAMPAIGN_MODE: 'Preview',
      GSW_CALLING_LIST: 'RenewalsList',
    });
    expect(await next('CampaignStarted')).toMatchObject({ GSW_CAMPAIGN_NAME: 'Push', GSW_CAMPAIGN_MODE: 'PushPreview' });
    expect((await outbound('agent1', { operation: 'startPushPreview' })).body).toMatchObject({ data: [{ name: 'Push', recordsLeft: 0 }] });
    expect(await next('PreviewDialingModeStartAcknowledge')).toMatchObject({ GSW_CAMPAIGN_NAME: 'Push' });
    expect(await next('PreviewRecord')).toMatchObject({ GSW_RECORD_HANDLE: 3, GSW_CAMPAIGN_NAME: 'Push', Name: 'Emmy Noether' });
    expect((await outbound('agent1', { operation: 'stopPushPreview' })).body).toMatchObject({ data: [{ name: 'Push' }] });
    expect(await next('PreviewDialingModeOverAcknowledge')).toMatchObject({ GSW_CAMPAIGN_NAME: 'Push' });
    const records = (await fetch(`${t.url}/sim/outbound/records`).then((response) => response.json())) as {
      records: Array<{ recordHandle: number; status: string }>;
    };
    expect(records.records.map((record) => `${record.recordHandle} ${record.status}`)).toEqual(['1 Ready', '2 Ready', '3 Offered']);
    expect(await outbound('agent2', { operation: 'startPushPreview' })).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_CAMPAIGN' } } });
  });

  it('never lets one agent act on another’s record, and answers bad input with a stable code', async () => {
    t = await startBridge({ simulatorConfig: CONFIG });
    await outbound('agent1', { operation: 'getPreviewRecord', campaignName: 'Renewals' });
    expect(await outbound('agent2', { operation: 'callRecord', recordHandle: 1 })).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_RECORD' } } });
    expect(await outbound('agent3', { operation: 'getPreviewRecord', campaignName: 'Renewals' })).toMatchObject({
      status: 404,
      body: { error: { code: 'UNKNOWN_CAMPAIGN' } },
    });
    expect(await outbound('agent1', { operation: 'setCallResult', recordHandle: 1, callResult: 999 })).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_ATTRIBUTE' } },
    });
    expect(await outbound('agent1', { operation: 'launchMissiles' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_COMMAND' } } });
    expect(await outbound('agent1', { operation: 'callRecord', recordHandle: 'one' })).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_COMMAND' } },
    });
    expect((await outbound('agent1', { operation: 'getRecord', recordHandle: 1 })).body).toMatchObject({ data: { status: 'Offered' } });
    expect((await outbound('agent2', { operation: 'getPreviewRecord', campaignName: 'Renewals' })).body).toMatchObject({ data: { recordHandle: 2 } });
  });

  it('authenticates like commands: production mode refuses a caller without a token', async () => {
    t = await startBridge({
      simulatorConfig: CONFIG,
      mode: 'production',
      tokens: [{ token: 'alex-token-0123456789abcdef', agentId: 'agent1' }],
      allowedOrigins: ['https://fusion.example.com'],
    });
    expect(await postJson(`${t.url}/genesys/outbound`, { operation: 'getCampaigns' })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    const answer = await postJson(`${t.url}/genesys/outbound`, { operation: 'getCampaigns' }, { authorization: 'Bearer alex-token-0123456789abcdef' });
    expect(answer).toMatchObject({ status: 200, body: { data: [{ name: 'Renewals' }, { name: 'Push' }] } });
  });
});
