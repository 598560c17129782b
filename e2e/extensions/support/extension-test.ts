import type { Page } from '@playwright/test';
import { E2E_BRIDGE_PORT, E2E_BRIDGE_URL } from '../../support/environment.ts';
import { expect, test as demoTest } from '../../support/demo-test.ts';
import { ToolbarView } from '../../support/toolbar-view.ts';
import { ExtensionProbe } from './extension-probe.ts';

/**
 * The fixtures of the web extension suite. The bridge serves the sample extension from its second
 * origin (the port after its own); by host name that port gives two origins, so a test can have an
 * accepted extension and a stranger side by side. Each test sets the toolbar's `agentDesktopOptions`
 * (`test.use({ desktop })`): the toolbar's config.json is answered with them, the rest of the
 * file as the demo has it. The toolbar is opened on its own page, as the test's agent.
 *
 * ```ts
 * test.use({ desktop: desktopOptions({ 'service-client-api.rate-limit': '10' }) });
 * test('…', async ({ toolbar, agent, sim }) => { const probe = await toolbar.extension('Probe'); … });
 * ```
 */

const EXTENSIONS_PORT = E2E_BRIDGE_PORT + 1;
/** The accepted extension origin, and a second origin on the same server. */
export const EXTENSION_ORIGIN = `http://127.0.0.1:${EXTENSIONS_PORT}`;
export const OTHER_ORIGIN = `http://localhost:${EXTENSIONS_PORT}`;
export const TOOLBAR_ORIGIN = E2E_BRIDGE_URL;

export type Sections = Record<string, Record<string, string>>;

/** One workspace tab, "Probe", showing the sample extension from the accepted origin. */
export function desktopOptions(workspace: Record<string, string> = {}, sections: Sections = {}): Sections {
  return {
    'interaction-workspace': {
      'workspace.web-content': 'Probe',
      'service-client-api.accepted-web-content-origins': `${EXTENSION_ORIGIN} (*)`,
      ...workspace,
    },
    Probe: { label: 'Probe', url: `${EXTENSION_ORIGIN}/extension.html` },
    ...sections,
  };
}

export interface ToolbarPage {
  readonly page: Page;
  readonly view: ToolbarView;
  /** The frame of a configured view, its client ready. */
  extension(name: string): Promise<ExtensionProbe>;
}

interface Fixtures {
  desktop: Sections;
  toolbar: ToolbarPage;
}

export const test = demoTest.extend<Fixtures>({
  desktop: [desktopOptions(), { option: true }],

  toolbar: async ({ page, agent, desktop }, use) => {
    await page.route('**/toolbar/config.json', async (route) => {
      const response = await route.fetch();
      const file = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...file, agentDesktopOptions: desktop } });
    });
    await page.goto(`${E2E_BRIDGE_URL}/toolbar/?${new URLSearchParams({ agentId: agent.agentId })}`);
    const view = new ToolbarView(page);
    await expect(view.agentStateText).toHaveText('Logged out');
    await use({ page, view, extension: (name) => ExtensionProbe.of(page, name) });
  },
});

export { expect };
