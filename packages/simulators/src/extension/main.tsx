import { render } from 'preact';
import type { GenesysGlobal } from '@ctikit/service-client';
import { SampleStore } from './sample-store.ts';
import { openedFor, SampleExtension } from './SampleExtension.tsx';
import { sampleLocale, sampleTranslator } from './sample-strings.ts';
import './extension.css';

/**
 * The sample extension's page: it uses `window.genesys.wwe.service`, which the classic script
 * `wwe-service-client-api.js` defined before this module ran — exactly as a page written for
 * Agent Desktop does. The script pins itself to the origin of the page framing this one. It speaks
 * the language the toolbar names in its URL (`?locale=ja`).
 */
const root = document.getElementById('extension');
const service = (window as Window & GenesysGlobal).genesys?.wwe?.service;
if (root && service) {
  const locale = sampleLocale(window.location.search);
  document.documentElement.lang = locale;
  const store = new SampleStore(service);
  render(<SampleExtension store={store} t={sampleTranslator(locale)} openedFor={openedFor(window.location.search)} />, root);
  void store.connect();
} else if (root) {
  root.textContent = 'wwe-service-client-api.js did not load: genesys.wwe.service is not defined.';
}
