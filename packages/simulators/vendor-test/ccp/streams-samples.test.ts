import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccpHarness, inboundCall, outboundCall } from '../../test/ccp/ccp-harness.ts';
import { shapeDifferences } from './snapshot-shape.ts';

/**
 * The simulated CCP's agent data against amazon-connect-streams' own samples (v2.28.2,
 * `amazon-connect-streams-fixtures` in the kits folder CTIKIT_KITS names, loaded in place): for each
 * situation the samples show and the simulator has, the snapshot or response it builds has the
 * sample's shape (snapshot-shape.ts says what may differ). The samples the simulator has no situation
 * for — deskphone, monitoring, queued callbacks, chat, task — are not compared.
 */

const kits = process.env['CTIKIT_KITS'];
if (!kits) throw new Error('CTIKIT_KITS must name the vendor kits folder');
const fixtures = resolve(kits, 'amazon-connect-streams-fixtures');
const load = createRequire(import.meta.url);
const samples = load(resolve(fixtures, 'sample-snapshots.js')) as Record<string, Record<string, unknown>>;
const contract = load(resolve(fixtures, 'contract-responses.json')) as Record<string, Record<string, unknown>>;

function sample(name: string): Record<string, unknown> {
  const found = samples[name];
  if (!found) throw new Error(`the Streams samples have no ${name}`);
  return found;
}

function response(name: string): Record<string, unknown> {
  const found = contract[name];
  if (!found) throw new Error(`the Streams contract responses have no ${name}`);
  return found;
}

describe('the simulated CCP against the Streams library’s own samples', () => {
  it('an agent with no contacts (noContacts)', () => {
    expect(shapeDifferences(ccpHarness().service.data().snapshot, sample('noContacts'))).toEqual([]);
  });

  it('an inbound softphone call ringing (inboundVoiceContactSoftphone)', () => {
    const harness = ccpHarness();
    harness.apply('EventRinging', inboundCall);
    expect(shapeDifferences(harness.service.data().snapshot, sample('inboundVoiceContactSoftphone'))).toEqual([]);
  });

  it('an outbound call being placed (outboundVoiceContact)', () => {
    const harness = ccpHarness();
    harness.apply('EventDialing', outboundCall);
    expect(shapeDifferences(harness.service.data().snapshot, sample('outboundVoiceContact'))).toEqual([]);
  });

  it('an agent signed in Offline (getAgentSnapshot’s contract response)', () => {
    const harness = ccpHarness({ available: false });
    expect(harness.service.data().snapshot.state.name).toBe('Offline');
    const { snapshot } = response('dummyGetAgentSnapshotResponse') as { snapshot: unknown };
    expect(shapeDifferences(harness.service.data().snapshot, snapshot)).toEqual([]);
  });

  it('the agent states to choose (getAgentStates’ contract response)', async () => {
    const result = await ccpHarness().api('getAgentStates', {});
    expect(result.ok).toBe(true);
    expect(shapeDifferences(result.ok ? result.data : undefined, response('dummyGetAgentStatesResponse'))).toEqual([]);
  });

  it('the configuration, as the worker assembles it from the configuration, states, permissions, countries and queues responses', () => {
    const { configuration } = response('dummyGetAgentConfigurationResponse') as { configuration: Record<string, unknown> & { routingProfile: object } };
    const assembled = {
      ...configuration,
      agentStates: response('dummyGetAgentStatesResponse')['states'],
      permissions: response('dummyGetAgentPermissionsResponse')['permissions'],
      dialableCountries: response('dummyGetDialableCountryCodesResponse')['countryCodes'],
      routingProfile: { ...configuration.routingProfile, queues: response('dummyGetRoutingProfileQueuesResponse')['queues'] },
    };
    const ours = ccpHarness().service.data().configuration;
    expect(shapeDifferences(ours, assembled)).toEqual([]);
    // The sample lists the agent's own queue (unnamed, `…/queue/agent/<id>`); so does ours.
    expect(ours.routingProfile.queues.filter((queue) => queue.name === null && /\/queue\/agent\//.test(queue.queueARN))).toHaveLength(1);
  });
});
