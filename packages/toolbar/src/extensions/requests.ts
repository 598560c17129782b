import { z } from '../platform/schema.ts';
import type { Agent, ApiName, Interaction as ScapiInteraction } from '@ctikit/service-client';
import type { Interaction } from '../core/interaction.ts';
import type { CtiErrorCode, Outcome } from '../core/outcome.ts';
import type { Workspace } from '../core/workspace.ts';
import type { DialogOptions } from './dialogs.ts';
import type { DesktopOptions } from './desktop-options.ts';
import type { MenuBarStore } from './menu-bar.ts';
import { matches, type NameFilter } from './security-options.ts';
import type { ToastStore } from './toasts.ts';

/**
 * What a request handler is: parameters in (checked by the handler's own zod tuple), an answer
 * out — `data` for the extension, or a failure with a stable code and a message. Handlers reach the
 * contact center only through the workspace, the same door as the toolbar's buttons.
 */
export type Answer = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly code: CtiErrorCode; readonly message: string };

/** The frame that sent the request. */
export interface Caller {
  readonly frameId: number;
  /** The extension's label. */
  readonly label: string;
  readonly origin: string;
  /** The requests its origin may make. */
  readonly allowed: readonly ApiName[];
}

/** What the host offers handlers besides the workspace. */
export interface HostServices {
  readonly agent: Agent;
  readonly options: DesktopOptions;
  readonly readAllowed: NameFilter;
  readonly writeAllowed: NameFilter;
  readonly toasts: ToastStore;
  readonly menuBar: MenuBarStore;
  /** Whether the frame's page is in front of the agent now: its view open, or a dialog. */
  isShown(frameId: number): boolean;
  /** Whether the frame's view is the one the agent opened last. */
  isLastShown(frameId: number): boolean;
  openDialog(caller: Caller, url: string, options: DialogOptions): Answer;
  closeDialog(caller: Caller, dialogId: string): Answer;
  /** Post a message to the other frames subscribed to `messenger:<channel>`. */
  broadcast(caller: Caller, channel: string, message: unknown): void;
  /** interaction.Interaction for a call of the model. */
  view(interaction: Interaction): ScapiInteraction;
  /** Make the caseId the selected case; false when no call has it. */
  selectCase(caseId: string): boolean;
  setMarkDoneBlock(eventId: string, warningMessage: string | undefined): void;
  markDoneBlock(eventId: string): string | undefined;
  /** The eventId of a call an extension dials. */
  newEventId(): string;
}

export interface RequestContext {
  readonly workspace: Workspace;
  readonly caller: Caller;
  readonly host: HostServices;
}

export type RequestHandler = (parameters: readonly unknown[], context: RequestContext) => Promise<Answer>;

/** Handlers by request name. */
export type RequestTable = { readonly [K in ApiName]?: RequestHandler };

export const ok = (data: unknown = null): Answer => ({ ok: true, data });
export const refuse = (code: CtiErrorCode, message: string): Answer => ({ ok: false, code, message });

/** A command's outcome as an answer. */
export function answer<T extends object>(outcome: Outcome<T>, data: (value: T) => unknown = () => null): Answer {
  return outcome.ok ? ok(data(outcome)) : refuse(outcome.code, outcome.message);
}

/** A handler whose parameters must match `schema`; a mismatch is an INVALID_PARAMETERS failure naming the parameter. */
export function withParameters<S extends z.ZodMiniTuple>(
  schema: S,
  run: (parameters: z.output<S>, context: RequestContext) => Answer | Promise<Answer>,
): RequestHandler {
  return async (parameters, context) => {
    const parsed = schema.safeParse(parameters);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const [index, ...inside] = issue?.path ?? [];
      const where = index === undefined ? 'parameters' : [`parameter ${Number(index) + 1}`, ...inside.map(String)].join(', ');
      return refuse('INVALID_PARAMETERS', `${where}: ${issue?.message ?? 'invalid'}`);
    }
    return run(parsed.data, context);
  };
}

/** An interactionId: the client libraries send strings, a page may send a number. */
export const interactionIdSchema = z.pipe(
  z.union([z.string().check(z.minLength(1)).check(z.maxLength(128)), z.int().check(z.nonnegative())]),
  z.transform(String),
);

export const userDataSchema = z
  .record(z.string().check(z.minLength(1)).check(z.maxLength(128)), z.union([z.string().check(z.maxLength(4096)), z.number()]))
  .check(z.refine((data) => Object.keys(data).length <= 100, 'at most 100 keys'));

/**
 * T-Server request extensions (AttributeExtensions), as `consult`, `singleStepTransfer` and
 * `voice.dialEx` take them: checked, then left out — neither vendor port carries request extensions.
 */
export const requestExtensionsSchema = z.nullish(
  z
    .record(z.string().check(z.minLength(1)).check(z.maxLength(128)), z.union([z.string().check(z.maxLength(4096)), z.number()]))
    .check(z.refine((extensions) => Object.keys(extensions).length <= 50, 'at most 50 keys')),
);

export const noParameters = z.tuple([]);

/** The userData keys the write-allowed list refuses; the answer to give when there are any. */
export function writeRefusal(keys: readonly string[], writeAllowed: NameFilter): Answer | undefined {
  const refused = keys.filter((key) => !matches(writeAllowed, key));
  if (refused.length === 0) return undefined;
  return refuse('NOT_ALLOWED', `Writing ${refused.map((key) => `"${key}"`).join(', ')} is not allowed (service-client-api.user-data.write-allowed).`);
}

/** The call a request names, or the answer saying there is none. */
export function callNamed(context: RequestContext, eventId: string): Interaction | Answer {
  return context.workspace.model.interaction(eventId) ?? refuse('UNKNOWN_INTERACTION', `No interaction ${eventId}.`);
}

export function isAnswer(value: Interaction | Answer): value is Answer {
  return 'ok' in value;
}
