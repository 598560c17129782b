import { ManualClock } from '@ctikit/kernel';
import contacts from '../../src/fusion/contacts.json';
import { parseContactDirectory } from '../../src/fusion/contact-directory.ts';
import { FusionSession } from '../../src/fusion/fusion-session.ts';
import { defaultFusionConfig, type FusionConfig } from '../../src/fusion/fusion-state.ts';
import type { UefTransport } from '../../src/uef/connection.ts';
import { UiEventsFramework } from '../../src/uef/provider.ts';
import type { HostMessage, ToolbarMessage } from '../../src/wire/uef-message.ts';
import { parseHostMessage, parseToolbarMessage } from '../../src/wire/uef-message.ts';

/**
 * Our UEF client library and the Fusion host linked in memory, the way postMessage links them in the
 * browser: every message is structured-cloned, parsed by the receiving side's schema and delivered
 * on a later task. Both ends are the real modules; only the window is missing.
 */
export function linkToolbarToFusion(config: Partial<FusionConfig> = {}) {
  const clock = new ManualClock();
  const toolbarListeners = new Set<(message: HostMessage) => void>();
  const wire: { toFusion: ToolbarMessage[]; toToolbar: HostMessage[] } = { toFusion: [], toToolbar: [] };

  const session = new FusionSession({
    clock,
    config: defaultFusionConfig(config),
    directory: parseContactDirectory(contacts),
    post(message) {
      wire.toToolbar.push(message);
      const copy = structuredClone(message);
      setImmediate(() => {
        const parsed = parseHostMessage(copy);
        if (!parsed.ok) throw new Error(`host sent a message the library cannot parse: ${parsed.problems.join('; ')}`);
        for (const listener of toolbarListeners) listener(parsed.message);
      });
    },
  });

  const transport: UefTransport = {
    send(message) {
      wire.toFusion.push(message);
      const copy = structuredClone(message);
      setImmediate(() => {
        const parsed = parseToolbarMessage(copy);
        if (parsed.ok) session.receive(parsed.message);
        else session.refuse('toolbar', `malformed: ${parsed.problems.join('; ')}`, copy);
      });
    },
    listen(handler) {
      toolbarListeners.add(handler);
      return () => toolbarListeners.delete(handler);
    },
  };

  const framework = new UiEventsFramework(() => ({
    transport,
    clock,
    toolbarName: 'test_toolbar',
    frameOrigin: 'http://toolbar.test',
  }));

  return { clock, session, framework, wire };
}

/** Let every message in flight arrive (each hop is one macrotask). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
