import { render } from 'preact';
import { loadConfig } from './app/config-file.ts';
import { browserLogger } from './app/browser-logger.ts';
import { FusionLink } from './app/fusion.ts';
import { createVendor } from './app/vendor.ts';
import { loadUefLibrary } from './fusion/load-uef.ts';
import { CrmContacts } from './core/crm-contacts.ts';
import { LocalRecentCallsStore, pageLocalStorage, recentCallsStorageKey } from './platform/recent-calls-store.ts';
import { Workspace } from './core/workspace.ts';
import { loadCatalog, resolveLocale, translator, type Catalog, type Locale } from './i18n/index.ts';
import { markStartup } from './platform/startup-marks.ts';
import { App, callCardView } from './ui/App.tsx';
import type { ExtensionsView } from './extensions/start-extensions.tsx';
import { en } from './i18n/en.ts';
import { ConfigErrorView } from './ui/ConfigErrorView.tsx';
import { agentDisplayStrings } from './ui/view-model.ts';
import './ui/toolbar.css';

/**
 * The app shell: read the configuration, pick the language, load the configured vendor, start the
 * workspace and show the toolbar at once (it says "Connecting…" until the vendor reports), then link
 * to Fusion when the page is framed by it, and start the web extensions once Fusion has the agent's
 * state (their frames would compete with the start-up for the main thread). Nothing here throws at
 * the agent: a bad configuration is shown, an unreachable Fusion leaves the toolbar working on its
 * own. The start-up's steps are marked for `npm run bench:toolbar` (platform/startup-marks.ts).
 */
async function main(root: HTMLElement): Promise<void> {
  markStartup('ctikit:evaluated');
  const logger = browserLogger();
  const framed = window.parent !== window;
  // Fetch the Fusion adapter while the configuration loads; FusionLink imports the same module later.
  if (framed) void import('./fusion/fusion-adapter.ts').catch(() => undefined);
  const loaded = await loadConfig((url) => fetch(url, { cache: 'no-cache' }), window.location.search);
  if (!loaded.ok) {
    logger.error({ detail: loaded.detail }, 'invalid toolbar configuration');
    await showError(root, loaded.detail);
    return;
  }
  markStartup('ctikit:config');
  const { config, reasonCodes } = loaded.value;
  // Start loading Fusion's UEF library now, beside the vendor; FusionLink awaits the same load.
  if (framed) void loadUefLibrary(config.uefScriptUrl).catch(() => undefined);
  const locale = resolveLocale(config.locale, navigator.languages);
  const contacts = new CrmContacts(logger);
  let t = translator(en);
  const fusion = new FusionLink({
    config,
    contacts,
    labels: (agent, reasons) => agentDisplayStrings(agent, reasons, t),
    logger,
    framed,
  });
  const started = Promise.all([
    createVendor({
      config,
      reasonCodes,
      pageOrigin: window.location.origin,
      pageUrl: `${window.location.origin}${window.location.pathname}`,
      fusionTrustToken: (request) => fusion.trustToken(request),
      logger,
    }),
    loadCatalog(locale),
  ]).then(([vendor, catalog]) => {
    markStartup('ctikit:vendor');
    t = applyLocale(locale, catalog);
    logger.info({ vendor: vendor.vendorName, locale, credentials: config.credentials }, 'toolbar started');
    return new Workspace({ vendor, logger, newEventId: () => crypto.randomUUID(), reasonLabels: loaded.value.reasonLabels[locale] ?? {} });
  });
  // UEF's handshake and getConfigurationOperation need no workspace: they go on while the vendor loads.
  void fusion.start(started);
  const workspace = await started;
  const recentCallsStore = new LocalRecentCallsStore(pageLocalStorage(), recentCallsStorageKey(config.vendor, config.agentId), logger);
  const show = (extensions?: ExtensionsView) =>
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
  show();
  markStartup('ctikit:rendered');
  void workspace.start();

  await fusionSettled(fusion);
  void callCardView.preload().catch((error: unknown) => logger.warn({ err: error }, 'the call cards did not load'));
  const desktopOptions = loaded.value.agentDesktopOptions;
  if (Object.keys(desktopOptions).length === 0) return;
  // The toolbar is working by now: a chunk that does not load costs the extensions, not the toolbar.
  const extensionsModule = await import('./extensions/start-extensions.tsx').catch((error: unknown) => {
    logger.error({ err: error }, 'the web extensions could not load');
    return undefined;
  });
  if (!extensionsModule) return;
  const extensions = extensionsModule.startExtensions({ options: desktopOptions, workspace, window, agentId: config.agentId, locale, logger });
  if (extensions) show(extensions);
}

/** Resolves once the Fusion link is past its start: linked (Fusion has the agent's state), standalone, or tired of waiting. */
function fusionSettled(fusion: FusionLink): Promise<void> {
  return new Promise((resolve) => {
    if (fusion.get().kind !== 'starting') return resolve();
    const stop = fusion.subscribe((status) => {
      if (status.kind === 'starting') return;
      stop();
      resolve();
    });
  });
}

/** What the agent sees when the toolbar cannot start, in the browser's language. */
async function showError(root: HTMLElement, detail: string): Promise<void> {
  const locale = resolveLocale('auto', navigator.languages);
  const t = applyLocale(locale, await loadCatalog(locale).catch(() => en));
  render(<ConfigErrorView t={t} detail={detail} />, root);
}

/** Set the page's language and title, and return the translator. */
function applyLocale(locale: Locale, catalog: Catalog) {
  const t = translator(catalog);
  document.documentElement.lang = locale;
  document.title = t('app.title');
  return t;
}

const root = document.getElementById('app');
if (root) {
  main(root).catch(async (error: unknown) => {
    browserLogger().error({ err: error }, 'the toolbar could not start');
    await showError(root, error instanceof Error ? error.message : String(error));
  });
}
