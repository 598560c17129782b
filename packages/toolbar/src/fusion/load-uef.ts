import type { UefGlobal } from './uef-types.ts';

/**
 * Load the UEF client library with a script tag, as Oracle documents: from static.oracle.com in
 * production, from the Fusion simulator in the demo. The same code runs in both.
 */
const loading = new Map<string, Promise<UefGlobal>>();

/** Load it once per URL: the app shell starts the load early, the Fusion link awaits the same one. */
export function loadUefLibrary(scriptUrl: string, doc: Document = document): Promise<UefGlobal> {
  const existing = doc.defaultView?.CX_SVC_UI_EVENTS_FRAMEWORK;
  if (existing) return Promise.resolve(existing);
  let load = loading.get(scriptUrl);
  if (!load) {
    load = inject(scriptUrl, doc);
    loading.set(scriptUrl, load);
    load.catch(() => loading.delete(scriptUrl));
  }
  return load;
}

function inject(scriptUrl: string, doc: Document): Promise<UefGlobal> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = scriptUrl;
    script.async = true;
    script.onload = () => {
      const uef = doc.defaultView?.CX_SVC_UI_EVENTS_FRAMEWORK;
      if (uef) resolve(uef);
      else reject(new Error(`${scriptUrl} loaded but did not define CX_SVC_UI_EVENTS_FRAMEWORK`));
    };
    script.onerror = () => reject(new Error(`could not load the UEF library from ${scriptUrl}`));
    doc.head.appendChild(script);
  });
}
