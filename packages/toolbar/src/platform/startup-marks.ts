/**
 * Where a cold start of the toolbar spends its time, as User Timing marks (`performance.mark`) in the
 * toolbar's page: cheap, never logged, read by `npm run bench:toolbar` and by the browser's own
 * performance panel. Each is set once per page, in this order on a framed Genesys start:
 *
 * - `ctikit:evaluated` — the entry module has run (its chunks are fetched and evaluated);
 * - `ctikit:config` — the configuration is read and checked;
 * - `ctikit:vendor` — the vendor's chunk is loaded and its handler built;
 * - `ctikit:rendered` — the toolbar is on screen;
 * - `ctikit:uef-library` — Fusion's UEF library is loaded, with the Fusion adapter's chunk;
 * - `ctikit:uef-initialized` — UEF's initialize and the PHONE context answered (the handshake);
 * - `ctikit:uef-configuration` — getConfigurationOperation answered;
 * - `ctikit:agent-state` — the first agentStateEventOperation is sent to Fusion.
 */
export const STARTUP_MARKS = [
  'ctikit:evaluated',
  'ctikit:config',
  'ctikit:vendor',
  'ctikit:rendered',
  'ctikit:uef-library',
  'ctikit:uef-initialized',
  'ctikit:uef-configuration',
  'ctikit:agent-state',
] as const;
export type StartupMark = (typeof STARTUP_MARKS)[number];

/** Set a start-up mark, once: later calls (a second Fusion link, a reload of the adapter) keep the first. */
export function markStartup(name: StartupMark): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
