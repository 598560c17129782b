import * as z from 'zod/mini';
import type { ContextTarget, Payload, PublishMessage, TabInfo } from '../wire/uef-message.ts';
import { payloadSchema } from '../wire/uef-message.ts';
import type { ContactDirectory } from './contact-directory.ts';
import { findRecord, isRecordType, newRecord, RECORD_TYPES } from './fusion-records.ts';
import type { FusionState, RecordTab, SidePaneState } from './fusion-state.ts';
import type { PublishOutcome } from './uef-host.ts';

/**
 * What Fusion does with the operations a toolbar publishes on its other contexts (uef.md §9): open a
 * record in a tab (PopOperation), focus or close a tab, read, write and save a record's fields, show
 * and close notifications, open and close the modal window or a dialog, drive a side pane; and the
 * provider's own questions (`uef.getTabs`). Each operation is taken only on the contexts Oracle
 * documents it for, and each parses its data with its own schema.
 */

export interface WorkspaceWorld {
  readonly directory: ContactDirectory;
  state(): FusionState;
  update(change: (state: FusionState) => FusionState): void;
  /** A new id for a tab, a notification … */
  nextId(): string;
}

type ContextKind = ContextTarget['kind'];
type Handler = (data: Payload, context: ContextTarget, world: WorkspaceWorld) => PublishOutcome;

function failure(code: string, message: string): PublishOutcome {
  return { ok: false, error: { status: 'error', message, details: { code } } };
}

function parse<T>(schema: z.ZodMiniType<T>, data: Payload): T | PublishOutcome {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  return failure('INVALID_REQUEST', `Invalid request: ${result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ')}`);
}

function isOutcome(value: unknown): value is PublishOutcome {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

export function tabInfo(tab: RecordTab): TabInfo {
  return { tabId: tab.tabId, type: 'MSI_TAB', records: [{ recordType: tab.recordType, recordId: tab.recordId, title: tab.title }] };
}

function tabOf(context: ContextTarget, world: WorkspaceWorld): RecordTab | undefined {
  const state = world.state();
  const tabId = context.kind === 'tab' || context.kind === 'record' ? context.tabId : state.activeTabId;
  return state.tabs.find((tab) => tab.tabId === tabId);
}

const popSchema = z.object({
  recordType: z.string().check(z.minLength(1)),
  recordId: z.optional(z.string()),
  openPageInNewBrowserTab: z.optional(z.boolean()),
  inputParameters: z.optional(payloadSchema),
});

/** PopOperation (IPopFlowInAppRequest): open the record in a tab, or focus the tab that has it. */
const popOperation: Handler = (data, _context, world) => {
  const request = parse(popSchema, data);
  if (isOutcome(request)) return request;
  if (!isRecordType(request.recordType)) {
    return failure('UNSUPPORTED_RECORD_TYPE', `Record type ${request.recordType} cannot be opened here (${RECORD_TYPES.join(', ')})`);
  }
  const record = request.recordId ? findRecord(world.directory, request.recordType, request.recordId) : newRecord(request.recordType);
  if (!record) return failure('RECORD_NOT_FOUND', `No ${request.recordType} ${request.recordId ?? ''}`);
  const open = record.recordId ? world.state().tabs.find((tab) => tab.recordType === record.recordType && tab.recordId === record.recordId) : undefined;
  const tab: RecordTab = open ?? { tabId: `tab-${world.nextId()}`, ...record, dirty: false };
  world.update((state) => ({ ...state, tabs: open ? state.tabs : [...state.tabs, tab], activeTabId: tab.tabId }));
  return { ok: true, data: { tab: tabInfo(tab) } };
};

const getTabs: Handler = (_data, _context, world) => {
  const state = world.state();
  return { ok: true, data: { tabs: state.tabs.map(tabInfo), activeTabId: state.activeTabId } };
};

const focusTab: Handler = (_data, context, world) => {
  const tab = tabOf(context, world);
  if (!tab) return failure('UNKNOWN_TAB', 'No such tab');
  const previous = world.state().tabs.find((t) => t.tabId === world.state().activeTabId);
  world.update((state) => ({ ...state, activeTabId: tab.tabId }));
  return { ok: true, data: { currentTab: tabInfo(tab), ...(previous ? { previousTab: tabInfo(previous) } : {}) } };
};

const closeTab: Handler = (_data, context, world) => {
  const tab = tabOf(context, world);
  if (!tab) return failure('UNKNOWN_TAB', 'No such tab');
  world.update((state) => closeRecordTab(state, tab.tabId));
  return { ok: true, data: { tabId: tab.tabId } };
};

/** Remove a tab; the last remaining one becomes active. */
export function closeRecordTab(state: FusionState, tabId: string): FusionState {
  const tabs = state.tabs.filter((tab) => tab.tabId !== tabId);
  const activeTabId = state.activeTabId === tabId ? tabs.at(-1)?.tabId : state.activeTabId;
  return { ...state, tabs, activeTabId };
}

const getFieldsSchema = z.object({ fields: z.array(z.string()) });
const getFieldValue: Handler = (data, context, world) => {
  const request = parse(getFieldsSchema, data);
  if (isOutcome(request)) return request;
  const tab = tabOf(context, world);
  if (!tab) return failure('UNKNOWN_RECORD', 'No record is open in this tab');
  return { ok: true, data: { fields: Object.fromEntries(request.fields.map((name) => [name, tab.fields[name] ?? ''])) } };
};

const setFieldsSchema = z.object({ values: z.record(z.string(), z.string()) });
const setFieldValue: Handler = (data, context, world) => {
  const request = parse(setFieldsSchema, data);
  if (isOutcome(request)) return request;
  const tab = tabOf(context, world);
  if (!tab) return failure('UNKNOWN_RECORD', 'No record is open in this tab');
  const unknown = Object.keys(request.values).filter((name) => !name.startsWith(`${tab.recordType}.`));
  if (unknown.length > 0) return failure('UNKNOWN_FIELD', `Not fields of ${tab.recordType}: ${unknown.join(', ')}`);
  updateTab(world, tab.tabId, (t) => ({ ...t, fields: { ...t.fields, ...request.values }, dirty: true }));
  return { ok: true, data: { message: 'Field values set' } };
};

const saveRecord: Handler = (_data, context, world) => {
  const tab = tabOf(context, world);
  if (!tab) return failure('UNKNOWN_RECORD', 'No record is open in this tab');
  const objectId = tab.recordId || world.nextId();
  updateTab(world, tab.tabId, (t) => ({ ...t, recordId: objectId, dirty: false }));
  return { ok: true, data: { objectType: tab.recordType, objectId, oldObjectId: tab.recordId } };
};

function updateTab(world: WorkspaceWorld, tabId: string, change: (tab: RecordTab) => RecordTab): void {
  world.update((state) => ({ ...state, tabs: state.tabs.map((tab) => (tab.tabId === tabId ? change(tab) : tab)) }));
}

const notificationSchema = z.object({
  type: z._default(z.string(), 'info'),
  title: z.string().check(z.minLength(1)),
  summary: z._default(z.string(), ''),
  closable: z._default(z.boolean(), true),
  actions: z._default(z.array(z.object({ id: z.string(), name: z.string() })), []),
});
const showNotification: Handler = (data, context, world) => {
  if (context.kind !== 'notification') return failure('INVALID_CONTEXT', 'ShowNotification is published on a notification context');
  const request = parse(notificationSchema, data);
  if (isOutcome(request)) return request;
  const notification = { id: context.notificationId, ...request };
  world.update((state) => ({ ...state, notifications: [...state.notifications.filter((n) => n.id !== notification.id), notification] }));
  return { ok: true, data: { notificationId: notification.id } };
};

const closeNotification: Handler = (_data, context, world) => {
  if (context.kind !== 'notification') return failure('INVALID_CONTEXT', 'CloseNotification is published on a notification context');
  world.update((state) => ({ ...state, notifications: state.notifications.filter((n) => n.id !== context.notificationId) }));
  return { ok: true, data: { notificationId: context.notificationId } };
};

const modalSchema = z.object({ url: z.string().check(z.minLength(1)), id: z.optional(z.string()), title: z._default(z.string(), '') });
function openWindow(kind: 'modal' | 'popup'): Handler {
  return (data, _context, world) => {
    const request = parse(modalSchema, data);
    if (isOutcome(request)) return request;
    const url = new URL(request.url, 'https://fusion.invalid/');
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return failure('INVALID_URL', 'A modal window shows an http(s) page');
    const id = request.id ?? world.nextId();
    world.update((state) => ({ ...state, modal: { id, kind, url: request.url, title: request.title } }));
    return { ok: true, data: { id } };
  };
}

const closeWindow: Handler = (data, _context, world) => {
  const id = typeof data.id === 'string' ? data.id : world.state().modal?.id;
  if (!id || world.state().modal?.id !== id) return failure('UNKNOWN_WINDOW', `No open window ${id ?? ''}`);
  world.update((state) => ({ ...state, modal: undefined }));
  return { ok: true, data: { id } };
};

function sidePane(change: (pane: SidePaneState, data: Payload) => SidePaneState): Handler {
  return (data, context, world) => {
    if (context.kind !== 'sidePane') return failure('INVALID_CONTEXT', 'Side pane operations are published on a side pane context');
    const current = world.state().sidePanes[context.sidePaneId] ?? { expanded: false, visible: true, sectionId: undefined, icon: undefined };
    world.update((state) => ({ ...state, sidePanes: { ...state.sidePanes, [context.sidePaneId]: change(current, data) } }));
    return { ok: true, data: { message: `Side pane ${context.sidePaneId} updated` } };
  };
}

const text = (value: unknown, fallback: string | undefined) => (typeof value === 'string' ? value : fallback);

const HANDLERS: Record<string, { contexts: readonly ContextKind[]; handle: Handler }> = {
  'uef.getTabs': { contexts: ['global'], handle: getTabs },
  PopOperation: { contexts: ['global', 'tab'], handle: popOperation },
  FocusTab: { contexts: ['tab'], handle: focusTab },
  CloseTab: { contexts: ['tab'], handle: closeTab },
  cxEventBusCloseTabOperation: { contexts: ['tab'], handle: closeTab },
  cxEventBusGetFieldValueOperation: { contexts: ['record'], handle: getFieldValue },
  cxEventBusSetFieldValueOperation: { contexts: ['record'], handle: setFieldValue },
  cxEventBusSaveRecordOperation: { contexts: ['record'], handle: saveRecord },
  ShowNotification: { contexts: ['notification'], handle: showNotification },
  CloseNotification: { contexts: ['notification'], handle: closeNotification },
  OpenModal: { contexts: ['modalWindow', 'global', 'tab'], handle: openWindow('modal') },
  OpenPopup: { contexts: ['modalWindow', 'global', 'tab'], handle: openWindow('popup') },
  CloseModal: { contexts: ['modalWindow', 'global', 'tab'], handle: closeWindow },
  ClosePopup: { contexts: ['modalWindow', 'global', 'tab'], handle: closeWindow },
  ExpandSidePane: { contexts: ['sidePane'], handle: sidePane((pane) => ({ ...pane, expanded: true })) },
  CollapseSidePane: { contexts: ['sidePane'], handle: sidePane((pane) => ({ ...pane, expanded: false })) },
  UpdateSidePane: {
    contexts: ['sidePane'],
    handle: sidePane((pane, data) => ({
      ...pane,
      visible: typeof data.visibility === 'boolean' ? data.visibility : pane.visible,
      sectionId: text(data.sectionId, pane.sectionId),
      icon: text(data.icon, pane.icon),
    })),
  },
};

/** The operations each kind of context takes (its `getSupportedActions()`). */
export function supportedActions(kind: ContextKind): string[] {
  return Object.entries(HANDLERS)
    .filter(([name, handler]) => !name.startsWith('uef.') && handler.contexts.includes(kind))
    .map(([name]) => name);
}

export function handleContextPublish(message: PublishMessage & { context: ContextTarget }, world: WorkspaceWorld): PublishOutcome {
  const handler = HANDLERS[message.method];
  if (!handler || !handler.contexts.includes(message.context.kind)) {
    return failure('UNSUPPORTED_OPERATION', `Operation ${message.method} is not supported on the ${message.context.kind} context`);
  }
  return handler.handle(message.data, message.context, world);
}
