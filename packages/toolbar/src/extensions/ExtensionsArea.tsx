import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Locale } from '../i18n/index.ts';
import { ExtensionFrame } from './ExtensionFrame.tsx';
import type { ExtensionsHost, FrameSpec } from './extensions-host.ts';
import { MenuBar } from './MenuBar.tsx';
import { extensionStrings } from './strings.ts';
import { ToastArea } from './ToastArea.tsx';
import './extensions.css';

/**
 * The web extensions in the toolbar, under the calls: a tab per shown view (workspace tabs, then
 * each call's panels) opening its page below — one at a time, the others kept loaded and
 * listening — the hidden views' frames, never shown, and the extensions' toasts. When an extension
 * selects a case, that call's first panel opens.
 *
 * ```
 * ExtensionsArea
 * ├─ MenuBar: the extensions' application menu bar views
 * ├─ ExtensionTabs: a tab per shown view (WAI-ARIA tabs; the open tab, clicked again, folds its panel away)
 * ├─ a tab panel per shown view ─ ExtensionFrame
 * ├─ hidden frames ─ ExtensionFrame
 * ├─ a dialog per system.openDialog ─ ExtensionFrame
 * └─ ToastArea
 * ```
 */
export function ExtensionsArea(props: { host: ExtensionsHost; locale: Locale }) {
  const { host } = props;
  const strings = extensionStrings(props.locale);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => host.subscribe(() => changed(undefined)), [host]);
  const specs = host.frameSpecs;
  const shown = specs.filter((spec) => !spec.view.hidden && !spec.dialog);
  const hidden = specs.filter((spec) => spec.view.hidden && !spec.dialog);
  const dialogs = specs.filter((spec) => spec.dialog);
  const [open, setOpen] = useState<string | undefined>(undefined);
  useOpenSelectedCase(host, shown, setOpen);
  useOpenRequestedView(host, setOpen);
  const openKey = shown.some((spec) => spec.key === open) ? open : undefined;
  useLayoutEffect(() => host.viewShown(openKey), [host, openKey]);
  return (
    <>
      <MenuBar menuBar={host.menuBar} strings={strings} />
      {shown.length > 0 && (
        <section class="extensions" aria-label={strings.region}>
          <ExtensionTabs shown={shown} openKey={openKey} label={strings.views} setOpen={setOpen} />
          {shown.map((spec) => (
            <div key={spec.key} id={panelId(spec)} class="extension-panel" role="tabpanel" aria-labelledby={tabId(spec)} hidden={openKey !== spec.key}>
              <ExtensionFrame host={host} spec={spec} />
            </div>
          ))}
        </section>
      )}
      {hidden.length > 0 && (
        <div class="extension-background" hidden>
          {hidden.map((spec) => (
            <ExtensionFrame key={spec.key} host={host} spec={spec} hidden />
          ))}
        </div>
      )}
      {dialogs.map((spec) => (
        <div
          key={spec.key}
          class="extension-dialog"
          role="dialog"
          aria-label={spec.title}
          style={{ width: spec.dialog?.width ?? '430px', height: spec.dialog?.height ?? '40%' }}
        >
          <div class="extension-dialog-header">
            <p>{spec.title}</p>
            <button type="button" class="button button--quiet button--small" onClick={() => host.dismissDialog(spec.key)}>
              {strings.close}
            </button>
          </div>
          <ExtensionFrame host={host} spec={spec} />
        </div>
      ))}
      <ToastArea toasts={host.toasts} strings={strings} />
    </>
  );
}

function panelId(spec: FrameSpec): string {
  return `extension-panel-${spec.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function tabId(spec: FrameSpec): string {
  return `extension-tab-${spec.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The views' tabs (the WAI-ARIA tabs pattern, activated by hand): one tab stop — the open tab, else
 * the first — the arrow keys, Home and End move between the tabs, Enter or Space opens one; the
 * open tab, activated again, folds its panel away so the calls keep the room.
 */
function ExtensionTabs(props: { shown: readonly FrameSpec[]; openKey: string | undefined; label: string; setOpen: (key: string | undefined) => void }) {
  const { shown, openKey } = props;
  const list = useRef<HTMLDivElement>(null);
  const stop = openKey ?? shown[0]?.key;
  const onKeyDown = (event: KeyboardEvent) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.findIndex((tab) => tab === event.target);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at === -1 || next === undefined) return;
    event.preventDefault();
    tabs[(next + tabs.length) % tabs.length]?.focus();
  };
  return (
    <div class="extension-tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
      {shown.map((spec) => (
        <button
          key={spec.key}
          id={tabId(spec)}
          type="button"
          role="tab"
          class="extension-tab"
          aria-selected={openKey === spec.key}
          aria-expanded={openKey === spec.key}
          aria-controls={panelId(spec)}
          tabIndex={spec.key === stop ? 0 : -1}
          onClick={() => props.setOpen(openKey === spec.key ? undefined : spec.key)}
        >
          {spec.title}
        </button>
      ))}
    </div>
  );
}

/** Open the view a toast's Show asked for, once per request. */
function useOpenRequestedView(host: ExtensionsHost, setOpen: (key: string) => void): void {
  const seen = useRef(0);
  const request = host.viewRequest;
  useLayoutEffect(() => {
    if (!request || request.sequence === seen.current) return;
    seen.current = request.sequence;
    setOpen(request.key);
  });
}

/** Open the first panel of the case an extension selected, once per selection. */
function useOpenSelectedCase(host: ExtensionsHost, shown: readonly FrameSpec[], setOpen: (key: string) => void): void {
  const seen = useRef<string | undefined>(undefined);
  const selected = host.selectedCaseId;
  useLayoutEffect(() => {
    if (selected === seen.current) return;
    seen.current = selected;
    const panel = shown.find((spec) => spec.eventId !== undefined && host.isSelected(spec.eventId));
    if (panel) setOpen(panel.key);
  });
}
