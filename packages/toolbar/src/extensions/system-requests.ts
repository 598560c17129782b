import { z } from '../platform/schema.ts';
import type { Section } from '@ctikit/service-client';
import type { DesktopOptions } from './desktop-options.ts';
import { WORKSPACE_SECTION } from './extension-views.ts';
import { matches } from './security-options.ts';
import { dialogOptionsSchema } from './dialogs.ts';
import { menuBarViewSchema } from './menu-bar.ts';
import { toastParametersSchema, toastUpdateSchema, type ToastOutcome } from './toasts.ts';
import { noParameters, ok, refuse, userDataSchema, withParameters, type Answer, type RequestHandler, type RequestTable } from './requests.ts';

/**
 * The system, email and configuration namespaces: the caller's allowed requests, keep-alive,
 * toasts, dialogs and application menu bar views in the toolbar, what the caller's frame is to the
 * agent, and the administrator's options (`configuration.getOption`). The toolbar has no email
 * channel: `email.create` is answered as Agent Desktop answers without one, UNKNOWN_MEDIA.
 *
 * The frame queries of Agent Desktop's multi-tab mode (leader election between its browser tabs)
 * are answered for the toolbar as it is: one instance per Fusion window, coordinating with none, so
 * it always leads and never follows or negotiates.
 */

/**
 * `voice.auto-answer`, `voice.*`, `Section/option.*`: options of `[interaction-workspace]` unless a
 * section is named; `*` only at the end. Sections come back in the order first asked for.
 */
export function readOptions(requests: readonly string[], options: DesktopOptions): Section[] | Answer {
  const found = new Map<string, Record<string, string>>();
  for (const request of requests) {
    const slash = request.indexOf('/');
    const sectionName = slash < 0 ? WORKSPACE_SECTION : request.slice(0, slash);
    const pattern = slash < 0 ? request : request.slice(slash + 1);
    if (pattern === '' || sectionName === '' || sectionName.includes('*') || pattern.slice(0, -1).includes('*')) {
      return refuse('INVALID_PARAMETERS', `"${request}": name an option, with * only at its end (voice.*, Section/option).`);
    }
    const section = options[sectionName] ?? {};
    for (const [key, value] of Object.entries(section)) {
      if (!matches({ patterns: [pattern] }, key)) continue;
      const into = found.get(sectionName) ?? {};
      into[key] = value;
      found.set(sectionName, into);
    }
  }
  return [...found].map(([sectionName, sectionOptions]) => ({ sectionName, options: sectionOptions }));
}

function toastAnswer<T extends object>(outcome: ToastOutcome<T>, data: (value: T) => unknown = () => null): Answer {
  return outcome.ok ? ok(data(outcome)) : refuse('UNKNOWN_TOAST', outcome.message);
}

const optionRequest = z.union([
  z.string().check(z.minLength(1)).check(z.maxLength(200)),
  z
    .array(z.string().check(z.minLength(1)).check(z.maxLength(200)))
    .check(z.minLength(1))
    .check(z.maxLength(50)),
]);
const toastId = z.string().check(z.minLength(1)).check(z.maxLength(64));

function constant(value: boolean): RequestHandler {
  return withParameters(noParameters, () => ok(value));
}

export const systemRequests: RequestTable = {
  'system.getAllowedServices': withParameters(noParameters, (_none, { caller }) => ok([...caller.allowed])),
  'system.triggerActivity': withParameters(noParameters, () => ok()),
  'system.popupToast': withParameters(z.tuple([toastParametersSchema]), ([parameters], { caller, host }) =>
    toastAnswer(host.toasts.popup(caller.frameId, caller.label, parameters), (opened) => ({ toastId: opened.toastId })),
  ),
  'system.updateToast': withParameters(z.tuple([toastId, toastUpdateSchema]), ([id, parameters], { caller, host }) =>
    toastAnswer(host.toasts.update(caller.frameId, id, parameters)),
  ),
  'system.closeToast': withParameters(z.tuple([toastId]), ([id], { caller, host }) => toastAnswer(host.toasts.close(caller.frameId, id))),
  'system.openDialog': withParameters(
    z.tuple([z.string().check(z.minLength(1)).check(z.maxLength(2048)), z.optional(z.nullish(dialogOptionsSchema))]),
    ([url, options], { caller, host }) => host.openDialog(caller, url, options ?? {}),
  ),
  'system.closeDialog': withParameters(z.tuple([z.string().check(z.minLength(1)).check(z.maxLength(64))]), ([dialogId], { caller, host }) =>
    host.closeDialog(caller, dialogId),
  ),
  'system.updateViewInApplicationMenuBar': withParameters(z.tuple([menuBarViewSchema]), ([view], { caller, host }) =>
    host.menuBar.update(caller.frameId, caller.label, view)
      ? ok()
      : refuse('NOT_ALLOWED', 'An extension can have at most 5 views in the application menu bar.'),
  ),
  'system.closeViewInApplicationMenuBar': withParameters(z.tuple([z.string().check(z.minLength(1)).check(z.maxLength(64))]), ([name], { caller, host }) =>
    host.menuBar.close(caller.frameId, name) ? ok() : refuse('UNKNOWN_MENU_BAR_VIEW', `This extension has no application menu bar view ${name}.`),
  ),
  'system.amIVisible': withParameters(noParameters, (_none, { caller, host }) => ok(host.isShown(caller.frameId))),
  'system.isFrameLeading': constant(true),
  'system.isFrameFollowing': constant(false),
  'system.isFrameNegotiating': constant(false),
  'system.isFrameLeadingOrNegotiating': constant(true),
  'system.isLastActiveFrame': withParameters(noParameters, (_none, { caller, host }) => ok(host.isLastShown(caller.frameId))),
  'email.create': withParameters(z.tuple([z.string().check(z.maxLength(256)), z.optional(z.nullish(userDataSchema))]), () =>
    refuse('UNKNOWN_MEDIA', 'email.create: the agent has no email media (no email channel is configured).'),
  ),
  'configuration.getOption': withParameters(z.tuple([optionRequest]), ([requested], { host }) => {
    const sections = readOptions(typeof requested === 'string' ? [requested] : requested, host.options);
    return Array.isArray(sections) ? ok(sections) : sections;
  }),
};
