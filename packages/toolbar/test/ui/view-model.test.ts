import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/core/agent-state.ts';
import type { ConnectionStatus } from '../../src/core/connection-status.ts';
import type { Interaction } from '../../src/core/interaction.ts';
import { failure } from '../../src/core/outcome.ts';
import { Workspace } from '../../src/core/workspace.ts';
import { en as enCatalog } from '../../src/i18n/en.ts';
import { translator } from '../../src/i18n/index.ts';
import { ja as jaCatalog } from '../../src/i18n/ja.ts';
import {
  activeCallControls,
  agentControls,
  agentDisplayStrings,
  agentStateText,
  callCards,
  callStatusText,
  choosableReasons,
  conferenceView,
  connectionView,
  destinationDetail,
  errorTitle,
  errorView,
  sameError,
  formatDuration,
  hasLiveCall,
  linkLostBanner,
  outageReport,
  partyView,
  recordingText,
  say,
  talkTime,
  type CallCard,
} from '../../src/ui/view-model.ts';
import { MemoryVendor } from '../core/support/memory-vendor.ts';

const en = translator(enCatalog);
const ja = translator(jaCatalog);
const REASONS = [
  { code: 'Break', label: 'Break' },
  { code: 'Lunch', label: 'Lunch break' },
];

/** A card as one line: `incoming e1`, `active e1 +consult e1-consult-1`. */
function describeCards(cards: readonly CallCard[]): string[] {
  return cards.map((card) => {
    const consult = card.kind === 'active' && card.consult ? ` +consult ${card.consult.eventId}` : '';
    return `${card.kind} ${card.interaction.eventId}${consult}`;
  });
}

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [10 * 3_600_000 + 5 * 60_000 + 7_000, '10:05:07'],
    [-4_000, '00:00'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('the header', () => {
  it.each<[ConnectionStatus, string, string, string]>([
    [{ state: 'connected' }, 'ok', 'Connected', '接続済み'],
    [{ state: 'connecting' }, 'pending', 'Connecting…', '接続中…'],
    [{ state: 'reconnecting', reason: 'socketClosed', attempt: 3 }, 'warning', 'Reconnecting… (attempt 3)', '再接続中…（3 回目）'],
    [{ state: 'reconnecting', reason: 'sequenceGap', attempt: 0 }, 'warning', 'Reconnecting…', '再接続中…'],
    [
      { state: 'reconnecting', reason: 'contactCenterDown', attempt: 0 },
      'warning',
      'Phone system unavailable. Reconnecting…',
      '電話システムを利用できません。再接続中…',
    ],
    [{ state: 'offline', reason: 'idle' }, 'offline', 'Offline', 'オフライン'],
    [{ state: 'offline', reason: 'connectFailed' }, 'offline', 'Offline: the phone service cannot be reached', 'オフライン: 電話サービスに接続できません'],
    [{ state: 'offline', reason: 'authFailed' }, 'offline', 'Offline: sign in to the phone service', 'オフライン: 電話サービスにサインインしてください'],
    [
      { state: 'offline', reason: 'accessDenied' },
      'offline',
      'Offline: the phone service refused access',
      'オフライン: 電話サービスへのアクセスが拒否されました',
    ],
  ])('shows the link %j', (status, tone, english, japanese) => {
    const view = connectionView(status);
    expect(view.tone).toBe(tone);
    expect(say(en, view.text)).toBe(english);
    expect(say(ja, view.text)).toBe(japanese);
  });

  it.each<[AgentState, string, string]>([
    [{ kind: 'loggedOut' }, 'Logged out', 'ログアウト中'],
    [{ kind: 'ready' }, 'Available', '受付可'],
    [{ kind: 'afterCallWork' }, 'Wrap-up', '後処理中'],
    [{ kind: 'notReady' }, 'Not ready', '受付不可'],
    [{ kind: 'notReady', reasonCode: 'Lunch' }, 'Not ready: Lunch break', '受付不可: Lunch break'],
    // The reason list's label (the configured one in the agent's language) wins over the vendor's on the state.
    [{ kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch (vendor)' }, 'Not ready: Lunch break', '受付不可: Lunch break'],
    [{ kind: 'notReady', reasonCode: 'Gym', reasonLabel: 'Gym (vendor)' }, 'Not ready: Gym (vendor)', '受付不可: Gym (vendor)'],
    [{ kind: 'notReady', reasonCode: 'Gym' }, 'Not ready: Gym', '受付不可: Gym'],
    // The contact center's own reasons are named in the agent's words, never the switch's jargon.
    [{ kind: 'notReady', reasonCode: 'RONA' }, 'Not ready: Missed call', '受付不可: 不在着信'],
    [{ kind: 'notReady', reasonCode: 'MissedCallAgent', reasonLabel: 'Missed call' }, 'Not ready: Missed call', '受付不可: 不在着信'],
  ])('names the agent state %j', (agent, english, japanese) => {
    expect(say(en, agentStateText(agent, REASONS))).toBe(english);
    expect(say(ja, agentStateText(agent, REASONS))).toBe(japanese);
  });

  it('offers Go available, Go not ready and Log out as the state allows', () => {
    expect(agentControls({ kind: 'loggedOut' }, REASONS)).toEqual({ makeAvailable: true, unavailable: 'goNotReady', logout: false });
    expect(agentControls({ kind: 'ready' }, REASONS)).toEqual({ makeAvailable: false, unavailable: 'goNotReady', logout: true });
    expect(agentControls({ kind: 'afterCallWork' }, REASONS)).toEqual({ makeAvailable: true, unavailable: 'goNotReady', logout: true });
    expect(agentControls({ kind: 'notReady', reasonCode: 'Break' }, REASONS)).toEqual({
      makeAvailable: true,
      unavailable: 'changeReason',
      logout: true,
    });
  });

  it('lists the reasons the agent can switch to, and none to change to when there are no reasons', () => {
    expect(choosableReasons({ kind: 'ready' }, REASONS).map((r) => r.code)).toEqual(['Break', 'Lunch']);
    expect(choosableReasons({ kind: 'notReady', reasonCode: 'Break' }, REASONS).map((r) => r.code)).toEqual(['Lunch']);
    expect(choosableReasons({ kind: 'notReady' }, REASONS).map((r) => r.code)).toEqual(['Break', 'Lunch']);
    expect(agentControls({ kind: 'notReady' }, [])).toMatchObject({ unavailable: undefined });
    expect(agentControls({ kind: 'notReady', reasonCode: 'Break' }, [REASONS[0]!])).toMatchObject({ unavailable: undefined });
  });

  it("gives Fusion the state with its reason, and the reason alone, in the agent's language", () => {
    expect(agentDisplayStrings({ kind: 'notReady', reasonCode: 'Lunch' }, REASONS, en)).toEqual({
      stateDisplayString: 'Not ready: Lunch break',
      reasonDisplayString: 'Lunch break',
    });
    expect(agentDisplayStrings({ kind: 'notReady' }, REASONS, en)).toEqual({ stateDisplayString: 'Not ready', reasonDisplayString: '' });
    expect(agentDisplayStrings({ kind: 'notReady', reasonCode: 'RONA' }, REASONS, ja)).toEqual({
      stateDisplayString: '受付不可: 不在着信',
      reasonDisplayString: '不在着信',
    });
    expect(agentDisplayStrings({ kind: 'ready' }, REASONS, ja)).toEqual({ stateDisplayString: '受付可', reasonDisplayString: '' });
  });
});

describe('the call cards, from a workspace driven by its vendor', () => {
  let vendor: MemoryVendor;
  let workspace: Workspace;
  const interactions = () => workspace.model.interactions;
  let closed: Interaction[];
  const interaction = (eventId: string): Interaction => {
    const found = workspace.model.interaction(eventId) ?? closed.find((gone) => gone.eventId === eventId);
    if (!found) throw new Error(`no interaction ${eventId}`);
    return found;
  };

  beforeEach(async () => {
    vendor = new MemoryVendor();
    workspace = new Workspace({ vendor, newEventId: () => 'out-1' });
    closed = [];
    workspace.model.on('interactionClosed', ({ interaction: gone }) => closed.push(gone));
    await workspace.start();
    await workspace.execute('makeAgentAvailable');
  });

  it('shows a ringing call as an incoming card, and the dial pad steps aside', () => {
    expect(hasLiveCall(interactions())).toBe(false);
    vendor.ring('e1', '+15550100');
    expect(describeCards(callCards(interactions()))).toEqual(['incoming e1']);
    expect(hasLiveCall(interactions())).toBe(true);
    expect(say(en, callStatusText(interaction('e1')))).toBe('Incoming call');
  });

  it('names the caller from the CRM, else "Unknown caller" over the number; an outbound call by its number', async () => {
    vendor.ring('e1', '+15550100');
    expect(partyView(interaction('e1'), { name: 'Olivia Bennett' })).toEqual({ name: 'Olivia Bennett', number: '+15550100' });
    const unknown = partyView(interaction('e1'), undefined);
    expect(say(en, unknown.name)).toBe('Unknown caller');
    expect(say(ja, unknown.name)).toBe('不明な発信者');
    expect(unknown.number).toBe('+15550100');
    expect(partyView(interaction('e1'), { name: '  ' }).name).toEqual({ key: 'call.unknownCaller' });

    await workspace.execute('makeOutboundCall', '+1 (555) 0199');
    expect(partyView(interaction('out-1'), undefined)).toEqual({ name: '+15550199', number: undefined });
  });

  it('names a colleague or queue from the directory: "Kenji Sato" over 5002, a contact in the CRM first', async () => {
    const directory = [
      { name: 'Alex Morgan', kind: 'agent', phoneNumber: '5001', state: 'ready' },
      { name: 'Kenji Sato', kind: 'agent', phoneNumber: '5002', state: 'busy' },
    ] as const;
    await workspace.execute('makeOutboundCall', '5002');
    expect(partyView(interaction('out-1'), undefined, directory)).toEqual({ name: 'Kenji Sato', number: '5002' });
    expect(partyView(interaction('out-1'), { name: 'K. Sato (CRM)' }, directory)).toEqual({ name: 'K. Sato (CRM)', number: '5002' });
    expect(partyView(interaction('out-1'), undefined, [])).toEqual({ name: '5002', number: undefined });
    expect(destinationDetail(directory[1]).map((detail) => say(en, detail))).toEqual(['agent', 'On a call']);
    expect(destinationDetail(directory[1]).map((detail) => say(ja, detail))).toEqual(['エージェント', '通話中']);
  });

  it('lists a conference’s parties besides the agent, named from the CRM and the directory, with their states and Drop', async () => {
    const directory = [{ name: 'Kenji Sato', kind: 'agent', phoneNumber: '5002', state: 'busy' }] as const;
    vendor.ring('e1', '+15550100');
    await workspace.execute('acceptCall', 'e1');
    expect(conferenceView(interaction('e1'), { dn: '5001' }, directory, undefined, true)).toBeUndefined();
    workspace.model.apply({
      type: 'interactionDataChanged',
      eventId: 'e1',
      parties: ['+15550100', '5001', '5002', '+15550177'],
      partyStates: { '+15550177': 'ringing' },
      at: Date.now(),
    });
    const rows = conferenceView(interaction('e1'), { dn: '5001' }, directory, { name: 'Olivia Bennett' }, true);
    expect(rows?.map((row) => [row.number, row.name, say(en, row.state), row.canDrop])).toEqual([
      ['+15550100', 'Olivia Bennett', 'Connected', true],
      ['5002', 'Kenji Sato', 'Connected', true],
      ['+15550177', undefined, 'Ringing', true],
    ]);
    expect(rows?.map((row) => say(ja, row.state))).toEqual(['通話中', '通話中', '呼び出し中']);
    expect(conferenceView(interaction('e1'), { dn: '5001' }, directory, undefined, false)?.every((row) => !row.canDrop)).toBe(true);
  });

  it('orders the cards: ringing first, then calls in progress, then dialing, then wrap-ups', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    await workspace.execute('hangupCall', 'e1');
    vendor.ring('e2');
    await workspace.execute('acceptCall', 'e2');
    await workspace.execute('makeOutboundCall', '+15550199');
    vendor.ring('e3');
    expect(describeCards(callCards(interactions()))).toEqual(['incoming e3', 'active e2', 'dialing out-1', 'wrapUp e1']);
  });

  it('offers Hold, Mute, the keypad, Transfer with Consult, Record and Hang up on a connected call', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    expect(activeCallControls(interaction('e1'))).toEqual({
      hold: 'hold',
      mute: 'mute',
      keypad: true,
      transfer: true,
      consultFirst: true,
      record: 'record',
      hangup: true,
      consult: undefined,
    });
    expect(say(en, callStatusText(interaction('e1')))).toBe('On call');
  });

  it('offers Retrieve ("Resume") and Unmute once the vendor reports the call held and muted; no tones and no consult on hold', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    await workspace.execute('muteCall', 'e1');
    await workspace.execute('holdCall', 'e1');
    expect(activeCallControls(interaction('e1'))).toMatchObject({
      hold: 'retrieve',
      mute: 'unmute',
      keypad: false,
      transfer: true,
      consultFirst: false,
    });
    expect(say(ja, callStatusText(interaction('e1')))).toBe('保留中');
  });

  it('keeps the controls as they were while a command is only accepted, not yet reported', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    vendor.deferEvents = true;
    expect(await workspace.execute('holdCall', 'e1')).toEqual({ ok: true });
    expect(activeCallControls(interaction('e1')).hold).toBe('hold');
    vendor.flush();
    expect(activeCallControls(interaction('e1')).hold).toBe('retrieve');
  });

  it('switches Record to Stop recording, and shows the recording, as the vendor reports it', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    expect(recordingText(interaction('e1'))).toBeUndefined();
    await workspace.execute('startRecording', 'e1');
    expect(activeCallControls(interaction('e1')).record).toBe('stopRecording');
    expect(say(en, recordingText(interaction('e1'))!)).toBe('Recording');
    await workspace.execute('pauseRecording', 'e1');
    expect(activeCallControls(interaction('e1')).record).toBe('stopRecording');
    expect(say(en, recordingText(interaction('e1'))!)).toBe('Recording paused');
  });

  it('shows a consultation inside its call, with Complete transfer and Cancel consult; Conference once answered', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    const consult = await workspace.execute('consultCall', 'e1', '5003');
    if (!consult.ok) throw new Error(consult.message);
    expect(describeCards(callCards(interactions()))).toEqual([`active e1 +consult ${consult.eventId}`]);

    const [card] = callCards(interactions());
    if (card?.kind !== 'active') throw new Error('expected the active card');
    expect(activeCallControls(card.interaction, card.consult)).toEqual({
      hold: undefined,
      mute: undefined,
      keypad: false,
      transfer: false,
      consultFirst: false,
      record: 'record',
      hangup: true,
      consult: { completeTransfer: true, completeConference: false, cancelConsult: true },
    });

    vendor.customerAnswers(consult.eventId);
    const [answered] = callCards(interactions());
    if (answered?.kind !== 'active') throw new Error('expected the active card');
    expect(activeCallControls(answered.interaction, answered.consult).consult).toEqual({
      completeTransfer: true,
      completeConference: true,
      cancelConsult: true,
    });
  });

  it('shows no wrap-up card for an ended consultation leg of its own', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    const consult = await workspace.execute('consultCall', 'e1', '5003');
    if (!consult.ok) throw new Error(consult.message);
    const ended: Interaction[] = [];
    workspace.model.on('interactionChanged', ({ interaction: changed }) => {
      if (changed.state === 'wrapUp') ended.push(changed);
    });
    await workspace.execute('cancelConsult', 'e1', consult.eventId);
    expect(ended.map((leg) => leg.eventId)).toEqual([consult.eventId]);
    expect(describeCards(callCards([...interactions(), ...ended]))).toEqual(['active e1']);
    expect(activeCallControls(interaction('e1'))).toMatchObject({ hold: 'hold', transfer: true, consult: undefined });
  });

  it('shows a consultation on its own once the call it was placed from has ended', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    const consult = await workspace.execute('consultCall', 'e1', '5003');
    if (!consult.ok) throw new Error(consult.message);
    await workspace.execute('hangupCall', 'e1');
    expect(describeCards(callCards(interactions()))).toEqual([`dialing ${consult.eventId}`, 'wrapUp e1']);
    vendor.customerAnswers(consult.eventId);
    expect(describeCards(callCards(interactions()))).toEqual([`active ${consult.eventId}`, 'wrapUp e1']);
  });

  it('says how a call ended and how long the customer was on the line', async () => {
    vendor.ring('e1');
    await workspace.execute('acceptCall', 'e1');
    vendor.customerHangsUp('e1');
    const ended = interaction('e1');
    expect(describeCards(callCards(interactions()))).toEqual(['wrapUp e1']);
    expect(say(en, callStatusText(ended))).toBe('Call ended');
    expect(say(ja, callStatusText(ended))).toBe('通話終了');
    expect(talkTime(ended)).toBe(1000);
  });

  it.each([
    ['declined', (w: Workspace) => w.execute('rejectCall', 'e1'), 'Declined', '拒否しました'],
    ['abandoned', async () => vendor.customerHangsUp('e1'), 'Caller hung up', '発信者が切断しました'],
  ])('says a %s offer ended unanswered, with no talk time, and leaves no wrap-up card', async (_name, end, english, japanese) => {
    vendor.ring('e1');
    await end(workspace);
    expect(callCards(interactions())).toEqual([]);
    const ended = interaction('e1');
    expect(say(en, callStatusText(ended))).toBe(english);
    expect(say(ja, callStatusText(ended))).toBe(japanese);
    expect(talkTime(ended)).toBeUndefined();
  });

  it('says a canceled outbound call was canceled', async () => {
    await workspace.execute('makeOutboundCall', '+15550199');
    expect(describeCards(callCards(interactions()))).toEqual(['dialing out-1']);
    await workspace.execute('hangupCall', 'out-1');
    expect(callCards(interactions())).toEqual([]);
    expect(say(en, callStatusText(interaction('out-1')))).toBe('Canceled');
  });
});

describe('errors', () => {
  it("titles a failure with the control that sent the command, and shows the failure's message and code", () => {
    const view = errorView(failure('INVALID_CALL_STATE', 'The call is not held.'), 'retrieveCall');
    expect(errorTitle(view, en)).toBe('Resume failed');
    expect(errorTitle(view, ja)).toBe('「保留解除」を実行できませんでした');
    expect(say(en, view.detail)).toBe('The call is not held. (INVALID_CALL_STATE)');
    expect(say(ja, view.detail)).toBe('The call is not held.（INVALID_CALL_STATE）');
  });

  it('uses the general title for a failure no toolbar control sends', () => {
    expect(errorTitle(errorView(failure('BACKEND_UNAVAILABLE'), undefined), en)).toBe('Something went wrong');
    expect(errorTitle(errorView(failure('INVALID_ATTRIBUTE'), 'start'), ja)).toBe('エラーが発生しました');
  });

  it("titles a refusal of the agent's credentials as a refused sign-in, whichever command met it", () => {
    const view = errorView(failure('AGENT_NOT_IN_DIRECTORY', 'User "stranger" of www.oracle.com is not mapped to an agent.'), 'makeAgentAvailable');
    expect(errorTitle(view, en)).toBe('Sign-in to the phone system was refused');
    expect(errorTitle(view, ja)).toBe('電話システムへのサインインが拒否されました');
    expect(say(en, view.detail)).toBe('User "stranger" of www.oracle.com is not mapped to an agent. (AGENT_NOT_IN_DIRECTORY)');
    expect(errorTitle(errorView(failure('TOKEN_INVALID'), undefined), en)).toBe('Sign-in to the phone system was refused');
  });

  it('tells a refused sign-in once, whichever requests met it; other failures once per command', () => {
    const refused = failure('TOKEN_INVALID', 'The token is not signed by a key of www.oracle.com.');
    expect(sameError({ failure: refused, command: 'reasonCodes' }, { failure: refused, command: 'makeAgentAvailable' })).toBe(true);
    expect(sameError({ failure: refused, command: 'reasonCodes' }, { failure: failure('TOKEN_EXPIRED'), command: 'reasonCodes' })).toBe(false);
    const busy = failure('TERMINATING_PARTY_BUSY');
    expect(sameError({ failure: busy, command: 'makeOutboundCall' }, { failure: busy, command: 'makeOutboundCall' })).toBe(true);
    expect(sameError({ failure: busy, command: 'makeOutboundCall' }, { failure: busy, command: 'consultCall' })).toBe(false);
  });
});

describe('the link to the phone system', () => {
  const call = (eventId: string, state: Interaction['state']): Interaction =>
    ({
      eventId,
      state,
      direction: 'inbound',
      phoneNumber: '+14155550142',
      userData: {},
      parties: [],
      recordingState: 'stopped',
      offeredAt: 0,
      held: false,
      muted: false,
    }) as Interaction;

  it('while lost: a banner that says the controls wait, with the attempt; none when connected', () => {
    expect(say(en, linkLostBanner({ state: 'reconnecting', reason: 'socketClosed', attempt: 6 }) ?? 'none')).toBe(
      'Connection to the phone system lost. Reconnecting (attempt 6)… Call controls are unavailable until it is back.',
    );
    expect(say(ja, linkLostBanner({ state: 'reconnecting', reason: 'contactCenterDown', attempt: 0 }) ?? 'none')).toContain('電話システムが停止');
    expect(linkLostBanner({ state: 'connected' })).toBeUndefined();
  });

  it('once back: how long, the call that ended meanwhile and the logout', () => {
    const outage = { lostAt: 1_000, restoredAt: 41_400, liveCalls: ['e1'], agentLoggedIn: true };
    const lines = outageReport(outage, [call('e1', 'wrapUp')], { kind: 'loggedOut' })?.map((line) => say(en, line));
    expect(lines).toEqual([
      'The connection to the phone system was lost for 40 s.',
      'Your call ended at the server meanwhile.',
      'The phone system logged you out: go available to take calls again.',
    ]);
    expect(outageReport(outage, [call('e1', 'connected')], { kind: 'ready' })?.map((line) => say(en, line))).toEqual([
      'The connection to the phone system was lost for 40 s.',
    ]);
    expect(outageReport({ ...outage, restoredAt: undefined }, [], { kind: 'ready' })).toBeUndefined();
  });

  it('says when the phone system lost the session (it restarted), in each language', () => {
    const outage = { lostAt: 1_000, restoredAt: 6_000, liveCalls: ['e1'], agentLoggedIn: true, sessionLost: true };
    const lines = outageReport(outage, [call('e1', 'wrapUp')], { kind: 'loggedOut' });
    expect(lines?.map((line) => say(en, line))).toEqual([
      'The connection to the phone system was lost for 5 s.',
      'The phone system restarted and lost your session: the calls it no longer had have ended.',
      'Your call ended at the server meanwhile.',
      'The phone system logged you out: go available to take calls again.',
    ]);
    expect(lines?.map((line) => say(ja, line))[1]).toBe('電話システムが再起動し、セッションが失われました。システムに残っていない通話は終了しています。');
  });
});
