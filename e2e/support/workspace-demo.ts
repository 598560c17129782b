import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { createBridge } from '../../packages/bridge/src/index.ts';
import type { Bridge } from '../../packages/bridge/src/index.ts';
import { FusionPage } from './fusion-page.ts';
import { ToolbarView } from './toolbar-view.ts';

/**
 * The demo on a bridge whose contact center is a Genesys Workspace API (ctikit's Workspace face, or
 * Genesys' own agent-api-simulator): a real bridge in dev mode, in the test's process, with the
 * `workspace-api` backend and no token of its own for the agents, serving the built pages (the
 * snapshot the suites' web server makes) with a toolbar whose config.json signs the agent in with
 * Genesys Authentication (`genesysSignIn`). No simulator control: customers call through the
 * contact center's own means.
 */
const PAGES = fileURLToPath(new URL('../../.test-results/e2e-pages/', import.meta.url));

export interface WorkspaceDemoOptions {
  /** The Workspace API's origin (and Genesys Authentication's). */
  apiUrl: string;
  apiKey: string;
  agents: ReadonlyArray<{ agentId: string; dn: string; name?: string }>;
  clientId: string;
  /** `genesysSignIn.echoesState` in the toolbar's config.json: false for Genesys' simulator, which sends no `state` back. */
  echoesState?: boolean;
  reasonCodes?: ReadonlyArray<{ code: string; label: string }>;
  /** The bridge's port; default a free one. */
  port?: number;
}

export interface WorkspaceDemo {
  bridge: Bridge;
  /** The bridge's origin. */
  url: string;
  /** The toolbar's sign-in page: the redirect URI to register with Genesys Authentication. */
  redirectUri: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The port the bridge will take and the redirect URI it will serve, before it starts (Genesys Authentication registers it first). */
export async function workspaceDemoAddress(port?: number): Promise<{ port: number; url: string; redirectUri: string }> {
  const chosen = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosen}`;
  return { port: chosen, url, redirectUri: `${url}/toolbar/genesys-sign-in.html` };
}

export async function startWorkspaceDemo(options: WorkspaceDemoOptions): Promise<WorkspaceDemo> {
  if (!existsSync(join(PAGES, 'toolbar', 'genesys-sign-in.html'))) throw new Error(`No built pages in ${PAGES}: the suite's web server builds them.`);
  const address = await workspaceDemoAddress(options.port);
  const toolbar = mkdtempSync(join(tmpdir(), 'ctikit-workspace-toolbar-'));
  cpSync(join(PAGES, 'toolbar'), toolbar, { recursive: true });
  const config = JSON.parse(readFileSync(join(toolbar, 'config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(toolbar, 'config.json'),
    JSON.stringify({
      ...config,
      genesysSignIn: {
        authorizeUrl: `${options.apiUrl}/auth/v3/oauth/authorize`,
        clientId: options.clientId,
        ...(options.echoesState !== undefined ? { echoesState: options.echoesState } : {}),
      },
    }),
  );
  const bridge = createBridge({
    mode: 'dev',
    port: address.port,
    logLevel: 'warn',
    extensionsPort: false,
    staticDirs: [
      { dir: join(PAGES, 'simulators'), prefix: '/' },
      { dir: toolbar, prefix: '/toolbar/' },
    ],
    backend: {
      kind: 'workspace-api',
      apiUrl: options.apiUrl,
      apiKey: options.apiKey,
      agents: options.agents.map(({ agentId, dn, name }) => ({ agentId, dn, ...(name !== undefined ? { name } : {}) })),
      reasonCodes: (options.reasonCodes ?? []).map((reason) => ({ ...reason })),
    },
  });
  await bridge.listen();
  return {
    bridge,
    url: address.url,
    redirectUri: address.redirectUri,
    async close() {
      await bridge.close();
      rmSync(toolbar, { recursive: true, force: true });
    },
  };
}

/** The Fusion simulator framing the toolbar as `agentId`, once the toolbar has reported the agent. */
export async function openWorkspaceDemo(page: Page, demo: WorkspaceDemo, agentId: string): Promise<{ fusion: FusionPage; toolbar: ToolbarView }> {
  const toolbar = `/toolbar/?${new URLSearchParams({ agentId })}`;
  await page.goto(`${demo.url}/?${new URLSearchParams({ agentId, toolbar })}`);
  const fusion = new FusionPage(page);
  await expect(fusion.phoneButton).toBeEnabled();
  return { fusion, toolbar: new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]')) };
}

/** Go available, and sign in with Genesys Authentication in the window the toolbar opens. */
export async function goAvailableSigningIn(page: Page, toolbar: ToolbarView, userName: string, password: string): Promise<void> {
  const signInWindow = page.context().waitForEvent('page');
  await toolbar.goAvailable();
  const signIn = await signInWindow;
  await signIn.getByRole('textbox', { name: 'User name' }).fill(userName);
  await signIn.getByLabel('Password').fill(password);
  // The window may close before the click returns: wait for it from before.
  const closed = signIn.waitForEvent('close');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await closed;
}
