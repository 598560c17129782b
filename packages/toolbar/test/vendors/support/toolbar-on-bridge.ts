import { WebSocket } from 'ws';
import { ManualClock } from '@ctikit/kernel';
import { createBridge, type Bridge, type BridgeOptionsInput } from '@ctikit/bridge';
import { createSimulator, parseSimulatorConfig, type ContactCenterSimulator } from '@ctikit/contact-center';
import type { Interaction } from '../../../src/core/interaction.ts';
import type { WorkspaceEventMap, WorkspaceModel } from '../../../src/core/workspace-model.ts';
import { Workspace } from '../../../src/core/workspace.ts';
import { MemoryStorage, type StorageLike } from '../../../src/platform/storage.ts';
import { GenesysVendor, type GenesysVendorOptions } from '../../../src/vendors/genesys/index.ts';

/**
 * The real bridge on an ephemeral loopback port with its embedded simulator (on a ManualClock, so
 * rings never time out and the bridge's own timers stay still), and toolbars — a Workspace over a
 * GenesysVendor — talking to it over real HTTP (Node's fetch) and real WebSockets (`ws`). Each
 * toolbar has its own ManualClock for its reconnect and heartbeat timers, and keeps the sockets it
 * opened so a test can kill one.
 */
export interface BridgeUnderTest {
  bridge: Bridge;
  sim: ContactCenterSimulator;
  url: string;
  close(): Promise<void>;
}

export async function startBridge(options: Partial<BridgeOptionsInput> = {}): Promise<BridgeUnderTest> {
  const clock = new ManualClock();
  const sim = createSimulator(
    parseSimulatorConfig({
      agents: [
        { agentId: 'agent1', name: 'Alex Morgan', dn: '5001', queues: ['8000'] },
        { agentId: 'agent2', name: 'Kenji Sato', dn: '5002', queues: [] },
      ],
      queues: [{ dn: '8000', name: 'Support' }],
      reasonCodes: [
        { code: 'Break', label: 'Short break' },
        { code: 'Lunch', label: 'Lunch break' },
      ],
      ringTimeoutSec: 0,
    }),
    clock,
  );
  const bridge = createBridge({ port: 0, logLevel: 'silent', staticDirs: [], backend: sim, simulator: sim, clock, ...options });
  const url = await bridge.listen();
  return {
    bridge,
    sim,
    url,
    async close() {
      await bridge.close();
      await sim.close();
    },
  };
}

export interface Toolbar {
  workspace: Workspace;
  model: WorkspaceModel;
  vendor: GenesysVendor;
  clock: ManualClock;
  storage: StorageLike;
  /** Every socket the vendor opened, oldest first. */
  sockets: WebSocket[];
}

export async function openToolbar(
  bridge: BridgeUnderTest,
  agentId = 'agent1',
  storage: StorageLike = new MemoryStorage(),
  options: Partial<GenesysVendorOptions> = {},
): Promise<Toolbar> {
  const sockets: WebSocket[] = [];
  class TrackedWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  const clock = new ManualClock();
  const vendor = new GenesysVendor({
    bridgeUrl: bridge.url,
    agentId,
    storage,
    WebSocket: TrackedWebSocket,
    clock,
    random: () => 0.5,
    ...options,
  });
  const workspace = new Workspace({ vendor, newEventId: () => crypto.randomUUID() });
  await workspace.start();
  return { workspace, model: workspace.model, vendor, clock, storage, sockets };
}

const MODEL_EVENTS: Array<keyof WorkspaceEventMap> = [
  'agentChanged',
  'connectionChanged',
  'interactionChanged',
  'interactionClosed',
  'resynced',
  'commandFailed',
];

/** Resolves with `read()`'s value once it is truthy, checking after every change of the model. */
export function until<T>(model: WorkspaceModel, read: () => T | undefined | false | null): Promise<T> {
  return new Promise((resolve) => {
    const now = read();
    if (now) {
      resolve(now);
      return;
    }
    const stops = MODEL_EVENTS.map((type) =>
      model.on(type, () => {
        const value = read();
        if (!value) return;
        for (const stop of stops) stop();
        resolve(value);
      }),
    );
  });
}

/** The interaction in `state` (the first, or the one with `eventId`), once it is. */
export function interactionIn(model: WorkspaceModel, state: Interaction['state'], eventId?: string): Promise<Interaction> {
  return until(model, () => model.interactions.find((i) => i.state === state && (eventId === undefined || i.eventId === eventId)));
}

/** The interaction as the model closes it: listen before the step that ends it. */
export function closedInteraction(model: WorkspaceModel, eventId: string): Promise<Interaction> {
  return new Promise((resolve) => {
    const stop = model.on('interactionClosed', ({ interaction }) => {
      if (interaction.eventId !== eventId) return;
      stop();
      resolve(interaction);
    });
  });
}

/** The simulator's ConnID for a call from (or to) this number. */
export function connectionIdOf(sim: ContactCenterSimulator, number: string): string {
  const call = sim.listCalls().find((c) => c.ANI === number || c.DNIS === number);
  if (!call) throw new Error(`no call with ${number}`);
  return call.connectionId;
}

/** The state of a DN's leg on the simulator's call, or undefined when the DN is not on it. */
export function legState(sim: ContactCenterSimulator, connectionId: string, dn: string): string | undefined {
  return sim
    .listCalls()
    .find((c) => c.connectionId === connectionId)
    ?.parties.find((p) => p.dn === dn)?.state;
}
