import type { Clock } from '@ctikit/kernel';

/**
 * The browser's clock for the pages and the UEF library. It is the protocol package's systemClock
 * again, written out because importing that package's index would pull its zod schemas into these
 * small scripts.
 */
export const browserClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(timer) };
  },
};
