import { linkToolbarToFusion, settle } from '@ctikit/simulators/test/support/uef-link.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmContacts } from '../../src/core/crm-contacts.ts';
import { Workspace } from '../../src/core/workspace.ts';
import { FusionAdapter } from '../../src/fusion/fusion-adapter.ts';
import type { UefGlobal } from '../../src/fusion/uef-types.ts';
import { MemoryStorage } from '../../src/platform/storage.ts';
import { MemoryVendor } from '../core/support/memory-vendor.ts';

/**
 * The Fusion adapter against the Fusion simulator's host, linked in memory to the simulators' own
 * UEF client library (every message structured-cloned and parsed on the other side, as postMessage
 * does). Fusion's side is read from the host's state: what the agent would see in Fusion.
 */

const OLIVIA = '+14155550142';

describe('FusionAdapter', () => {
  let link: ReturnType<typeof linkToolbarToFusion>;
  let vendor: MemoryVendor;
  let workspace: Workspace;
  let adapter: FusionAdapter;
  let ids: number;

  async function start(options: { screenPop?: ReadonlyArray<{ key: string; recordType: string }> } = {}): Promise<void> {
    adapter = await FusionAdapter.start({
      // The simulators' library implements Oracle's declarations; the adapter asks for the subset it uses.
      uef: { uiEventsFramework: link.framework } as unknown as UefGlobal,
      workspace,
      contacts: new CrmContacts(),
      appClassification: 'ORA_SERVICE',
      offerTimeoutSec: 0,
      labels: (agent) => ({ stateDisplayString: agent.kind === 'ready' ? 'Available' : 'Unavailable', reasonDisplayString: '' }),
      storage: new MemoryStorage(),
      ...options,
    });
    await settle();
  }

  /** The adapter started, the agent available, and Olivia's call ringing as e1. */
  async function ringing(userData: Record<string, string> = {}): Promise<void> {
    await start();
    await workspace.execute('makeAgentAvailable');
    vendor.ring('e1', OLIVIA, userData);
    await settle();
  }

  function fusionInteraction(eventId: string) {
    return link.session.state.interactions.find((interaction) => interaction.eventId === eventId);
  }

  beforeEach(async () => {
    link = linkToolbarToFusion();
    vendor = new MemoryVendor();
    ids = 0;
    workspace = new Workspace({ vendor, newEventId: () => `generated-${++ids}` });
    await workspace.start();
  });

  afterEach(() => adapter.dispose());

  it('starts as Oracle documents: the four subscriptions, readiness, and the agent state enabling the phone icon', async () => {
    await start();
    expect(link.session.state.subscriptions.map((s) => s.eventName).sort()).toEqual([
      'onDataUpdated',
      'onOutgoingEvent',
      'onToolbarAgentCommand',
      'onToolbarInteractionCommand',
    ]);
    expect(link.session.state.readiness).toBe(true);
    expect(link.session.state.disabledFeatures).toEqual([]);
    expect(link.session.state.agent).toMatchObject({ isLoggedIn: false, isAvailable: false, state: 'LOGGED_OUT' });
    expect(adapter.trustToken()).toBe('simulated-fa-trust-token.agent1');
  });

  it('follows the agent: Fusion’s Make available reaches the vendor, and Fusion shows the state it reports', async () => {
    await start();
    await link.session.setAvailability(true);
    await settle();
    expect(vendor.requests).toEqual(['makeAgentAvailable']);
    expect(link.session.state.agent).toMatchObject({ isLoggedIn: true, isAvailable: true, state: 'AVAILABLE', stateDisplayString: 'Available' });
    expect(link.session.state.agentCommand).toBeUndefined();
  });

  it('offers a call with Fusion’s reverse lookup, answers it from Fusion, and closes it into Wrap Up', async () => {
    await ringing();
    expect(fusionInteraction('e1')).toMatchObject({ phase: 'offered', direction: 'inbound', number: OLIVIA });
    expect(fusionInteraction('e1')?.contact?.lastName).toBe('Bennett');

    await link.session.answer('e1');
    await settle();
    expect(vendor.requests).toContain('acceptCall e1');
    expect(workspace.model.interaction('e1')?.state).toBe('connected');
    expect(fusionInteraction('e1')?.phase).toBe('connected');

    await link.session.disconnect('e1');
    await settle();
    expect(vendor.requests).toContain('hangupCall e1');
    expect(fusionInteraction('e1')?.phase).toBe('wrapup');

    link.session.saveWrapUp('e1', { disposition: 'Resolved', notes: 'Router replaced' });
    await settle();
    expect(workspace.model.interaction('e1')).toBeUndefined();
    expect(link.session.state.recent[0]).toMatchObject({ eventId: 'e1', reason: 'WRAPUP_CLOSED' });
  });

  it('turns Fusion’s Disconnect on a ringing call into a reject, closed as REJECT without Wrap Up', async () => {
    await ringing();
    await link.session.disconnect('e1');
    await settle();
    expect(vendor.requests).toContain('rejectCall e1');
    expect(vendor.requests).not.toContain('hangupCall e1');
    expect(fusionInteraction('e1')).toBeUndefined();
    expect(link.session.state.recent[0]).toMatchObject({ eventId: 'e1', reason: 'REJECT' });
  });

  it('answers Fusion with the vendor’s refusal in words, and the call stays offered', async () => {
    await ringing();
    vendor.failNext = { ok: false, code: 'INVALID_CALL_STATE', message: 'The call is not ringing at your phone' };
    await link.session.answer('e1');
    await settle();
    expect(fusionInteraction('e1')).toMatchObject({ phase: 'offered', command: { command: 'accept', status: 'failed' } });
    expect(fusionInteraction('e1')?.command?.message).toContain('The call is not ringing at your phone');
  });

  it('dials Fusion’s click-to-dial in E.164 under Fusion’s call id', async () => {
    await start();
    await workspace.execute('makeAgentAvailable');
    link.session.dial('+1 415 555 0142');
    await settle();
    // Fusion's pending dial became the interaction the toolbar announced with newCommEvent.
    expect(link.session.state.dials).toEqual([]);
    const outbound = link.session.state.interactions[0];
    expect(outbound).toMatchObject({ direction: 'outbound', phase: 'dialing', number: OLIVIA });
    expect(vendor.requests).toContain(`makeOutboundCall ${OLIVIA} ${outbound?.eventId ?? ''}`);
  });

  describe('screen pop', () => {
    it('opens the service request the call’s attached data names in a Fusion tab when the call connects', async () => {
      await ringing({ SRNumber: 'SR0001234' });
      expect(link.session.state.tabs).toEqual([]);
      await workspace.execute('acceptCall', 'e1');
      await settle();
      expect(link.session.state.tabs).toMatchObject([
        { recordType: 'ServiceRequest', recordId: 'SR0001234', title: 'SR0001234 · Router drops the connection every evening' },
      ]);
      expect(link.session.state.activeTabId).toBe(link.session.state.tabs[0]?.tabId);
      vendor.attachData('e1', { Note: 'later' });
      await settle();
      expect(link.session.state.tabs).toHaveLength(1);
    });

    it('opens the record when the data arrives after the call connected, by the first configured key it carries', async () => {
      await start({
        screenPop: [
          { key: 'CustomerAccount', recordType: 'Account' },
          { key: 'SRNumber', recordType: 'ServiceRequest' },
        ],
      });
      await workspace.execute('makeAgentAvailable');
      vendor.ring('e1', OLIVIA);
      await workspace.execute('acceptCall', 'e1');
      await settle();
      expect(link.session.state.tabs).toEqual([]);
      vendor.attachData('e1', { SRNumber: 'SR0001234', CustomerAccount: '300100123460001' });
      await settle();
      expect(link.session.state.tabs).toMatchObject([{ recordType: 'Account', recordId: '300100123460001' }]);
    });

    it('leaves the call alone when Fusion has no such record', async () => {
      await start();
      await workspace.execute('makeAgentAvailable');
      vendor.ring('e1', OLIVIA, { SRNumber: 'SR9999999' });
      await workspace.execute('acceptCall', 'e1');
      await settle();
      expect(link.session.state.tabs).toEqual([]);
      expect(fusionInteraction('e1')?.phase).toBe('connected');
    });
  });
});
