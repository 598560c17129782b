/**
 * The system's Chromium (Debian's `chromium`; `CHROMIUM_PATH` overrides it) and the flags it runs
 * with here: headless, and none of the background connections a closed network refuses. Shared by
 * the Playwright suite and the browser benchmark.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
