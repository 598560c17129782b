import type { Translate } from '../i18n/index.ts';

/** What the agent sees when the toolbar's configuration cannot be used: the problem, in words. */
export function ConfigErrorView(props: { t: Translate; detail: string }) {
  return (
    <main class="toolbar toolbar-body">
      <h1 class="app-title">{props.t('app.title')}</h1>
      <div class="error" role="alert">
        <p class="error-detail">{props.t('error.config', { detail: props.detail })}</p>
      </div>
    </main>
  );
}
