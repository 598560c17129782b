import { browserClock } from '../wire/browser-clock.ts';
import { UiEventsFramework } from './provider.ts';
import { TOOLBAR_NAME_PARAM, hostOriginOf, windowTransport } from './window-transport.ts';

/**
 * The UEF client library, built as an IIFE to `dist/uef/ui-events-framework-client.js`: the stand-in for
 * Oracle's `ui-events-framework-client.js` that a toolbar loads with a script tag. It sets
 * `window.CX_SVC_UI_EVENTS_FRAMEWORK.uiEventsFramework`.
 */

const uiEventsFramework = new UiEventsFramework(() => {
  const hostOrigin = hostOriginOf(window);
  return {
    transport: windowTransport(window, hostOrigin),
    clock: browserClock,
    toolbarName: new URL(window.location.href).searchParams.get(TOOLBAR_NAME_PARAM) ?? 'toolbar',
    frameOrigin: window.location.origin,
  };
});

Object.assign(window, { CX_SVC_UI_EVENTS_FRAMEWORK: { uiEventsFramework } });
