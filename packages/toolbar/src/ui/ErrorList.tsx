import { useToolbar } from './toolbar-context.ts';
import { useCommandErrors } from './hooks.ts';
import { errorTitle, errorView, say } from './view-model.ts';

/**
 * Every command that failed — sent from the toolbar, from Fusion, or failed later at the contact
 * center — as a dismissible alert: what failed, the failure's message and its code.
 */
export function ErrorList() {
  const { t, workspace } = useToolbar();
  const { errors, dismiss } = useCommandErrors(workspace);
  if (errors.length === 0) return null;
  return (
    <section class="errors" aria-label={t('error.list')}>
      {errors.map((error) => {
        const view = errorView(error.failure, error.command);
        return (
          <div key={error.id} class="error" role="alert">
            <div class="error-text">
              <p class="error-title">{errorTitle(view, t)}</p>
              <p class="error-detail">{say(t, view.detail)}</p>
            </div>
            <button type="button" class="button button--quiet button--small" onClick={() => dismiss(error.id)}>
              {t('error.dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
