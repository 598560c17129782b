import { afterEach, describe, expect, it } from 'vitest';
import { CtiError } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import type { TServerRequest } from '@ctikit/contact-center';
import { CONFORMANCE_CONFIG } from '../../../contact-center/test/conformance/scenario.ts';
import { DIRECTORY_TTL_MS, directoryOf } from '../../src/backends/workspace-api/workspace-directory.ts';
import { startWorkspaceTarget } from './workspace-target.ts';
import type { WorkspaceTarget } from './workspace-target.ts';

/**
 * The Workspace API backend's directory: the targets search's entries read tolerantly (what a
 * Genesys tenant may send that the face does not), the one answer every agent shares for a few
 * seconds, and the catalog codes when it cannot be asked.
 */

let target: WorkspaceTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

const CONFIGURED = [{ agentId: 'agent4', dn: '5004' }];

describe('the targets search read tolerantly', () => {
  it('takes what it can from each entry, leaves out what has no DN, and counts what it cannot read', () => {
    const voice = (state: unknown, activity?: unknown, phoneNumber: unknown = '5001') => ({
      channels: [{ name: 'voice', userState: { state }, activity, phoneNumber }],
    });
    const { targets, unreadable } = directoryOf(
      [
        { type: 'route-point', name: 'Sales', number: 8001 },
        { type: 'agent', firstName: 'Alex', lastName: 'Morgan', userName: 'agent1', availability: voice('Ready', 'CallOnHold') },
        { type: 'agent', name: 'Kenji Sato', userName: null, employeeId: 'agent2', availability: voice('LoggedIn', null, '5002') },
        { type: 'agent', name: 'Maria Lopez', availability: { channels: [{ name: 'chat', userState: { state: 'Ready' } }] }, number: '5003' },
        { type: 'agent', name: 'Sam Lee', userName: 'agent4', availability: null },
        { type: 'agent', name: 'Lee Park', userName: 'agent9' },
        { type: 'agent', name: 'Out Side', availability: voice('OutOfService', 'Idle', '5010') },
        { type: 'agent', name: 'Gone Home', availability: voice('LoggedOut', undefined, '5011') },
        { type: 'agent-group', name: 'Support team' },
        { type: 'acd-queue', name: 'Support', number: '8000', availability: { waitingCalls: 2 } },
        { type: 'acd-queue', name: 'No number' },
        { type: 'acd-queue', name: 'Too long', number: '1'.repeat(65) },
        { name: 'no type' },
        'not an object',
      ],
      CONFIGURED,
    );
    expect(targets).toEqual([
      { name: 'Alex Morgan', type: 'agent', dn: '5001', agentId: 'agent1', state: 'Busy' },
      { name: 'Kenji Sato', type: 'agent', dn: '5002', agentId: 'agent2', state: 'NotReady' },
      { name: 'Maria Lopez', type: 'agent', dn: '5003' },
      { name: 'Sam Lee', type: 'agent', dn: '5004', agentId: 'agent4' },
      { name: 'Out Side', type: 'agent', dn: '5010' },
      { name: 'Gone Home', type: 'agent', dn: '5011', state: 'LoggedOut' },
      { name: 'Sales', type: 'queue', dn: '8001' },
      { name: 'Support', type: 'queue', dn: '8000' },
    ]);
    // Left out: Lee Park (no DN anywhere), the agent group and the queue without a number; unreadable: a number longer than a DN, the entry without a type and the string.
    expect(unreadable).toBe(3);
  });
});

describe('the directory on the Workspace API backend', () => {
  let references = 0;
  const request = (t: WorkspaceTarget, dn: string, body: Record<string, unknown> & { request: TServerRequest['request'] }) =>
    t.port.request({ ...body, thisDN: dn, referenceId: `directory-${++references}` } as TServerRequest);

  it('is asked with a session the backend holds: refused while it holds none, and for a DN the bridge does not serve', async () => {
    const t = (target = await startWorkspaceTarget(CONFORMANCE_CONFIG));
    const refusal = (dn: string) =>
      t.port.targets?.(dn).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await refusal('5001')).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(await refusal('9999')).toBeInstanceOf(CtiError);
    expect(await refusal('9999')).toMatchObject({ code: 'DN_NOT_CONFIGURED' });

    // Agent 5003's own session is not open (here: not yet; in a cluster, held by another node): 5001's serves.
    await request(t, '5001', { request: 'RequestRegisterAddress' });
    expect((await t.port.targets?.('5003'))?.map((entry) => entry.name)).toEqual(['Alex Morgan', 'Kenji Sato', 'Maria Lopez', 'Sam Lee', 'Support', 'Sales']);
  });

  it(`keeps one answer for every agent for ${DIRECTORY_TTL_MS / 1000} s, then asks again`, async () => {
    const clock = new ManualClock();
    const t = (target = await startWorkspaceTarget(CONFORMANCE_CONFIG, { clock }));
    await request(t, '5001', { request: 'RequestRegisterAddress' });
    const kenji = async () => (await t.port.targets?.('5001'))?.find((entry) => entry.dn === '5002');
    expect(await kenji()).toEqual({ name: 'Kenji Sato', type: 'agent', dn: '5002', agentId: 'agent2' });

    await request(t, '5002', { request: 'RequestRegisterAddress' });
    expect(t.port.snapshot('5002').agent.state).toBe('NotReady');
    expect(await kenji()).not.toHaveProperty('state');
    clock.advance(DIRECTORY_TTL_MS - 1);
    expect(await kenji()).not.toHaveProperty('state');
    clock.advance(1);
    expect(await kenji()).toMatchObject({ state: 'NotReady' });
  });
});
