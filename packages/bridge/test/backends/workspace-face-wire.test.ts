import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { CookieJar } from '../../src/backends/workspace-api/cookie-jar.ts';
import { NotificationChannel } from '../../src/backends/workspace-api/notification-channel.ts';
import { API_KEY } from './workspace-target.ts';

/**
 * The Workspace API v3 as the face speaks it on the wire: auth (API key, bearer token, session
 * cookie), `{status:{code}, operationId}` replies, the Call and Dn models in CometD notifications
 * carrying the operationId, and EventError with the T-Library number. Raw fetch for REST; the
 * backend's CometD channel only to listen.
 */

let simulator: ContactCenterSimulator;
let face: WorkspaceFace;
let base: string;
const closers: Array<() => void> = [];

beforeEach(async () => {
  simulator = createSimulator(parseSimulatorConfig(CONFORMANCE_CONFIG), new ManualClock());
  face = createWorkspaceFace({ simulator, apiKey: API_KEY, tokens: [{ token: 'token-agent1', agentId: 'agent1' }] });
  base = `${await face.listen()}/workspace/v3`;
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await face.close();
  await simulator.close();
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
  cookie: string | undefined;
}

async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  const response = await fetch(`${base}/${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('WORKSPACE_SESSIONID='));
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie: cookie?.split(';')[0] };
}

/** An initialized session: its cookie header, and every voice message its CometD channel receives. */
type Message = Record<string, unknown>;

async function session(): Promise<{ headers: Record<string, string>; messages: Message[]; next: (match: (message: Message) => boolean) => Promise<Message> }> {
  const initialized = await call('POST', 'initialize-workspace', { 'x-api-key': API_KEY, authorization: 'Bearer token-agent1' });
  expect(initialized).toMatchObject({ status: 200, body: { status: { code: 0 } } });
  expect(initialized.cookie).toMatch(/^WORKSPACE_SESSIONID=.+/);
  const jar = new CookieJar();
  jar.store(initialized.cookie as string);
  const messages: Array<Record<string, unknown>> = [];
  let wake: () => void = () => undefined;
  const channel = await NotificationChannel.open(
    base.replace(/\/workspace\/v3$/, ''),
    API_KEY,
    jar,
    { onVoice: (data) => (messages.push(data as Record<string, unknown>), wake()), onMedia: () => undefined, onLost: () => undefined },
    { clock: new ManualClock(), timeoutMs: 5_000 },
  );
  closers.push(() => channel.close());
  let cursor = 0;
  /** The next message that matches, past the last one taken. */
  const next = async (match: (message: Message) => boolean): Promise<Message> => {
    for (;;) {
      const index = messages.findIndex((message, at) => at >= cursor && match(message));
      if (index >= 0) {
        cursor = index + 1;
        return messages[index] as Record<string, unknown>;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return { headers: { 'x-api-key': API_KEY, cookie: initialized.cookie as string }, messages, next };
}

describe('Workspace API face: authentication', () => {
  it('answers 401 with {status:{code,message}} without the API key, with an unknown token, or without a session', async () => {
    expect(await call('POST', 'initialize-workspace', { authorization: 'Bearer token-agent1' })).toMatchObject({
      status: 401,
      body: { status: { code: 401 } },
    });
    const unknown = await call('POST', 'initialize-workspace', { 'x-api-key': API_KEY, authorization: 'Bearer nope' });
    expect(unknown).toMatchObject({ status: 401, body: { status: { code: 401, message: expect.stringMatching(/token/) } } });
    expect((await call('POST', 'voice/ready', { 'x-api-key': API_KEY }, {})).status).toBe(401);
    expect((await call('POST', 'voice/ready', { 'x-api-key': API_KEY, cookie: 'WORKSPACE_SESSIONID=forged' }, {})).status).toBe(401);
  });

  it('ends the session on logout and when its token expires', async () => {
    const first = await session();
    expect((await call('POST', 'logout', first.headers, {})).status).toBe(200);
    expect((await call('GET', 'voice/calls', first.headers)).status).toBe(401);

    const second = await session();
    face.control.expireToken('token-agent1');
    expect((await call('GET', 'voice/calls', second.headers)).status).toBe(401);
    expect((await call('POST', 'initialize-workspace', { 'x-api-key': API_KEY, authorization: 'Bearer token-agent1' })).status).toBe(401);
  });
});

describe('Workspace API face: operations and notifications', () => {
  it('activates the DN: accepted with the operationId, then DnStateChanged, which (as in Genesys) does not echo it', async () => {
    const s = await session();
    const dnState = (message: Message): boolean => message['messageType'] === 'DnStateChanged';
    expect((await call('POST', 'voice/ready', s.headers, {})).status).toBe(400);
    const reply = await call('POST', 'activate-channels', s.headers, { operationId: 'op-activate', data: { agentId: 'agent1', dn: '5001' } });
    expect(reply).toMatchObject({ status: 200, body: { status: { code: 1 }, operationId: 'op-activate' } });
    expect(await s.next(dnState)).toEqual({
      messageType: 'DnStateChanged',
      dn: { number: '5001', agentId: 'agent1', agentState: 'LoggedIn', reasons: [], capabilities: ['ready', 'not-ready', 'logout'] },
    });
    expect(await s.next(dnState)).toMatchObject({ dn: { agentState: 'NotReady', agentWorkMode: 'AuxWork' } });
    await call('POST', 'voice/not-ready', s.headers, { operationId: 'op-lunch', data: { reasonCode: 'Lunch' } });
    const lunch = await s.next(dnState);
    expect(lunch).toMatchObject({ dn: { agentState: 'NotReady', reasons: [{ key: 'ReasonCode', type: 'str', value: 'Lunch' }] } });
    expect(lunch).not.toHaveProperty('operationId');
    expect((await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5002' } })).status).toBe(400);
  });

  it('makes a call: the Call model (id = connId, state, participants with roles, no ani, userData, capabilities) in CallStateChanged', async () => {
    const s = await session();
    const callState = (message: Message): boolean => message['messageType'] === 'CallStateChanged';
    await call('POST', 'activate-channels', s.headers, { operationId: 'op-activate', data: { agentId: 'agent1', dn: '5001' } });
    const reply = await call('POST', 'voice/make-call', s.headers, {
      operationId: 'op-call',
      data: { destination: CUSTOMER, userData: [{ key: 'caseId', type: 'str', value: 'C-1' }] },
    });
    expect(reply.body).toEqual({ status: { code: 1 }, operationId: 'op-call' });
    const message = await s.next(callState);
    const [connectionId] = simulator.listCalls().map((entry) => entry.connectionId);
    expect(message).toMatchObject({
      messageType: 'CallStateChanged',
      notificationType: 'StateChange',
      call: {
        type: 'Call',
        id: connectionId,
        connId: connectionId,
        state: 'Dialing',
        callType: 'Outbound',
        phoneNumber: '5001',
        dnis: CUSTOMER,
        participants: [{ number: CUSTOMER, role: 'RoleDestination' }],
        userData: [{ key: 'caseId', type: 'str', value: 'C-1' }],
        recordingState: 'Stopped',
      },
    });
    expect(message).not.toHaveProperty('operationId');
    expect(message['call']).not.toHaveProperty('ani');
    const capabilities = (message['call'] as { capabilities: string[] }).capabilities;
    expect(capabilities).toContain('release');
    expect(capabilities).not.toContain('answer');

    const listed = await call('GET', 'voice/calls', s.headers);
    expect(listed.body).toMatchObject({ status: { code: 0 }, data: { calls: [{ id: connectionId, state: 'Dialing' }] } });

    await call('POST', `voice/calls/${connectionId}/hold`, s.headers, { operationId: 'op-hold' });
    expect(await s.next((m) => m['messageType'] === 'EventError')).toEqual({
      messageType: 'EventError',
      error: { errorCode: 93, errorMessage: expect.stringMatching(/not established/) },
    });
  });

  it('an inbound call names its caller in the participants (RoleOrigination), and answer echoes its operationId', async () => {
    const s = await session();
    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    await call('POST', 'voice/ready', s.headers, {});
    const { connectionId } = simulator.placeCall({ from: CUSTOMER, to: '5001' });
    const ringing = await s.next((m) => m['messageType'] === 'CallStateChanged');
    expect(ringing).toMatchObject({ call: { id: connectionId, state: 'Ringing', participants: [{ number: CUSTOMER, role: 'RoleOrigination' }] } });
    expect(ringing['call']).not.toHaveProperty('ani');
    await call('POST', `voice/calls/${connectionId}/answer`, s.headers, { operationId: 'op-answer' });
    expect(await s.next((m) => m['operationId'] === 'op-answer')).toMatchObject({ call: { id: connectionId, state: 'Established' } });
  });

  it('answers malformed and unknown operations with 400 and 404', async () => {
    const s = await session();
    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    expect(await call('POST', 'voice/make-call', s.headers, { data: {} })).toMatchObject({ status: 400, body: { status: { code: 400 } } });
    expect((await call('POST', 'voice/calls/0071000000000001/teleport', s.headers, {})).status).toBe(404);
    expect((await call('POST', 'voice/dance', s.headers, {})).status).toBe(404);
  });
});

describe('Workspace API face: the rest of the voice API, in the shapes genesys-workspace-client-js sends', () => {
  /** An activated, ready session with an established inbound call from `from`. */
  async function onCall(s: Awaited<ReturnType<typeof session>>, from: string, to = '5001'): Promise<string> {
    const { connectionId } = simulator.placeCall({ from, to });
    await s.next((m) => m['messageType'] === 'CallStateChanged' && (m['call'] as { id: string }).id === connectionId);
    await call('POST', `voice/calls/${connectionId}/answer`, s.headers, {});
    await s.next(
      (m) => (m['call'] as { id?: string; state?: string } | undefined)?.id === connectionId && (m['call'] as { state: string }).state === 'Established',
    );
    return connectionId;
  }
  const stateOf =
    (connectionId: string, state: string) =>
    (m: Message): boolean =>
      m['messageType'] === 'CallStateChanged' &&
      (m['call'] as { id: string; state: string }).id === connectionId &&
      (m['call'] as { state: string }).state === state;

  it('alternate holds the active call and retrieves the held one ({data:{heldConnId}}); a DN holds a second call beside the first', async () => {
    const s = await session();
    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    await call('POST', 'voice/ready', s.headers, {});
    const first = await onCall(s, CUSTOMER);
    await call('POST', `voice/calls/${first}/hold`, s.headers, {});
    await s.next(stateOf(first, 'Held'));
    const second = await onCall(s, '+14155550199');

    const reply = await call('POST', `voice/calls/${second}/alternate`, s.headers, { operationId: 'op-alt', data: { heldConnId: first } });
    expect(reply).toMatchObject({ status: 200, body: { status: { code: 1 }, operationId: 'op-alt' } });
    await s.next(stateOf(second, 'Held'));
    await s.next(stateOf(first, 'Established'));
    expect((await call('POST', `voice/calls/${second}/alternate`, s.headers, { data: {} })).status).toBe(400);
  });

  it('merge needs {data:{otherConnId}} and refuses two calls that are not a consultation pair with EventError; clear releases the call', async () => {
    const s = await session();
    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    await call('POST', 'voice/ready', s.headers, {});
    const first = await onCall(s, CUSTOMER);
    await call('POST', `voice/calls/${first}/hold`, s.headers, {});
    const second = await onCall(s, '+14155550199');
    expect((await call('POST', `voice/calls/${second}/merge`, s.headers, { data: {} })).status).toBe(400);
    await call('POST', `voice/calls/${second}/merge`, s.headers, { data: { otherConnId: first } });
    expect(await s.next((m) => m['messageType'] === 'EventError')).toMatchObject({ error: { errorCode: expect.any(Number) } });

    // Genesys' client sends clear with {data: undefined}, that is {}.
    expect((await call('POST', `voice/calls/${second}/clear`, s.headers, {})).status).toBe(200);
    await s.next(stateOf(second, 'Released'));
  });

  it('takes attached data as kvlists (nested pairs), accepts send-user-event, and logs out on all channels (media/logout)', async () => {
    const s = await session();
    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    await call('POST', 'voice/ready', s.headers, {});
    const connectionId = await onCall(s, CUSTOMER);
    const kvlist = [
      {
        key: 'order',
        type: 'kvlist',
        value: [
          { key: 'id', type: 'str', value: 'O-7' },
          { key: 'lines', type: 'int', value: 3 },
        ],
      },
    ];
    expect((await call('POST', `voice/calls/${connectionId}/attach-user-data`, s.headers, { data: { userData: kvlist } })).status).toBe(200);
    expect(simulator.listCalls().find((entry) => entry.connectionId === connectionId)?.userData).toMatchObject({
      order: JSON.stringify({ id: 'O-7', lines: 3 }),
    });
    expect(
      (await call('POST', `voice/calls/${connectionId}/attach-user-data`, s.headers, { data: { userData: [{ key: 'k', type: 'kvlist', value: 'flat' }] } }))
        .status,
    ).toBe(400);

    const event = { data: { userData: [{ key: 'note', type: 'str', value: 'hello' }], callUuid: 'uuid-1' } };
    expect(await call('POST', 'voice/send-user-event', s.headers, event)).toMatchObject({ status: 200, body: { status: { code: 1 } } });
    expect((await call('POST', 'voice/send-user-event', s.headers, { data: {} })).status).toBe(400);

    await call('POST', `voice/calls/${connectionId}/release`, s.headers, {});
    expect((await call('POST', 'media/logout', s.headers, {})).status).toBe(200);
    expect(await s.next((m) => m['messageType'] === 'DnStateChanged' && (m['dn'] as { agentState: string }).agentState === 'LoggedOut')).toBeDefined();
    expect((await call('POST', 'media/chat/logout', s.headers, {})).status).toBe(404);
    expect((await call('POST', 'voice/calls/x/constructor', s.headers, {})).status).toBe(404);
  });
});

describe('Workspace API face: targets', () => {
  it("answers the targets search in the shape of Genesys' simulator: agents (availability while logged in), then ACD queues", async () => {
    expect((await call('GET', 'targets?searchTerm=*', { 'x-api-key': API_KEY })).status).toBe(401);
    const s = await session();
    expect(await call('GET', 'targets', s.headers)).toMatchObject({ status: 400, body: { status: { code: 400 } } });
    expect((await call('GET', 'targets?searchTerm=*&limit=0', s.headers)).status).toBe(400);

    await call('POST', 'activate-channels', s.headers, { data: { agentId: 'agent1', dn: '5001' } });
    await s.next((message) => message['messageType'] === 'DnStateChanged' && (message['dn'] as Message)['agentState'] === 'NotReady');
    await call('POST', 'voice/not-ready', s.headers, { data: { reasonCode: 'Lunch' } });
    await s.next((message) => message['messageType'] === 'DnStateChanged' && (message['dn'] as Message)['reasons'] !== undefined);
    const all = await call('GET', 'targets?searchTerm=*&types=agent,acd-queue,route-point', s.headers);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ status: { code: 0 }, data: { totalMatches: 6 } });
    const targets = (all.body['data'] as { targets: Message[] }).targets;
    expect(targets[0]).toEqual({
      DBID: 1,
      type: 'agent',
      name: 'Alex Morgan',
      firstName: 'Alex',
      lastName: 'Morgan',
      userName: 'agent1',
      employeeId: 'agent1',
      availability: {
        channels: [
          {
            name: 'voice',
            available: false,
            activity: 'Idle',
            userState: { state: 'NotReady', workMode: 'AuxWork', reason: 'Lunch' },
            phoneNumber: '5001',
          },
        ],
      },
    });
    expect(targets[1]).toEqual({ DBID: 2, type: 'agent', name: 'Kenji Sato', firstName: 'Kenji', lastName: 'Sato', userName: 'agent2', employeeId: 'agent2' });
    expect(targets.slice(4)).toEqual([
      { DBID: 1, type: 'acd-queue', name: 'Support', number: '8000' },
      { DBID: 2, type: 'acd-queue', name: 'Sales', number: '8001' },
    ]);

    simulator.placeCall({ from: CUSTOMER, to: '5001' });
    await s.next((message) => message['messageType'] === 'CallStateChanged');
    const ringing = await call('GET', 'targets?searchTerm=alex&types=agent', s.headers);
    expect(ringing.body).toMatchObject({
      data: { totalMatches: 1, targets: [{ name: 'Alex Morgan', availability: { channels: [{ activity: 'ReceivingCall' }] } }] },
    });

    const names = async (query: string): Promise<unknown> =>
      ((await call('GET', `targets?${query}`, s.headers)).body['data'] as { targets: Message[] }).targets.map((target) => target['name']);
    expect(await names('searchTerm=SA')).toEqual(['Kenji Sato', 'Sam Lee', 'Sales']);
    expect(await names('searchTerm=sales,agent4&types=agent,acd-queue')).toEqual(['Sam Lee', 'Sales']);
    expect(await names('searchTerm=Sales&matchType=exact')).toEqual(['Sales']);
    expect(await names('searchTerm=*&types=acd-queue&limit=1')).toEqual(['Support']);
    expect(await names('searchTerm=*&types=agent-group')).toEqual([]);
  });
});
