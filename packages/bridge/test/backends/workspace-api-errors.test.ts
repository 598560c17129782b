import { afterEach, describe, expect, it } from 'vitest';
import { CtiError } from '@ctikit/protocol';
import type { ErrorCode } from '@ctikit/protocol';
import type { ContactCenterPort, RequestOutcome, TServerRequest } from '@ctikit/contact-center';
import { EventLog } from '../../../contact-center/test/conformance/event-log.ts';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { createWorkspaceApiBackend } from '../../src/backends/workspace-api/index.ts';
import { API_KEY, startWorkspaceTarget } from './workspace-target.ts';
import type { WorkspaceTarget } from './workspace-target.ts';

/** Workspace API failures reaching the agent as the catalog's codes, whatever part of the API failed. */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let references = 0;
function request(port: ContactCenterPort, body: Record<string, unknown> & { request: TServerRequest['request'] }): Promise<RequestOutcome> {
  return port.request({ ...body, thisDN: '5001', referenceId: `errors-${++references}` } as TServerRequest);
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<CtiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CtiError);
  expect((error as CtiError).code).toBe(code);
  return error as CtiError;
}

async function started(): Promise<WorkspaceTarget> {
  const target = await startWorkspaceTarget(CONFORMANCE_CONFIG);
  cleanups.push(() => target.close());
  return target;
}

function backendAt(apiUrl: string, token: string): ContactCenterPort {
  const port = createWorkspaceApiBackend({ apiUrl, apiKey: API_KEY, agents: [{ agentId: 'agent1', dn: '5001', token }], requestTimeoutMs: 2_000 });
  cleanups.push(() => port.close());
  return port;
}

describe('Workspace API errors as catalog codes', () => {
  it('an unknown bearer token at registration: UNAUTHENTICATED, and the DN stays unregistered', async () => {
    const target = await started();
    const port = backendAt(target.face.url, 'not-a-token');
    const error = await expectCode(request(port, { request: 'RequestRegisterAddress' }), 'UNAUTHENTICATED');
    expect(error.message).toMatch(/initialize-workspace with HTTP 401/);
    expect(port.snapshot('5001').agent).toMatchObject({ registered: false, state: 'LoggedOut' });
  });

  it('an unreachable Workspace API: BACKEND_UNAVAILABLE', async () => {
    const target = await started();
    const apiUrl = target.face.url;
    await target.face.close();
    const port = backendAt(apiUrl, 'token-agent1');
    const error = await expectCode(request(port, { request: 'RequestRegisterAddress' }), 'BACKEND_UNAVAILABLE');
    expect(error.message).toMatch(/Cannot reach the Workspace API/);
  });

  it('HTTP 5xx from the Workspace API: BACKEND_UNAVAILABLE, and the link stays up for the next request', async () => {
    const target = await started();
    const events = new EventLog(target.port, ['5001']);
    cleanups.push(async () => events.close());
    await request(target.port, { request: 'RequestRegisterAddress' });
    await events.expectNext('5001', ['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady']);

    target.face.control.setOutage(true);
    const error = await expectCode(request(target.port, { request: 'RequestAgentReady' }), 'BACKEND_UNAVAILABLE');
    expect(error.message).toMatch(/HTTP 503/);
    target.face.control.setOutage(false);
    await request(target.port, { request: 'RequestAgentReady' });
    await events.next('5001', 'EventAgentReady');
  });

  it("EventError notifications carry the switch's T-Library codes: 71 and 93 become INVALID_CALLED_DN and INVALID_CALL_STATE", async () => {
    const target = await started();
    const events = new EventLog(target.port, ['5001']);
    cleanups.push(async () => events.close());
    await request(target.port, { request: 'RequestRegisterAddress' });
    await request(target.port, { request: 'RequestAgentReady' });
    await events.expectNext('5001', ['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady', 'EventAgentReady']);
    const { connectionId } = target.simulator.placeCall({ from: CUSTOMER, to: '8000' });
    await events.next('5001', 'EventRinging');

    const invalid = await expectCode(request(target.port, { request: 'RequestMakeCall', destination: 'x' }), 'INVALID_CALLED_DN');
    expect(invalid.message).toMatch(/T-Server error 71/);
    await expectCode(request(target.port, { request: 'RequestHoldCall', connectionId }), 'INVALID_CALL_STATE');
    target.simulator.customerHangup(connectionId);
    await events.next('5001', 'EventAbandoned');
    await expectCode(request(target.port, { request: 'RequestAnswerCall', connectionId }), 'INVALID_CONNECTION_ID');
  });

  it('refuses what the Workspace API cannot do (mute) and DNs it does not serve', async () => {
    const target = await started();
    const events = new EventLog(target.port, ['5001']);
    cleanups.push(async () => events.close());
    await request(target.port, { request: 'RequestRegisterAddress' });
    await request(target.port, { request: 'RequestAgentReady' });
    await events.expectNext('5001', ['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady', 'EventAgentReady']);
    const { connectionId } = target.simulator.placeCall({ from: CUSTOMER, to: '8000' });
    await events.next('5001', 'EventRinging');
    await request(target.port, { request: 'RequestAnswerCall', connectionId });
    await events.next('5001', 'EventEstablished');

    const mute = await expectCode(request(target.port, { request: 'RequestSetMuteOn', connectionId }), 'UNSUPPORTED_OPERATION');
    expect(mute.message).toMatch(/no mute operation/);
    await expectCode(target.port.request({ request: 'RequestAgentReady', thisDN: '5999', referenceId: 'elsewhere' }), 'DN_NOT_CONFIGURED');
    expect(() => target.port.snapshot('5999')).toThrow(CtiError);
  });
});
