import { useLayoutEffect, useState } from 'preact/hooks';
import type { ExtensionStrings } from './strings.ts';
import type { Toast, ToastStore } from './toasts.ts';

/**
 * The extensions' toasts (system.popupToast), over the bottom of the toolbar: who sent it, its
 * title, subject and message, its buttons (a click goes back to that extension) and Dismiss.
 */
export function ToastArea(props: { toasts: ToastStore; strings: ExtensionStrings }) {
  const { toasts, strings } = props;
  const [list, setList] = useState<readonly Toast[]>(toasts.list);
  useLayoutEffect(() => toasts.subscribe(setList), [toasts]);
  if (list.length === 0) return null;
  return (
    <section class="extension-toasts" aria-label={strings.toasts} aria-live="polite">
      {list.map((toast) => (
        <div key={toast.toastId} class="extension-toast" role="status" data-toast={toast.toastId}>
          <p class="extension-toast-source">{strings.from.replace('{source}', toast.source)}</p>
          <p class="extension-toast-title">{toast.title}</p>
          {toast.subject !== undefined && <p class="extension-toast-subject">{toast.subject}</p>}
          {toast.message !== undefined && <p class="extension-toast-message">{toast.message}</p>}
          <div class="extension-toast-actions">
            {toast.buttons.map((button) => (
              <button key={button.id} type="button" class="button button--small" onClick={() => toasts.click(toast.toastId, button.id)}>
                {button.label}
              </button>
            ))}
            <button type="button" class="button button--quiet button--small" onClick={() => toasts.dismiss(toast.toastId)}>
              {strings.dismiss}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
