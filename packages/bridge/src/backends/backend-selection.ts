import { z } from 'zod';
import type { Clock } from '@ctikit/kernel';
import { createSimulator } from '@ctikit/contact-center';
import type { ContactCenterPort, SimulatorConfig, SimulatorControl } from '@ctikit/contact-center';
import { createWorkspaceApiBackend, workspaceApiConfigSchema } from './workspace-api/index.ts';
import type { BackendLog } from './workspace-api/index.ts';

/**
 * Which contact center the bridge opens, from configuration (`backend:` in the config file):
 * `{ kind: simulator }`, the embedded simulator (the default), or `{ kind: workspace-api, … }`,
 * the Genesys Workspace API with one session per configured agent. docs/workspace-api.md.
 */
export const backendSelectionSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('simulator') }).strict(), workspaceApiConfigSchema]);
export type BackendSelection = z.output<typeof backendSelectionSchema>;

export function isContactCenterPort(value: unknown): value is ContactCenterPort {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['agents', 'reasonCodes', 'request', 'subscribe', 'snapshot', 'leg', 'close'].every(
      (method) => typeof (value as Record<string, unknown>)[method] === 'function',
    )
  );
}

/** Whether the bridge's `backend` option selects the Workspace API (which has no simulator to control). */
export function selectsWorkspaceApi(backend: ContactCenterPort | BackendSelection | undefined): boolean {
  return backend !== undefined && !isContactCenterPort(backend) && backend.kind === 'workspace-api';
}

export interface OpenedBackend {
  backend: ContactCenterPort;
  /** The control side, when the backend is the embedded simulator. */
  simulator?: SimulatorControl;
}

/** Open the selected contact center; the caller owns it (and closes it). */
export function openBackend(
  selection: BackendSelection | undefined,
  context: { simulatorConfig: SimulatorConfig | undefined; clock: Clock; log: BackendLog },
): OpenedBackend {
  if (selection === undefined || selection.kind === 'simulator') {
    const simulator = createSimulator(context.simulatorConfig, context.clock);
    return { backend: simulator, simulator };
  }
  const { kind: _kind, ...config } = selection;
  return { backend: createWorkspaceApiBackend({ ...config, clock: context.clock, log: context.log }) };
}
