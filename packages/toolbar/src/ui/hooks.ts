import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { CommandName } from '../core/commands.ts';
import type { AgentState } from '../core/agent-state.ts';
import type { ConnectionStatus } from '../core/connection-status.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import type { Interaction } from '../core/interaction.ts';
import type { Failure, ReasonCode, TransferDestination } from '../core/outcome.ts';
import type { Campaign, CampaignRecord } from '../core/outbound.ts';
import type { AgentIdentity } from '../core/vendor-events.ts';
import type { Workspace } from '../core/workspace.ts';
import type { WorkspaceEventMap } from '../core/workspace-model.ts';
import { sameError } from './view-model.ts';

/** The model as the views last read it. */
export interface ModelView {
  readonly agent: AgentState;
  readonly connection: ConnectionStatus;
  readonly interactions: readonly Interaction[];
  readonly reasonCodes: readonly ReasonCode[];
  readonly identity: AgentIdentity;
  /** The contact center's directory (transfer destinations), which names the parties it lists. */
  readonly directory: readonly TransferDestination[];
  readonly campaigns: readonly Campaign[];
  readonly pushPreview: boolean;
  readonly offeredRecord: CampaignRecord | undefined;
}

const CHANGE_EVENTS = [
  'agentChanged',
  'connectionChanged',
  'interactionChanged',
  'interactionClosed',
  'resynced',
  'reasonCodesChanged',
  'identityChanged',
  'transferDestinationsChanged',
  'campaignChanged',
  'offeredRecordChanged',
] as const satisfies readonly (keyof WorkspaceEventMap)[];

/**
 * Re-render on every change of the workspace model and read it afresh. The model's listeners (here
 * and below) are added in layout effects, during the render that mounts the toolbar, so they are in
 * place before the app shell starts the workspace.
 */
export function useModel(workspace: Workspace): ModelView {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const stops = CHANGE_EVENTS.map((type) => workspace.model.on(type, () => changed(undefined)));
    return () => stops.forEach((stop) => stop());
  }, [workspace]);
  const { agent, connection, interactions, reasonCodes, identity, transferDestinations, campaigns, pushPreview, offeredRecord } = workspace.model;
  return { agent, connection, interactions, reasonCodes, identity, directory: transferDestinations, campaigns, pushPreview, offeredRecord };
}

/** Re-render when the CRM learns something about a contact. */
export function useContactsChanges(contacts: CrmContacts): void {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => contacts.onChange(() => changed(undefined)), [contacts]);
}

/** The time now, ticking every second while `running` (a display clock: the model's times do not come from it). */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/**
 * Move the focus to an element when it appears (an incoming call's Accept, so a keyboard agent
 * answers with Enter) — but not while the agent works elsewhere (in Fusion's page around the
 * toolbar's frame): the toolbar does not take the keyboard away from a form the agent is typing in.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    if (document.hasFocus()) ref.current?.focus();
  }, []);
}

/** The commands in flight, by key (`holdCall:<eventId>`), and how to send one. */
export interface CommandRunner {
  isPending(key: string): boolean;
  /** Send a command unless the same one is in flight; resolves with its outcome (undefined when skipped). */
  run<T>(key: string, send: () => Promise<T>): Promise<T | undefined>;
}

export function useCommandRunner(): CommandRunner {
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const inFlight = useRef(new Set<string>());
  const run = useCallback(async <T>(key: string, send: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current.has(key)) return undefined;
    inFlight.current.add(key);
    setPending(new Set(inFlight.current));
    try {
      return await send();
    } finally {
      inFlight.current.delete(key);
      setPending(new Set(inFlight.current));
    }
  }, []);
  return useMemo(() => ({ isPending: (key: string) => pending.has(key), run }), [pending, run]);
}

export interface ShownError {
  readonly id: number;
  readonly failure: Failure;
  readonly command: CommandName | undefined;
}

/** How many failures stay on screen at once; older ones make room. */
const MAX_ERRORS = 3;

/**
 * Every command failure the model reports, until the agent dismisses it. A failure that says what
 * one on screen says already (errorView's `sameError`: a refused sign-in met by several requests)
 * takes its place instead of repeating it.
 */
export function useCommandErrors(workspace: Workspace): { errors: readonly ShownError[]; dismiss: (id: number) => void } {
  const [errors, setErrors] = useState<readonly ShownError[]>([]);
  const nextId = useRef(1);
  useLayoutEffect(
    () =>
      workspace.model.on('commandFailed', ({ failure, command }) => {
        const shown: ShownError = { id: nextId.current++, failure, command };
        setErrors((current) => [...current.filter((error) => !sameError(error, shown)), shown].slice(-MAX_ERRORS));
      }),
    [workspace],
  );
  const dismiss = useCallback((id: number) => setErrors((current) => current.filter((error) => error.id !== id)), []);
  return { errors, dismiss };
}

/**
 * The phone-number formatter for the agent's region, loaded on demand (its metadata is kept out of
 * the initial JS): numbers read as given until it is there, then the toolbar re-renders formatted.
 */
export function useNumberFormat(region: string): (number: string) => string {
  const [format, setFormat] = useState<((number: string, region: string) => string) | undefined>(undefined);
  useEffect(() => {
    let live = true;
    import('./number-format.ts')
      .then((module) => {
        if (live) setFormat(() => module.formatPhoneNumber);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return useCallback((number: string) => (format ? format(number, region) : number), [format, region]);
}
