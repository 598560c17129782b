import { useLayoutEffect, useState } from 'preact/hooks';
import type { ExtensionStrings } from './strings.ts';
import type { Toast, ToastStore } from './toasts.ts';

/**
 * The extensions' toasts (system.popupToast), over the bottom of the toolbar: who sent it, its
 * icon, title, subject, message and key-values, its buttons (a click goes back to that extension),
 * Show (opens the extension's view) and Dismiss; then the agent's messages, the toasts an extension
 * asked to keep (sendToMyMessage).
 */
export function ToastArea(props: { toasts: ToastStore; strings: ExtensionStrings }) {
  const { toasts, strings } = props;
  const [list, setList] = useState<readonly Toast[]>(toasts.list);
  useLayoutEffect(() => toasts.subscribe(setList), [toasts]);
  const messages = toasts.messages;
  if (list.length === 0 && messages.length === 0) return null;
  return (
    <section class="extension-toasts" aria-label={strings.toasts} aria-live="polite">
      {list.map((toast) => (
        <div
          key={toast.toastId}
          class="extension-toast"
          role="status"
          data-toast={toast.toastId}
          style={toast.width === undefined ? undefined : { width: `${toast.width}px`, maxWidth: '100%', alignSelf: 'flex-end' }}
        >
          <ToastContent toast={toast} strings={strings} />
          <div class="extension-toast-actions">
            {toast.buttons.map((button) => (
              <button key={button.id} type="button" class="button button--small" onClick={() => toasts.click(toast.toastId, button.id)}>
                {button.label}
              </button>
            ))}
            {toast.buttonShowDismiss && (
              <button type="button" class="button button--small" onClick={() => toasts.show(toast.toastId)}>
                {strings.show}
              </button>
            )}
            <button type="button" class="button button--quiet button--small" onClick={() => toasts.dismiss(toast.toastId)}>
              {strings.dismiss}
            </button>
          </div>
        </div>
      ))}
      {messages.length > 0 && (
        <details class="extension-messages">
          <summary>{strings.messages.replace('{count}', String(messages.length))}</summary>
          <ul>
            {messages.map((toast) => (
              <li key={toast.toastId}>
                <ToastContent toast={toast} strings={strings} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ToastContent(props: { toast: Toast; strings: ExtensionStrings }) {
  const { toast, strings } = props;
  const keyValues = Object.entries(toast.keyValues ?? {});
  return (
    <>
      <p class="extension-toast-source">{strings.from.replace('{source}', toast.source)}</p>
      <p class="extension-toast-title">
        {toast.iconUrl !== undefined && <img class="extension-toast-icon" src={toast.iconUrl} alt="" referrerpolicy="no-referrer" width={24} height={24} />}
        {toast.title}
      </p>
      {toast.subject !== undefined && <p class="extension-toast-subject">{toast.subject}</p>}
      {toast.message !== undefined && <p class="extension-toast-message">{toast.message}</p>}
      {keyValues.length > 0 && (
        <dl class="extension-toast-values">
          {keyValues.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
