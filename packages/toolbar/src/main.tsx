import { render } from 'preact';
import { loadConfig } from './app/config-file.ts';
import { browserLogger } from './app/browser-logger.ts';
import { FusionLink } from './app/fusion.ts';
import { createVendor } from './app/vendor.ts';
import { loadUefLibrary } from './fusion/load-uef.ts';
import { CrmContacts } from './core/crm-contacts.ts';
import { LocalRecentCallsStore, pageLocalStorage, recentCallsStorageKey } from './platform/recent-calls-store.ts';
import { Workspace } from './core/workspace.ts';
import { resolveLocale, translator, type Locale } from './i18n/index.ts';
import { App } from './ui/App.tsx';
import { ConfigErrorView } from './ui/ConfigErrorView.tsx';
import { agentDisplayStrings } from './ui/view-model.ts';
import './ui/toolbar.css';

/**
 * The app shell: read the configuration, pick the language, load the configured vendor, start the
 * workspace and show the toolbar at once (it says "Connecting…" until the vendor reports), then link
 * to Fusion when the page is framed by it. Nothing here throws at the agent: a bad configuration is
 * shown, an unreachable Fusion leaves the toolbar working on its own.
 */
async function main(root: HTMLElement): Promise<void> {
  const logger = browserLogger();
  const framed = window.parent !== window;
  // Fetch the Fusion adapter while the configuration loads; FusionLink imports the same module later.
  if (framed) void import('./fusion/fusion-adapter.ts').catch(() => undefined);
  const loaded = await loadConfig((url) => fetch(url, { cache: 'no-cache' }), window.location.search);
  if (!loaded.ok) {
    logger.error({ detail: loaded.detail }, 'invalid toolbar configuration');
    const t = applyLocale(resolveLocale('auto', navigator.languages));
    render(<ConfigErrorView t={t} detail={loaded.detail} />, root);
    return;
  }
  const { config, reasonCodes } = loaded.value;
  // Start loading Fusion's UEF library now, beside the vendor; FusionLink awaits the same load.
  if (framed) void loadUefLibrary(config.uefScriptUrl).catch(() => undefined);
  const locale = resolveLocale(config.locale, navigator.languages);
  const t = applyLocale(locale);
  const contacts = new CrmContacts(logger);

  const fusion = new FusionLink({
    config,
    contacts,
    labels: (agent, reasons) => agentDisplayStrings(agent, reasons, t),
    logger,
    framed,
  });
  const desktopOptions = loaded.value.agentDesktopOptions;
  const [vendor, extensionsModule] = await Promise.all([
    createVendor({
      config,
      reasonCodes,
      pageOrigin: window.location.origin,
      pageUrl: `${window.location.origin}${window.location.pathname}`,
      fusionTrustToken: (request) => fusion.trustToken(request),
      logger,
    }),
    Object.keys(desktopOptions).length > 0 ? import('./extensions/start-extensions.tsx') : undefined,
  ]);
  const workspace = new Workspace({ vendor, logger, newEventId: () => crypto.randomUUID(), reasonLabels: loaded.value.reasonLabels[locale] ?? {} });
  const extensions = extensionsModule?.startExtensions({ options: desktopOptions, workspace, window, agentId: config.agentId, locale, logger });

  const recentCallsStore = new LocalRecentCallsStore(pageLocalStorage(), recentCallsStorageKey(config.vendor, config.agentId), logger);

  render(
    <App
      workspace={workspace}
      contacts={contacts}
      t={t}
      locale={locale}
      phoneRegion={config.phoneRegion}
      fusion={fusion}
      extensions={extensions}
      shortcuts={config.shortcuts}
      recentCallsStore={recentCallsStore}
    />,
    root,
  );
  logger.info({ vendor: vendor.vendorName, locale, credentials: config.credentials }, 'toolbar started');
  void workspace.start();
  void fusion.start(workspace);
}

/** Set the page's language and title, and return the translator. */
function applyLocale(locale: Locale) {
  const t = translator(locale);
  document.documentElement.lang = locale;
  document.title = t('app.title');
  return t;
}

const root = document.getElementById('app');
if (root) {
  main(root).catch((error: unknown) => {
    browserLogger().error({ err: error }, 'the toolbar could not start');
    const t = applyLocale(resolveLocale('auto', navigator.languages));
    render(<ConfigErrorView t={t} detail={error instanceof Error ? error.message : String(error)} />, root);
  });
}
