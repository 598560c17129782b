import { CtiError } from '@ctikit/protocol';
import type { UserData } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import { describe, expect, it } from 'vitest';
import { campaignsSchema, OutboundCampaigns, parseSimulatorConfig, type OutboundEvent, type SimulatorConfigInput } from '../../src/index.ts';
import { Harness } from '../harness.ts';
import type { PortEvent } from '../../src/index.ts';

/** The attached data of an event of a family that carries it. */
function userDataOf(event: PortEvent): UserData | undefined {
  return 'userData' in event ? event.userData : undefined;
}

const CAMPAIGNS = campaignsSchema.parse([
  {
    name: 'Renewals',
    mode: 'preview',
    callingList: 'RenewalsList',
    agents: ['agent1', 'agent2'],
    records: [
      { phone: '+14155550101', fields: { Name: 'Ada Byron', Plan: 'Gold' }, chain: 'ada' },
      { phone: '+14155550102', fields: { Name: 'Ada Byron' }, chain: 'ada' },
      { phone: '+14155550103', fields: { Name: 'Carl Gauss' } },
    ],
  },
  {
    name: 'Winback',
    mode: 'progressive',
    callingList: 'WinbackList',
    agents: ['agent1'],
    records: [{ phone: '+14155550201', fields: { Name: 'Emmy Noether' } }],
  },
]);

function campaigns() {
  const clock = new ManualClock(1_000_000);
  const outbound = new OutboundCampaigns(CAMPAIGNS, clock);
  const events: OutboundEvent[] = [];
  outbound.subscribe((event) => events.push(event));
  const notified = () =>
    events.map((event) => `${event.agentId} ${event.notification} ${event.kind === 'record' ? event.record.recordHandle : event.campaign.name}`);
  return { clock, outbound, events, notified };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof CtiError ? error.code : String(error);
  }
}

describe('outbound campaigns', () => {
  it('lists the campaigns of the agent’s group with the records left', () => {
    const { outbound } = campaigns();
    expect(outbound.campaigns('agent1')).toEqual([
      { name: 'Renewals', mode: 'preview', callingList: 'RenewalsList', recordsLeft: 3 },
      { name: 'Winback', mode: 'progressive', callingList: 'WinbackList', recordsLeft: 1 },
    ]);
    expect(outbound.campaigns('agent3')).toEqual([]);
  });

  it('offers a preview record with its fields, calls it with the record attached, and marks it processed', () => {
    const { outbound, notified } = campaigns();
    const record = outbound.previewRecord('agent1', 'Renewals');
    expect(record).toMatchObject({
      recordHandle: 1,
      phone: '+14155550101',
      fields: { Name: 'Ada Byron', Plan: 'Gold' },
      status: 'Offered',
      callResult: 28,
      attempts: 0,
    });
    const dialed = outbound.callRecord('agent1', 1);
    expect(dialed.phone).toBe('+14155550101');
    expect(dialed.userData).toMatchObject({
      Name: 'Ada Byron',
      GSW_RECORD_HANDLE: 1,
      GSW_CAMPAIGN_NAME: 'Renewals',
      GSW_CALLING_LIST: 'RenewalsList',
      GSW_PHONE: '+14155550101',
      GSW_ATTEMPTS: 1,
    });
    outbound.setCallResult('agent1', 1, 33);
    expect(outbound.markProcessed('agent1', 1)).toMatchObject({ status: 'Processed', callResult: 33, attempts: 1 });
    expect(notified()).toEqual(['agent1 PreviewRecord 1', 'agent1 UpdateCallCompletionStatsAcknowledge 1', 'agent1 RecordProcessedAcknowledge 1']);
    expect(outbound.campaigns('agent1')[0]?.recordsLeft).toBe(2);
  });

  it('tells an agent asking an empty campaign that no record is left (PreviewRecordEmpty)', () => {
    const { outbound, notified } = campaigns();
    for (const handle of [1, 2, 3]) outbound.cancel('agent1', outbound.previewRecord('agent1', 'Renewals')?.recordHandle ?? handle);
    expect(outbound.previewRecord('agent1', 'Renewals')).toBeUndefined();
    expect(notified().at(-1)).toBe('agent1 PreviewRecordEmpty Renewals');
  });

  it('pushes records to an agent in push preview, one at a time, until it stops', () => {
    const clock = new ManualClock(1_000_000);
    const pushed = campaignsSchema.parse([
      {
        name: 'Push',
        mode: 'pushPreview',
        callingList: 'PushList',
        records: [{ phone: '+14155550301' }, { phone: '+14155550302' }, { phone: '+14155550303' }],
      },
    ]);
    const outbound = new OutboundCampaigns(pushed, clock);
    const events: OutboundEvent[] = [];
    outbound.subscribe((event) => events.push(event));
    const names = () => events.map((event) => (event.kind === 'record' ? `${event.notification} ${event.record.recordHandle}` : event.notification));
    expect(outbound.startPushPreview('agent1')).toEqual([{ name: 'Push', mode: 'pushPreview', callingList: 'PushList', recordsLeft: 2 }]);
    expect(names()).toEqual(['PreviewDialingModeStartAcknowledge', 'PreviewRecord 1']);
    outbound.callRecord('agent1', 1);
    outbound.markProcessed('agent1', 1);
    expect(names().slice(2)).toEqual(['RecordProcessedAcknowledge 1', 'PreviewRecord 2']);
    outbound.stopPushPreview('agent1');
    outbound.reject('agent1', 2);
    expect(names().slice(4)).toEqual(['PreviewDialingModeOverAcknowledge', 'RecordRejectAcknowledge 2']);
    expect(codeOf(() => new OutboundCampaigns(CAMPAIGNS, clock).startPushPreview('agent1'))).toBe('UNKNOWN_CAMPAIGN');
  });

  it('gives a rejected record to the next agent who asks, and a cancelled one to nobody', () => {
    const { outbound } = campaigns();
    outbound.previewRecord('agent1', 'Renewals');
    expect(outbound.previewRecord('agent2', 'Renewals')?.recordHandle).toBe(2);
    outbound.reject('agent1', 1);
    expect(outbound.previewRecord('agent2', 'Renewals')?.recordHandle).toBe(1);
    outbound.cancel('agent2', 2);
    expect(outbound.previewRecord('agent1', 'Renewals')?.recordHandle).toBe(3);
    expect(outbound.previewRecord('agent1', 'Renewals')).toBeUndefined();
  });

  it('never lets an agent act on another agent’s record, nor ask a campaign outside its group', () => {
    const { outbound } = campaigns();
    outbound.previewRecord('agent1', 'Renewals');
    expect(codeOf(() => outbound.callRecord('agent2', 1))).toBe('UNKNOWN_RECORD');
    expect(codeOf(() => outbound.setDoNotCall('agent2', 1))).toBe('UNKNOWN_RECORD');
    expect(codeOf(() => outbound.record('agent1', 99))).toBe('UNKNOWN_RECORD');
    expect(codeOf(() => outbound.previewRecord('agent3', 'Renewals'))).toBe('UNKNOWN_CAMPAIGN');
    expect(codeOf(() => outbound.previewRecord('agent1', 'Winback'))).toBe('UNSUPPORTED_OPERATION');
    expect(codeOf(() => outbound.setCallResult('agent1', 1, 1234))).toBe('INVALID_ATTRIBUTE');
    expect(codeOf(() => outbound.cancelReschedule('agent1', 1))).toBe('INVALID_CALL_STATE');
    expect(outbound.record('agent1', 1).status).toBe('Offered');
  });

  it('reschedules a personal callback for its agent only, when it is due, and can take it back', () => {
    const { clock, outbound } = campaigns();
    outbound.previewRecord('agent1', 'Renewals');
    expect(codeOf(() => outbound.reschedule('agent1', 1, clock.now() - 1, 'Personal'))).toBe('INVALID_ATTRIBUTE');
    expect(outbound.reschedule('agent1', 1, clock.now() + 60_000, 'Personal')).toMatchObject({
      status: 'Scheduled',
      callbackType: 'Personal',
      scheduledAt: clock.now() + 60_000,
    });
    expect(outbound.cancelReschedule('agent1', 1).status).toBe('Offered');
    outbound.reschedule('agent1', 1, clock.now() + 60_000, 'Personal');
    expect(outbound.previewRecord('agent1', 'Renewals')?.recordHandle).toBe(2);
    clock.advance(60_000);
    expect(outbound.previewRecord('agent2', 'Renewals')?.recordHandle).toBe(3);
    expect(outbound.previewRecord('agent2', 'Renewals')).toBeUndefined();
    expect(outbound.previewRecord('agent1', 'Renewals')?.recordHandle).toBe(1);
  });

  it('keeps a do-not-call customer’s whole chain from being dialed, until it is removed', () => {
    const { outbound } = campaigns();
    outbound.previewRecord('agent1', 'Renewals');
    expect(outbound.chainedRecords('agent1', 1).map((record) => record.recordHandle)).toEqual([1, 2]);
    expect(outbound.setDoNotCall('agent1', 1).doNotCall).toBe(true);
    outbound.reject('agent1', 1);
    expect(outbound.previewRecord('agent2', 'Renewals')?.recordHandle).toBe(3);
    outbound.removeDoNotCall('agent1', 1);
    expect(outbound.previewRecord('agent2', 'Renewals')?.recordHandle).toBe(1);
  });

  it('updates a record’s fields', () => {
    const { outbound } = campaigns();
    outbound.previewRecord('agent1', 'Renewals');
    expect(outbound.updateFields('agent1', 1, { Plan: 'Platinum', Note: 'call after 5' }).fields).toEqual({
      Name: 'Ada Byron',
      Plan: 'Platinum',
      Note: 'call after 5',
    });
  });

  it('refuses a simulator file whose campaigns name an unknown agent or share a name', () => {
    const base = { agents: [{ agentId: 'agent1', name: 'A', dn: '5001' }] };
    const campaign = { name: 'C', mode: 'preview', callingList: 'L', records: [] };
    expect(() => parseSimulatorConfig({ ...base, campaigns: [{ ...campaign, agents: ['ghost'] }] })).toThrow(/campaign C: unknown agent ghost/);
    expect(() => parseSimulatorConfig({ ...base, campaigns: [campaign, campaign] })).toThrow(/campaign names must be unique/);
    expect(() => parseSimulatorConfig({ ...base, campaigns: [{ ...campaign, mode: 'predictive' }] })).toThrow(/campaigns/);
  });
});

describe('progressive dialing in the simulator', () => {
  it('rings a Ready agent of the campaign with the next record attached, and dials nothing more while the agent is busy', async () => {
    const file: SimulatorConfigInput = {
      agents: [
        { agentId: 'agent1', name: 'Alex', dn: '5001' },
        { agentId: 'agent2', name: 'Kenji', dn: '5002' },
      ],
      campaigns: [
        {
          name: 'Winback',
          mode: 'progressive',
          callingList: 'WinbackList',
          agents: ['agent1'],
          records: [{ phone: '+14155550201', fields: { Name: 'Emmy' } }, { phone: '+14155550202' }],
        },
      ],
    };
    const h = new Harness(file);
    await h.ready('5002', 'agent2');
    await h.loggedIn('5001');
    await h.request('5001', { request: 'RequestAgentReady' });
    await Promise.resolve();
    const calls = h.sim.listCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.parties.map((party) => party.dn)).toEqual(expect.arrayContaining(['+14155550201', '5001']));
    const ringing = h.take('5001').find((event) => event.eventName === 'EventRinging');
    expect(ringing && userDataOf(ringing)).toMatchObject({ Name: 'Emmy', GSW_RECORD_HANDLE: 1, GSW_CAMPAIGN_NAME: 'Winback' });
    expect(h.sim.outbound.record('agent1', 1)).toMatchObject({ status: 'Dialing', attempts: 1 });
    expect(h.take('5002').some((event) => event.eventName === 'EventRinging')).toBe(false);
  });
});

describe('outbound notifications in the simulator', () => {
  it('reach the record’s agent, and only that agent, as EventUserEvent with the record', async () => {
    const h = new Harness({
      agents: [
        { agentId: 'agent1', name: 'Alex', dn: '5001' },
        { agentId: 'agent2', name: 'Kenji', dn: '5002' },
      ],
      campaigns: [{ name: 'Renewals', mode: 'preview', callingList: 'RenewalsList', records: [{ phone: '+14155550101', fields: { Name: 'Ada' } }] }],
    });
    await h.request('5001', { request: 'RequestRegisterAddress' });
    await h.request('5001', { request: 'RequestAgentLogin', agentId: 'agent1' });
    await h.loggedIn('5002');
    const announced = h.take('5001').filter((event) => event.eventName === 'EventUserEvent');
    expect(announced.map(userDataOf)).toEqual([
      { GSW_USER_EVENT: 'CampaignStarted', GSW_CAMPAIGN_NAME: 'Renewals', GSW_CAMPAIGN_MODE: 'Preview', GSW_CALLING_LIST: 'RenewalsList' },
    ]);
    h.take('5002');
    h.sim.outbound.previewRecord('agent1', 'Renewals');
    const events = h.take('5001');
    expect(events.map((event) => [event.eventName, userDataOf(event)?.['GSW_USER_EVENT']])).toEqual([['EventUserEvent', 'PreviewRecord']]);
    expect(events[0] && userDataOf(events[0])).toMatchObject({ Name: 'Ada', GSW_RECORD_HANDLE: 1, GSW_CAMPAIGN_NAME: 'Renewals', GSW_PHONE: '+14155550101' });
    expect(h.take('5002')).toEqual([]);
  });
});
