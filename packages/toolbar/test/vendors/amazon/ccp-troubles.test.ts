import { describe, expect, it } from 'vitest';
import { ANOTHER_WINDOW, networkReachability, SnapshotTroubles, softphoneFailure, SOUND_BLOCKED } from '../../../src/vendors/amazon/ccp-troubles.ts';
import { agentView, AVAILABLE, BUSY, contact, PENDING_BUSY } from './support/views.ts';

/** The Streams traps the toolbar tells the agent about, in words (ccp-troubles.ts). */

describe('the CCP’s troubles in the agent’s words', () => {
  it('says each softphone error the library reports (a plain structured clone), and an unknown one by its type', () => {
    expect(softphoneFailure({ errorType: 'microphone_not_shared', errorMessage: null, endPointUrl: null })).toMatchObject({
      ok: false,
      code: 'SOFTPHONE_ERROR',
      message: expect.stringContaining('microphone'),
    });
    expect(softphoneFailure({ errorType: 'ice_collection_timeout' }).message).toContain('audio path');
    expect(softphoneFailure({ errorType: 'something_new' }).message).toContain('(something_new)');
    expect(softphoneFailure('garbage').code).toBe('SOFTPHONE_ERROR');
  });

  it('reads the SDK’s network statuses: disconnected and failed are lost, connected is back, connecting says nothing', () => {
    expect(networkReachability({ status: 'disconnected', timestamp: 1 })).toBe('lost');
    expect(networkReachability({ status: 'failed' })).toBe('lost');
    expect(networkReachability({ status: 'connected' })).toBe('back');
    expect(networkReachability({ status: 'connecting' })).toBeUndefined();
    expect(networkReachability(null)).toBeUndefined();
  });

  it('says once that the CCP is open in another window, again only after it happens again', () => {
    const troubles = new SnapshotTroubles(() => true);
    const multiple = { name: 'MultipleCcpWindows', type: 'error' };
    expect(troubles.check(agentView(multiple)).map((trouble) => trouble.message)).toEqual([ANOTHER_WINDOW]);
    expect(troubles.check(agentView(multiple))).toEqual([]);
    expect(troubles.check(agentView(AVAILABLE))).toEqual([]);
    expect(troubles.check(agentView(multiple))).toHaveLength(1);
  });

  it('asks for a click to enable sound when a call rings before the page may play sound, once per ring', () => {
    let allowed = false;
    const troubles = new SnapshotTroubles(() => allowed);
    const ringing = agentView(PENDING_BUSY, [contact({ state: 'connecting' })]);
    expect(troubles.check(ringing).map((trouble) => trouble.message)).toEqual([SOUND_BLOCKED]);
    expect(troubles.check(ringing)).toEqual([]);
    expect(troubles.check(agentView(BUSY, [contact({ state: 'connected', agent: 'connected' })]))).toEqual([]);
    allowed = true;
    expect(troubles.check(agentView(PENDING_BUSY, [contact({ contactId: 'c-2', state: 'connecting' })]))).toEqual([]);
    expect(troubles.check(agentView(PENDING_BUSY, [contact({ contactId: 'c-3', state: 'connecting', direction: 'outbound' })]))).toEqual([]);
  });
});
